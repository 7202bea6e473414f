package reader

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"tubenotes/ui/common"
)

// keyPress acts on a key while the reader has the keyboard.
func (m *Model) keyPress(msg tea.KeyPressMsg) {
	if m.note == nil {
		return
	}
	k := m.opts.Keys
	switch {
	case key.Matches(msg, k.Up):
		m.ScrollBy(-1)
	case key.Matches(msg, k.Down):
		m.ScrollBy(1)
	case key.Matches(msg, k.Top):
		m.GotoTop()
	case key.Matches(msg, k.Bottom):
		m.GotoBottom()
	case key.Matches(msg, k.PageUp):
		m.PageUp()
	case key.Matches(msg, k.PageDown):
		m.PageDown()
	case key.Matches(msg, k.HalfUp):
		m.HalfPageUp()
	case key.Matches(msg, k.HalfDown):
		m.HalfPageDown()
	case key.Matches(msg, k.NextTimestamp):
		m.NextTimestamp()
	case key.Matches(msg, k.PrevTimestamp):
		m.PrevTimestamp()
	case key.Matches(msg, k.NextLink):
		m.NextLink()
	case key.Matches(msg, k.PrevLink):
		m.PrevLink()
	case key.Matches(msg, k.Enter):
		m.Activate(m.sel)
	case key.Matches(msg, k.OpenVideo):
		m.Add(m.videoAction(false))
	case key.Matches(msg, k.CopyURL):
		m.Add(m.videoAction(true))
	case key.Matches(msg, k.Timeline):
		m.Add(common.ShowTimeline{Note: m.note, Timestamp: m.TimestampForOpen()})
	case key.Matches(msg, k.Find):
		m.Add(common.StartFind{})
	case key.Matches(msg, k.FindNext):
		m.FindNext()
	case key.Matches(msg, k.FindPrev):
		m.FindPrev()
	case key.Matches(msg, k.Clear):
		m.SetFind("")
		m.ClearSelection()
	}
}

// Activate asks for what sel points at: a timestamp's video, the note a
// link names, or a markdown link's page (its video for a YouTube link).
func (m *Model) Activate(sel Selection) {
	switch sel.Kind {
	case TimestampSel:
		m.Add(common.OpenVideo{Note: m.note, Timestamp: sel.Index})
	case LinkSel:
		m.Add(common.FollowLink{Note: m.note, Index: sel.Index})
	case WebLinkSel:
		m.activateWebLink(sel.Index)
	}
}

// ShortHelp is the pane's part of the hint line in browse mode.
func (m Model) ShortHelp() []key.Binding {
	k := m.opts.Keys
	b := m.browseHints()
	if m.Finding() { // first: the line may be cut at its end
		return append([]key.Binding{common.Pair(k.FindNext, k.FindPrev, "matches"), k.Clear}, b...)
	}
	return append(b, k.Find)
}

// FullHelp is every key of the pane but the moves (the root shows those
// once), for the ? screen.
func (m Model) FullHelp() [][]key.Binding {
	k := m.opts.Keys
	// The timeline under the find keys, not a column of its own: at 80
	// columns the help then has room for the keys of a query being typed.
	return [][]key.Binding{
		{k.NextTimestamp, k.PrevTimestamp, k.NextLink, k.PrevLink, k.Enter, k.OpenVideo, k.CopyURL},
		{k.Find, k.FindNext, k.FindPrev, k.Clear, k.Timeline},
	}
}
