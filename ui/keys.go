package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// key handles a key press: ForceQuit always quits; keys meant for a note
// that is still rendering wait for it (see mustDefer).
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	if key.Matches(msg, k.ForceQuit) {
		return m.quit()
	}
	if m.mustDefer(msg) {
		if key.Matches(msg, k.Quit) && m.mode == modeBrowse {
			return m.quit()
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
// or the timeline is being made, or the sections pane's moments, or
// earlier keys wait already and order must be kept. Keys that leave
// (panes, history, help, search) act at once and drop the waiting keys.
func (m *Model) mustDefer(msg tea.KeyPressMsg) bool {
	if m.mode == modeBrowse && m.leaves(msg) {
		m.deferred = nil
		return false
	}
	return len(m.deferred) > 0 || m.waiting()
}

// waiting reports whether what has the keyboard cannot take keys yet: the
// reader's note or the timeline is still being made, or the sections
// pane's moments (its note's text) are still being read.
func (m *Model) waiting() bool {
	return m.mode == modeBrowse && m.focus == focusReader && m.reader.Rendering() ||
		m.mode == modeBrowse && m.focus == focusSections && !m.sections.Ready() ||
		m.mode == modeTimeline && m.timeline.Loading()
}

// leaves reports whether a browse-mode key takes the user away from the
// reader's note.
func (m *Model) leaves(msg tea.KeyPressMsg) bool {
	k := m.c.Keys
	return key.Matches(msg, k.Help, k.NextPane, k.PrevPane, k.Sidebar, k.Back, k.Forward, k.Search, k.Bookmarks)
}

// replayDeferred runs the keys that waited for the note to render or the
// timeline to be made, in order, until one opens a note or a timeline that
// must be made in turn.
func (m *Model) replayDeferred() tea.Cmd {
	var cmds []tea.Cmd
	for len(m.deferred) > 0 && !m.reader.Rendering() && m.sections.Ready() && !(m.mode == modeTimeline && m.timeline.Loading()) {
		k := m.deferred[0]
		m.deferred = m.deferred[1:]
		cmds = append(cmds, m.keyNow(k))
	}
	return tea.Batch(cmds...)
}

// keyNow gives a key to the mode that has the keyboard, then acts on what
// the panes asked for, so the next key sees the outcome.
func (m *Model) keyNow(msg tea.KeyPressMsg) tea.Cmd {
	var cmd tea.Cmd
	switch m.mode {
	case modeHelp:
		cmd = m.helpKey(msg)
	case modeSearch:
		m.search, cmd = m.search.Update(msg)
	case modeFilter:
		cmd = m.filterKey(msg)
	case modeFind:
		cmd = m.findKey(msg)
	case modeMark:
		cmd = m.nameKey(msg)
	case modeMarks:
		cmd = m.bookmarksKey(msg)
	case modeTimeline:
		cmd = m.timelineKey(msg)
	case modeTheme:
		cmd = m.themeKey(msg)
	default:
		cmd = m.browseKey(msg)
	}
	return tea.Batch(cmd, m.takeActions())
}

// paste gives pasted text to the query being typed, if any.
func (m *Model) paste(msg tea.PasteMsg) tea.Cmd {
	var cmd tea.Cmd
	switch m.mode {
	case modeSearch:
		m.search, cmd = m.search.Update(msg)
	case modeFilter:
		cmd = m.notes.EditFilter(msg)
	case modeFind:
		cmd = m.editFind(msg)
	case modeMark, modeMarks:
		if m.namingBookmark() {
			cmd = m.editName(msg)
		}
	case modeTimeline:
		m.timeline, cmd = m.timeline.Update(msg)
	}
	return cmd
}
