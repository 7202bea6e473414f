package reader

import (
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"

	"tubenotes/model"
)

// Replace shows n, the open note as read again from disk, in vault v,
// keeping the reading position, the selection (while the note still has
// it) and the find query. The old rendering stays on screen until the new
// one is made.
func (m *Model) Replace(v *model.Vault, n *model.Note) tea.Cmd {
	m.vault = v
	if n == m.note {
		return nil
	}
	m.note = n
	switch m.sel.Kind {
	case TimestampSel:
		if m.sel.Index >= len(n.Timestamps) {
			m.sel = Selection{}
		}
	case LinkSel:
		if m.sel.Index >= len(n.Links) {
			m.sel = Selection{}
		}
	}
	if m.playing >= len(n.Timestamps) {
		m.playing = -1
	}
	return m.ensure()
}

// SetStyle renders the note in another style ("dark", "dracula", a JSON
// file's path; "" follows the terminal): the theme picker's preview.
func (m *Model) SetStyle(style string) tea.Cmd {
	m.opts.Style = style
	return m.ensure()
}

// Style is the style asked for ("" follows the terminal).
func (m Model) Style() string { return m.opts.Style }

// EditLine is the source line (from 1) an editor should open the note at:
// the selected badge or link, else the current find match, else the line
// at the top of the pane.
func (m Model) EditLine() int {
	if m.note == nil {
		return 0
	}
	switch {
	case m.sel.Kind == TimestampSel && m.sel.Index < len(m.note.Timestamps):
		return int(m.note.Timestamps[m.sel.Index].Line)
	case m.sel.Kind == LinkSel && m.sel.Index < len(m.note.Links):
		return m.note.Links[m.sel.Index].Line
	case m.doc == nil:
		return 1
	case m.current >= 0 && m.current < len(m.matches):
		return m.sourceLineOf(m.matches[m.current].start.Line)
	}
	return m.sourceLineOf(m.yOffset)
}

// sourceLineOf is the source line rendered line y shows: of the lines
// holding the text y starts with, the nearest to the anchors' guess
// (render.Doc.SourceOfLine), which is all there is when no line holds it,
// or when the rendering shown is of the note before a reload and the new
// one's text is not read yet (reading it is file I/O, not for Update).
func (m Model) sourceLineOf(y int) int {
	guess := m.doc.SourceOfLine(y)
	if y < 0 || y >= len(m.doc.Plain) || !m.note.BodyLoaded() {
		return guess
	}
	text := strings.TrimLeftFunc(m.doc.Plain[y], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	words := strings.Fields(text)
	var probes []string
	for n := len(words); n > 0; n-- { // the longest start of the line that reads as written
		if p := strings.Join(words[:n], " "); len(p) <= 40 {
			probes = append(probes, p)
			break
		}
	}
	for _, w := range words { // else its first long word, if markup splits the start
		if len(w) >= 5 {
			probes = append(probes, w)
			break
		}
	}
	lines := strings.Split(m.note.Text(), "\n")
	for _, p := range probes {
		best := 0
		for i, l := range lines {
			if strings.Contains(l, p) && (best == 0 || distance(i+1, guess) < distance(best, guess)) {
				best = i + 1
			}
		}
		if best > 0 {
			return best
		}
	}
	return guess
}

func distance(a, b int) int { return max(a-b, b-a) }
