package reader

import (
	"sort"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"tubenotes/ui/render"
)

// View is the pane: exactly width × height cells.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	lines := make([]string, m.height)
	switch {
	case m.note == nil:
	case m.doc == nil:
		lines[min(1, m.height-1)] = "  " + m.spinner.View() + " rendering…"
	default:
		m.body(lines)
		if !m.ready() && m.height > 1 { // an older rendering while the new one is made
			lines[m.height-1] = "  " + m.spinner.View() + " rendering…"
		}
	}
	for i, l := range lines {
		lines[i] = fit(l, m.width)
	}
	return strings.Join(lines, "\n")
}

// body fills lines with the visible part of the document, with the
// selection and the find matches painted over it.
func (m Model) body(lines []string) {
	d := m.doc
	st := render.NewStyles(d.Key.Style, m.dark)
	top := m.yOffset
	for i := range lines {
		if top+i < len(d.Lines) {
			lines[i] = d.Lines[top+i]
		}
	}
	paint := func(a, b render.Pos, s lipgloss.Style) {
		for _, sg := range d.Segments(a, b) {
			if y := sg.Line - top; y >= 0 && y < len(lines) {
				lines[y] = render.Overlay(lines[y], d.Plain[sg.Line], sg.From, sg.To, s)
			}
		}
	}
	first := sort.Search(len(m.matches), func(i int) bool { return m.matches[i].end.Line >= top })
	for i := first; i < len(m.matches) && m.matches[i].start.Line < top+len(lines); i++ {
		s := st.Match
		if i == m.current {
			s = st.Current
		}
		paint(m.matches[i].start, m.matches[i].end, s)
	}
	if it, ok := m.timestampItem(m.playing); ok {
		paint(it.Start, it.End, st.Playing)
	}
	if it, ok := m.selectedItem(); ok {
		paint(it.Start, it.End, st.Selected)
	}
}

// fit pads or cuts a styled line to exactly w cells.
func fit(l string, w int) string {
	lw := ansi.StringWidth(l)
	switch {
	case lw > w:
		return ansi.Truncate(l, w, "")
	case lw < w:
		return l + strings.Repeat(" ", w-lw)
	}
	return l
}
