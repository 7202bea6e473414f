package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"tubenotes/ui/common"
)

// The ? screen scrolls when it is taller than the window: on a short
// terminal, or with the player's keys beside the others, its last rows
// would otherwise be cut off unseen.

// openHelp shows the ? screen from mode from, at its top.
func (m *Model) openHelp(from mode) {
	m.mode, m.helpFrom, m.helpTop = modeHelp, from, 0
}

// helpLines is the ? screen's text as lines.
func (m Model) helpLines() []string { return strings.Split(m.helpView(), "\n") }

// helpRows is the number of rows the ? screen has.
func (m Model) helpRows() int { return m.layout().bodyRows }

// helpOverflows reports whether the ? screen is taller than its rows.
func (m Model) helpOverflows() bool { return len(m.helpLines()) > m.helpRows() }

// scrollHelp moves the ? screen by delta rows, within its text.
func (m *Model) scrollHelp(delta int) { m.scrollHelpWithin(delta, len(m.helpLines())) }

// scrollHelpWithin is scrollHelp for a text of n lines.
func (m *Model) scrollHelpWithin(delta, n int) {
	m.helpTop = max(min(m.helpTop+delta, n-m.helpRows()), 0)
}

// helpScrollKey scrolls the ? screen for a move key, and reports whether
// msg was one. The text is laid out once for it.
func (m *Model) helpScrollKey(msg tea.KeyPressMsg) bool {
	k := m.c.Keys
	n, rows := len(m.helpLines()), max(m.helpRows(), 1)
	moves := []struct {
		b     key.Binding
		delta int
	}{
		{k.Up, -1}, {k.Down, 1}, {k.PageUp, -rows}, {k.PageDown, rows},
		{k.HalfUp, -rows / 2}, {k.HalfDown, rows / 2},
		{k.Top, -n}, {k.Bottom, n},
	}
	for _, mv := range moves {
		if key.Matches(msg, mv.b) {
			m.scrollHelpWithin(mv.delta, n)
			return true
		}
	}
	return false
}

// helpBody is the rows of the ? screen shown from its scroll position,
// the last one saying how much is below when the text goes on.
func (m Model) helpBody(rows, width int) []string {
	lines := m.helpLines()
	top := max(min(m.helpTop, len(lines)-rows), 0)
	shown := lines[top:min(top+rows, len(lines))]
	if below := len(lines) - top - rows; below > 0 && rows > 1 {
		shown = append(shown[:rows-1:rows-1], m.c.Styles.Dim.Render("  ↓ "+common.Plural(below+1, "more line", "more lines")))
	}
	return fill(shown, rows, width)
}

// helpHints are the ? screen's hints: its scroll keys when it overflows.
func (m Model) helpHints() []key.Binding {
	k := m.c.Keys
	if m.helpOverflows() {
		return []key.Binding{common.Pair(k.Up, k.Down, "scroll"), k.CloseHelp, k.Quit}
	}
	return []key.Binding{k.CloseHelp, k.Quit}
}
