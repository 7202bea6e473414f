package reader

import (
	"charm.land/bubbles/v2/key"

	"tubenotes/ui/common"
)

// offers is what the keys of the open rendering can act on, so that the
// hint line names only keys that do something here: a note without
// timestamps has nothing for t to select, one without a video nothing
// for o to play.
type offers struct {
	timestamps bool // a timestamp, or a link to a video (a channel page's), for t/T and enter
	links      bool // a wikilink or a web link, for ]/[ and enter
}

// offersOf is what the shown rendering holds: one pass over its items,
// when it is shown, not at every frame.
func (m Model) offersOf() offers {
	var o offers
	for _, it := range m.doc.Items {
		o.timestamps = o.timestamps || m.steps(it, TimestampSel)
		o.links = o.links || m.steps(it, LinkSel)
		if o.timestamps && o.links {
			break
		}
	}
	return o
}

// browseHints are the pane's own keys for the hint line, those that can
// act on the note shown; every one while it is still being rendered.
func (m Model) browseHints() []key.Binding {
	k := m.opts.Keys
	o, video := m.offers, m.note != nil && m.note.HasVideo()
	if !m.ready() {
		o, video = offers{timestamps: true, links: true}, true
	}
	var b []key.Binding
	// the timeline before the links: at 80 columns one of them is cut
	if o.timestamps {
		b = append(b, common.Pair(k.NextTimestamp, k.PrevTimestamp, "timestamps"))
	}
	if o.timestamps || o.links {
		b = append(b, k.Enter)
	}
	if video || o.timestamps {
		b = append(b, k.OpenVideo)
	}
	if video {
		b = append(b, k.Timeline)
	}
	if o.links {
		b = append(b, common.Pair(k.NextLink, k.PrevLink, "links"))
	}
	if video || o.timestamps {
		b = append(b, k.CopyURL)
	}
	return b
}
