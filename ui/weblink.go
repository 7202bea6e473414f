package ui

import (
	tea "charm.land/bubbletea/v2"

	"tubenotes/model"
	engine "tubenotes/model/search"
	"tubenotes/ui/safe"
)

// linkedVideo opens (or copies) video id, which note n links to (a channel
// page's video heading), from its start.
func (m *Model) linkedVideo(n *model.Note, id string, copyURL bool) tea.Cmd {
	url := model.VideoURL(id, 0)
	if n == nil || url == "" {
		return nil
	}
	if copyURL {
		m.status.SetMessage("copied "+url, false)
		return tea.SetClipboard(url)
	}
	if m.opts.Player != nil {
		return m.playVideo(id, videoTitle(m.vault, n, id))
	}
	m.status.SetMessage("opening "+url, false)
	opener := m.opts.Opener
	return func() tea.Msg { return openedMsg{url: url, err: opener.Open(url, 0)} }
}

// videoTitle is the title the vault knows for video id, else the note's.
func videoTitle(v *model.Vault, n *model.Note, id string) string {
	if v != nil {
		if vid := v.Video(id); vid != nil && vid.Title != "" {
			return engine.Plain(vid.Title)
		}
	}
	return engine.Plain(n.Title)
}

// openLink opens the web page of markdown link i of n in the browser, or
// copies its URL when there is none; only http(s) pages are opened.
func (m *Model) openLink(n *model.Note, i int) tea.Cmd {
	if n == nil {
		return nil
	}
	target := n.WebLinkTarget(i)
	url := model.WebURL(target)
	if url == "" {
		m.status.SetMessage("not a web link: "+safe.Line(target), true)
		return nil
	}
	if m.opts.Links == nil {
		m.status.SetMessage("copied "+url, false)
		return tea.SetClipboard(url)
	}
	m.status.SetMessage("opening "+url, false)
	links := m.opts.Links
	return func() tea.Msg { return openedMsg{url: url, err: links.OpenLink(url)} }
}
