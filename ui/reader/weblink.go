package reader

import (
	"tubenotes/model"
	"tubenotes/ui/common"
	"tubenotes/ui/render"
)

// kindOf is the selection kind of an item.
func kindOf(it render.Item) Kind {
	switch it.Kind {
	case render.Timestamp:
		return TimestampSel
	case render.Link:
		return LinkSel
	case render.WebLink:
		return WebLinkSel
	}
	return None
}

// steps reports whether the keys that step through kind k stop at it: the
// link keys at markdown links too, the timestamp keys at links to a
// YouTube video (a channel page's video headings) too.
func (m Model) steps(it render.Item, k Kind) bool {
	if m.selectable(it, k) {
		return true
	}
	if !m.selectable(it, WebLinkSel) {
		return false
	}
	return k == LinkSel || k == TimestampSel && m.linkedVideo(it.Index) != ""
}

// linkedVideo is the YouTube video markdown link i names, "" for none.
func (m Model) linkedVideo(i int) string { return model.YouTubeID(m.note.WebLinkTarget(i)) }

// activateWebLink plays the video of markdown link i, or opens its page.
func (m *Model) activateWebLink(i int) {
	if id := m.linkedVideo(i); id != "" {
		m.Add(common.OpenVideo{Note: m.note, Timestamp: -1, Video: id})
		return
	}
	m.Add(common.OpenLink{Note: m.note, Index: i})
}

// videoAction is what the open-video key asks for (copy: the copy key):
// the selected video link's video; else, on a note of no video of its own
// (a channel page) with no moment, the video linked at or above the
// current find match when it is on screen, else at or above the top line
// (the first on screen when none is); else the moment TimestampForOpen
// gives.
func (m Model) videoAction(copy bool) common.OpenVideo {
	if id := m.videoForOpen(); id != "" {
		return common.OpenVideo{Note: m.note, Timestamp: -1, Video: id, Copy: copy}
	}
	return common.OpenVideo{Note: m.note, Timestamp: m.TimestampForOpen(), Copy: copy}
}

func (m Model) videoForOpen() string {
	if m.sel.Kind == WebLinkSel {
		if id := m.linkedVideo(m.sel.Index); id != "" {
			return id
		}
	}
	if m.sel.Kind == TimestampSel || !m.ready() || m.note.HasVideo() || m.TimestampForOpen() >= 0 {
		return ""
	}
	at := m.yOffset
	match, onScreen := m.matchOnScreen()
	if onScreen {
		at = match.Line
	}
	above, below := "", ""
	for _, it := range m.doc.Items {
		if it.Kind != render.WebLink || !it.Found || !m.selectable(it, WebLinkSel) {
			continue
		}
		id := m.linkedVideo(it.Index)
		switch {
		case id == "":
		case it.Start.Line <= at:
			above = id
		case below == "" && !onScreen && it.Start.Line < m.yOffset+m.height:
			below = id
		}
	}
	if above != "" {
		return above
	}
	return below
}
