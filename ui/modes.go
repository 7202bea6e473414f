package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tubenotes/model"
	"tubenotes/ui/common"
)

// Each mode's keys: a handler and the hints drawn from the same bindings.

// browseKey: the keys every pane shares, else the focused pane's own.
func (m *Model) browseKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Help):
		m.openHelp(modeBrowse)
	case key.Matches(msg, k.Search):
		m.mode = modeSearch
		return m.search.Focus()
	case key.Matches(msg, k.NextPane):
		return m.cycleFocus(1)
	case key.Matches(msg, k.PrevPane):
		return m.cycleFocus(numFocus - 1)
	case key.Matches(msg, k.Sidebar):
		return m.toggleSidebar()
	case key.Matches(msg, k.Back):
		return m.travel(&m.back, &m.forward, "no earlier note")
	case key.Matches(msg, k.Forward):
		return m.travel(&m.forward, &m.back, "no later note")
	case key.Matches(msg, k.Edit) && m.reader.Note() != nil:
		return m.edit()
	case key.Matches(msg, k.Reload) && m.canReload():
		return m.reload()
	case key.Matches(msg, k.Theme):
		return m.startTheme()
	case key.Matches(msg, k.Bookmark):
		return m.startBookmark()
	case key.Matches(msg, k.Bookmarks):
		return m.openBookmarks()
	default:
		if cmd, ok := m.playerKey(msg); ok {
			return cmd
		}
		var cmd tea.Cmd
		switch m.focus {
		case focusNotes:
			m.notes, cmd = m.notes.Update(msg)
		case focusSections:
			m.sections, cmd = m.sections.Update(msg)
		case focusLinks:
			m.links, cmd = m.links.Update(msg)
		default:
			m.reader, cmd = m.reader.Update(msg)
		}
		return cmd
	}
	return nil
}

// cycleFocus moves the focus step panes on, past the links pane when the
// window has no room for it.
func (m *Model) cycleFocus(step focus) tea.Cmd {
	f := (m.focus + step) % numFocus
	if f == focusLinks {
		probe := *m // the layout with the links focused: narrow, the sidebar shows then
		probe.focus = f
		if probe.layout().links.h == 0 {
			f = (f + step) % numFocus
		}
	}
	m.setFocus(f)
	return m.resizePanes(true)
}

// browseKeys are the keys every pane shares, for hints and help.
func (m Model) browseKeys() []key.Binding {
	k := m.c.Keys
	b := []key.Binding{k.Search, k.NextPane, k.PrevPane, k.Sidebar, k.Back, k.Forward, k.Edit, k.Theme}
	if m.canReload() {
		b = append(b, k.Reload)
	}
	return append(b, k.Help, k.Quit)
}

// focused is the pane that reads keys in browse mode, as help sees it.
func (m Model) focused() (string, help.KeyMap) {
	switch m.focus {
	case focusNotes:
		return "notes", m.notes
	case focusSections:
		return "sections", m.sections
	case focusLinks:
		return "links into the note", m.links
	}
	return "reader", m.reader
}

// helpKey: the ? screen closes, quits, or scrolls.
func (m *Model) helpKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.CloseHelp):
		m.mode = m.helpFrom
	default:
		m.helpScrollKey(msg)
	}
	return nil
}

// timelineKey: while its filter is typed the timeline takes every key;
// otherwise ?, q and the player's keys keep their meaning and the rest go
// to the timeline.
func (m *Model) timelineKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	if !m.timeline.Typing() {
		switch {
		case key.Matches(msg, k.Quit):
			return m.quit()
		case key.Matches(msg, k.Help):
			m.openHelp(modeTimeline)
			return nil
		}
		if cmd, ok := m.playerKey(msg); ok {
			return cmd
		}
	}
	var cmd tea.Cmd
	m.timeline, cmd = m.timeline.Update(msg)
	return cmd
}

// showTimeline gives the window to the timeline of the video n was made
// from, the cursor on timestamp ts of n.
func (m *Model) showTimeline(n *model.Note, ts int) tea.Cmd {
	if n == nil || m.vault == nil {
		return nil
	}
	id := n.VideoID
	if vid := m.vault.VideoOf(n); vid != nil {
		id = vid.ID
	}
	if id == "" || len(m.vault.NotesOfVideo(id)) == 0 {
		m.status.SetMessage("this note is made from no video", true)
		return nil
	}
	m.endFind()
	m.mode = modeTimeline
	return m.timeline.Open(m.vault, id, n, ts)
}

// filterKey: the notes filter's query is typed; the list answers as it
// changes.
func (m *Model) filterKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.FilterAccept):
		m.mode = modeBrowse
		m.notes.AcceptFilter()
	case key.Matches(msg, k.QueryClear):
		m.mode = modeBrowse
		m.notes.ClearFilter()
	case key.Matches(msg, k.ChooseUp) && !m.notes.CanRecall():
		m.notes.MoveCursor(-1)
	case key.Matches(msg, k.ChooseDown):
		m.notes.MoveCursor(1)
	default:
		return m.notes.EditFilter(msg)
	}
	return nil
}

