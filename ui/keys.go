package ui

import (
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// key handles a key press: ctrl+c always quits; keys meant for a note that
// is still rendering wait for it (see mustDefer).
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	if msg.String() == "ctrl+c" {
		return tea.Quit
	}
	if m.mustDefer(msg) {
		if key.Matches(msg, k.Quit) && !m.notes.Typing() && !m.finding {
			return tea.Quit
		}
		if len(m.deferred) < maxDeferred {
			m.deferred = append(m.deferred, msg)
		}
		return nil
	}
	return m.keyNow(msg)
}

// mustDefer reports whether a key has to wait: it is meant for the reader
// and the note is still rendering (selection and scrolling need its lines),
// or earlier keys wait already and order must be kept. Keys that leave
// (panes, history, help, search) act at once and drop the waiting keys.
func (m *Model) mustDefer(msg tea.KeyPressMsg) bool {
	if m.leaves(msg) {
		m.deferred = nil
		return false
	}
	return len(m.deferred) > 0 ||
		m.focus == focusReader && m.reader.Rendering() && !m.showHelp && !m.searching && !m.notes.Typing() && !m.finding
}

// leaves reports whether msg takes the user away from the reader's note.
func (m *Model) leaves(msg tea.KeyPressMsg) bool {
	if m.notes.Typing() || m.finding || m.searching || m.showHelp {
		return false
	}
	k := m.c.Keys
	return key.Matches(msg, k.Help, k.NextPane, k.PrevPane, k.Sidebar, k.Back, k.Forward, k.Search)
}

// replayDeferred runs the keys that waited for the note to render, in
// order, until one opens a note that must render in turn.
func (m *Model) replayDeferred() tea.Cmd {
	var cmds []tea.Cmd
	for len(m.deferred) > 0 && !m.reader.Rendering() {
		k := m.deferred[0]
		m.deferred = m.deferred[1:]
		cmds = append(cmds, m.keyNow(k))
	}
	return tea.Batch(cmds...)
}

// keyNow routes a key to what has the keyboard.
func (m *Model) keyNow(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case m.showHelp:
		if key.Matches(msg, k.Quit) {
			return tea.Quit
		}
		if key.Matches(msg, k.Help, k.Clear) {
			m.showHelp = false
		}
		return nil
	case m.searching:
		var cmd tea.Cmd
		m.search, cmd = m.search.Update(msg)
		return cmd
	case m.notes.Typing():
		var cmd tea.Cmd
		m.notes, cmd = m.notes.Update(msg)
		return cmd
	case m.finding:
		return m.findKey(msg)
	}
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.showHelp = true
	case key.Matches(msg, k.Search):
		m.searching = true
		return m.search.Focus()
	case key.Matches(msg, k.NextPane):
		m.setFocus((m.focus + 1) % 3)
		return m.resizePanes(true)
	case key.Matches(msg, k.PrevPane):
		m.setFocus((m.focus + 2) % 3)
		return m.resizePanes(true)
	case key.Matches(msg, k.Sidebar):
		return m.toggleSidebar()
	case key.Matches(msg, k.Back):
		return m.travel(&m.back, &m.forward, "no earlier note")
	case key.Matches(msg, k.Forward):
		return m.travel(&m.forward, &m.back, "no later note")
	default:
		var cmd tea.Cmd
		switch m.focus {
		case focusNotes:
			m.notes, cmd = m.notes.Update(msg)
		case focusSections:
			m.sections, cmd = m.sections.Update(msg)
		default:
			cmd = m.readerKey(msg)
		}
		return cmd
	}
	return nil
}

// toggleSidebar folds the sidebar away (wide) or swaps it with the reader
// (narrow).
func (m *Model) toggleSidebar() tea.Cmd {
	switch {
	case m.width >= wideWidth:
		m.hideSidebar = !m.hideSidebar
		if m.hideSidebar {
			m.setFocus(focusReader)
		}
	case m.focus == focusReader:
		m.setFocus(focusNotes)
	default:
		m.setFocus(focusReader)
	}
	return m.resizePanes(true)
}

// readerKey handles a key while the reader has the keyboard.
func (m *Model) readerKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	n := m.reader.Note()
	if n == nil {
		return nil
	}
	r := &m.reader
	switch {
	case key.Matches(msg, k.Up):
		r.ScrollBy(-1)
	case key.Matches(msg, k.Down):
		r.ScrollBy(1)
	case key.Matches(msg, k.Top):
		r.GotoTop()
	case key.Matches(msg, k.Bottom):
		r.GotoBottom()
	case key.Matches(msg, k.PageUp):
		r.PageUp()
	case key.Matches(msg, k.PageDown):
		r.PageDown()
	case key.Matches(msg, k.HalfUp):
		r.HalfPageUp()
	case key.Matches(msg, k.HalfDown):
		r.HalfPageDown()
	case key.Matches(msg, k.NextTimestamp):
		r.NextTimestamp()
	case key.Matches(msg, k.PrevTimestamp):
		r.PrevTimestamp()
	case key.Matches(msg, k.NextLink):
		r.NextLink()
	case key.Matches(msg, k.PrevLink):
		r.PrevLink()
	case key.Matches(msg, k.Enter):
		return m.activate(r.Selection())
	case key.Matches(msg, k.OpenVideo):
		return m.video(n, r.TimestampForOpen(), false)
	case key.Matches(msg, k.CopyURL):
		return m.video(n, r.TimestampForOpen(), true)
	case key.Matches(msg, k.Find):
		m.finding = true
	case key.Matches(msg, k.FindNext):
		r.FindNext()
	case key.Matches(msg, k.FindPrev):
		r.FindPrev()
	case key.Matches(msg, k.Clear):
		m.endFind()
		r.ClearSelection()
	}
	return nil
}

// findKey edits the find-in-note query; the reader highlights as it
// changes.
func (m *Model) findKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "enter":
		m.finding = false
		return nil
	case "esc":
		m.endFind()
		return nil
	case "backspace":
		_, size := utf8.DecodeLastRuneInString(m.findQuery)
		m.findQuery = m.findQuery[:len(m.findQuery)-size]
	default:
		if msg.Text == "" {
			return nil
		}
		m.findQuery += msg.Text
	}
	m.reader.SetFind(m.findQuery)
	return nil
}

// endFind clears the find-in-note query and its highlights.
func (m *Model) endFind() {
	if m.finding || m.findQuery != "" {
		m.finding, m.findQuery = false, ""
		m.reader.SetFind("")
	}
}
