package ui

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"tubenotes/model"
	"tubenotes/ui/open"
)

// openedMsg reports how opening a video went.
type openedMsg struct {
	url string
	err error
}

// followLink opens the note link i of n points at.
func (m *Model) followLink(n *model.Note, i int) tea.Cmd {
	if n == nil || i < 0 || i >= len(n.Links) || m.vault == nil {
		return nil
	}
	l := n.Links[i]
	to := m.vault.Note(l.Resolved)
	if to == nil {
		m.status.SetMessage("no note named "+l.Target, true)
		return nil
	}
	return m.openRemembered(to)
}

// video opens (or copies) the URL of timestamp ts of n; ts -1 is no
// moment, said on the status line: the video is never opened at 0 s for
// want of one.
func (m *Model) video(n *model.Note, ts int, copyURL bool) tea.Cmd {
	if n == nil {
		return nil
	}
	switch {
	case !n.HasVideo():
		m.status.SetMessage("this note names no video", true)
		return nil
	case ts < 0 || ts >= len(n.Timestamps):
		m.status.SetMessage("no moment here: no timestamp in this paragraph or above it in this section", true)
		return nil
	}
	url, seconds := n.TimestampURL(ts), int(n.Timestamps[ts].Seconds)
	if url == "" {
		m.status.SetMessage("timestamp "+n.Timestamps[ts].Raw+" is not a valid time", true)
		return nil
	}
	if copyURL {
		m.status.SetMessage("copied "+url, false)
		return tea.SetClipboard(url)
	}
	if m.opts.Player != nil {
		return m.playTimestamp(n, ts, seconds)
	}
	m.status.SetMessage("opening "+url, false)
	opener := m.opts.Opener
	return func() tea.Msg { return openedMsg{url: url, err: opener.Open(url, seconds)} }
}

// opened reports how opening went; with no display the URL is copied.
func (m *Model) opened(msg openedMsg) tea.Cmd {
	switch {
	case errors.Is(msg.err, open.ErrNoDisplay):
		m.status.SetMessage("no display to open a browser on; copied "+msg.url, false)
		return tea.SetClipboard(msg.url)
	case msg.err != nil:
		m.status.SetMessage(msg.err.Error(), true)
	default:
		m.status.SetMessage("opened "+msg.url, false)
	}
	return nil
}