// startFilter gives the keyboard to a new, empty filter query.
func (m *Model) startFilter() tea.Cmd {
	m.mode = modeFilter
	return m.notes.StartFilter()
}

// findKey: the find-in-note query is typed; the reader highlights as it
// changes, and ↑/↓ step through the matches.
func (m *Model) findKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.FindAccept):
		m.mode = modeBrowse
		m.find.Blur()
	case key.Matches(msg, k.QueryClear):
		m.endFind()
	case key.Matches(msg, k.ChooseUp) && !m.find.CanRecall():
		m.reader.FindPrev()
	case key.Matches(msg, k.ChooseDown):
		m.reader.FindNext()
	default:
		return m.editFind(msg)
	}
	return nil
}

// startFind gives the keyboard to a new, empty find query.
func (m *Model) startFind() tea.Cmd {
	m.mode = modeFind
	m.reader.SetFind("")
	return m.find.Start()
}

// editFind lets the find input have a key or a paste.
func (m *Model) editFind(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	var changed bool
	m.find, cmd, changed = m.find.Update(msg)
	if changed {
		m.reader.SetFind(m.find.Value())
	}
	return cmd
}

// endFind drops the find-in-note query and its highlights.
func (m *Model) endFind() {
	if m.mode == modeFind {
		m.mode = modeBrowse
	}
	m.find.Blur()
	m.find.Clear()
	m.reader.SetFind("")
}

// stopTyping leaves a query being typed for browse mode, keeping the
// query: a click on a pane does.
func (m *Model) stopTyping() {
	switch m.mode {
	case modeFilter:
		m.notes.StopFilter()
	case modeFind:
		m.find.Blur()
	case modeMark:
		m.endNaming(false) // a click elsewhere drops the bookmark being named
	default:
		return
	}
	m.mode = modeBrowse
}

func (m *Model) closeSearch() {
	m.mode = modeBrowse
	m.search.Blur()
}

// queryKeys are the keys of a query being typed: enter, then ↑ for the
// last query when the input is empty (else ↑/↓ for what moves), then esc.
func (m Model) queryKeys(accept key.Binding, canRecall bool, moves string) []key.Binding {
	k := m.c.Keys
	step := common.Pair(k.ChooseUp, k.ChooseDown, moves)
	if canRecall {
		step = k.Recall
	}
	return []key.Binding{accept, step, k.QueryClear}
}

// hints are the one-line hint of the mode that has the keyboard.
func (m Model) hints() []key.Binding {
	k := m.c.Keys
	switch m.mode {
	case modeHelp:
		return m.helpHints()
	case modeSearch:
		return m.search.ShortHelp()
	case modeFilter:
		return m.queryKeys(k.FilterAccept, m.notes.CanRecall(), "choose")
	case modeFind:
		return m.queryKeys(k.FindAccept, m.find.CanRecall(), "matches")
	case modeMark, modeMarks:
		return m.marksHints()
	case modeTimeline:
		if m.timeline.Typing() {
			return m.queryKeys(k.FindAccept, m.timeline.CanRecall(), "choose")
		}
		return m.fitHints(append(m.playerKeys(true), m.timeline.ShortHelp()...), k.Help, k.Quit)
	case modeTheme:
		return m.themeHints()
	}
	_, pane := m.focused()
	// the player's keys first while it plays: they are what is used then
	b := append(m.playerKeys(true), m.reloadHint()...)
	b = append(b, pane.ShortHelp()...)
	b = append(b, append(m.editHint(), k.Search, k.NextPane)...)
	if extra, ok := pane.(extraHelp); ok {
		b = append(b, extra.ExtraHelp()...)
	}
	if m.width < wideWidth {
		b = append([]key.Binding{k.Sidebar}, b...)
	}
	return m.fitHints(b, k.Help, k.Quit)
}

// extraHelp is a pane with hints less useful than the keys every pane
// shares: they come after those, so a narrow line drops them first.
type extraHelp interface{ ExtraHelp() []key.Binding }

// fitHints is b and then last, leaving out b's last bindings while the
// line would be too wide, so the keys in last always show. Widths are
// added up as help.ShortHelpView lays them out ("key desc", " • " between),
// without drawing the line once per try.
func (m Model) fitHints(b []key.Binding, last ...key.Binding) []key.Binding {
	const sep = 3 // " • "
	width := func(k key.Binding) int {
		return ansi.StringWidth(k.Help().Key) + 1 + ansi.StringWidth(k.Help().Desc) + sep
	}
	room := m.width - 1 + sep // the leading space; no separator after the last
	for _, k := range last {
		room -= width(k)
	}
	n := 0
	for n < len(b) && room-width(b[n]) >= 0 {
		room -= width(b[n])
		n++
	}
	return append(b[:n:n], last...)
}
