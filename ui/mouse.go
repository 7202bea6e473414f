package ui

import (
	tea "charm.land/bubbletea/v2"
)

// wheel scrolls the pane under the pointer.
func (m *Model) wheel(ms tea.Mouse) {
	delta := 0
	switch ms.Button {
	case tea.MouseWheelUp:
		delta = -3
	case tea.MouseWheelDown:
		delta = 3
	default:
		return
	}
	l := m.layout()
	switch {
	case l.tooSmall:
	case m.mode == modeTimeline:
		m.timeline.Scroll(delta)
	case m.mode == modeHelp:
		m.scrollHelp(delta)
	case !m.panesShown():
	case l.sidebar && l.notes.contains(ms.X, ms.Y):
		m.notes.Scroll(delta)
	case l.sidebar && l.sections.contains(ms.X, ms.Y):
		m.sections.Scroll(delta)
	case l.sidebar && l.links.contains(ms.X, ms.Y):
		m.links.Scroll(delta)
	case l.readerShown && l.reader.contains(ms.X, ms.Y):
		m.reader.ScrollBy(delta)
	}
}

// click selects notes and sections, and opens the badge or link clicked in
// the reader.
func (m *Model) click(ms tea.Mouse) tea.Cmd {
	if ms.Button != tea.MouseLeft {
		return nil
	}
	l := m.layout()
	if !l.tooSmall && m.mode == modeTimeline {
		m.timeline.Click(ms.Y)
		return nil
	}
	if l.tooSmall || !m.panesShown() {
		return nil
	}
	m.stopTyping()
	switch {
	case l.sidebar && l.notes.contains(ms.X, ms.Y):
		m.setFocus(focusNotes)
		m.notes.Click(ms.Y - l.notes.y)
	case l.sidebar && l.sections.contains(ms.X, ms.Y):
		m.setFocus(focusSections)
		m.sections.Click(ms.Y - l.sections.y)
	case l.sidebar && l.links.contains(ms.X, ms.Y):
		m.setFocus(focusLinks)
		m.links.Click(ms.Y - l.links.y)
	case l.readerShown && l.reader.contains(ms.X, ms.Y):
		m.setFocus(focusReader)
		if sel, ok := m.reader.HitAt(ms.X-l.reader.x, ms.Y-l.reader.y); ok {
			m.reader.Select(sel)
			m.reader.Activate(sel)
		}
	}
	return nil
}
