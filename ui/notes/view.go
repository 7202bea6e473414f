package notes

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"tubenotes/ui/common"
)

// View draws the pane: a title line (or the filter query), then the rows in
// the window, every line exactly width cells.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	lines := make([]string, 0, m.height)
	lines = append(lines, m.titleLine())
	end := min(m.cur.Offset+m.listHeight(), m.rows())
	for r := m.cur.Offset; r < end; r++ {
		lines = append(lines, m.row(r))
	}
	for len(lines) < m.height {
		lines = append(lines, "")
	}
	for i, l := range lines {
		lines[i] = common.Fit(l, m.width)
	}
	return strings.Join(lines, "\n")
}

func (m Model) titleLine() string {
	st := m.c.Styles
	title := st.PaneTitle
	if m.focused {
		title = st.PaneTitleFocused
	}
	if m.filter.Focused() || m.Filtering() {
		count := st.Count.Render(" " + strconv.Itoa(len(m.matches)) + "/" + strconv.Itoa(len(m.targets)))
		if m.pending {
			count = st.Count.Render(" …")
		}
		if m.filter.Focused() { // the count flush right, the input before it
			in := m.filter
			in.SetWidth(m.width - 1 - ansi.StringWidth(count) - 1)
			return in.View() + count
		}
		return title.Render(m.c.Keys.Filter.Help().Key) + st.Input.Render(m.query) + count
	}
	if m.tree == nil { // loading
		return title.Render("Notes")
	}
	return title.Render("Notes") + st.Count.Render(" "+strconv.Itoa(len(m.targets)))
}

func (m Model) row(r int) string {
	st := m.c.Styles
	cur, isCursor := st.Cursor, r == m.cur.Pos
	if m.focused {
		cur = st.CursorFocused
	}
	mark := " "
	if n := m.noteAt(r); n != nil && n == m.open {
		mark = "▌"
	}
	if m.Filtering() {
		// the cursor's style goes under every run, so the matched letters
		// stay visible on the selected row
		base := lipgloss.NewStyle()
		if isCursor {
			base = cur
		}
		mt := m.matches[r]
		t := &m.targets[mt.target]
		line := base.Render(mark) + m.highlight(t, t.matchedOffsets(m.ranked), base)
		if pad := m.width - ansi.StringWidth(line); pad > 0 {
			line += base.Render(strings.Repeat(" ", pad))
		}
		return line
	}
	line := m.treeRow(m.tree[m.visible[r]], m.visible[r])
	if isCursor {
		return cur.Render(common.Fit(mark+ansi.Strip(line)[1:], m.width))
	}
	if mark != " " {
		line = st.OpenNote.Render(mark) + line[1:]
	}
	return line
}

func (m Model) treeRow(n node, i int) string {
	st := m.c.Styles
	indent := " " + strings.Repeat("  ", n.depth)
	switch n.kind {
	case channelRow, videoRow:
		arrow := "▾ "
		if m.folded[i] {
			arrow = "▸ "
		}
		label := st.Video
		if n.kind == channelRow {
			label = st.Channel
		}
		count := " " + strconv.Itoa(n.count) + " "
		room := max(m.width-ansi.StringWidth(indent+arrow+count), 1)
		text := ansi.Truncate(n.label, room, "…")
		pad := strings.Repeat(" ", max(room-ansi.StringWidth(text), 0))
		return indent + arrow + label.Render(text) + pad + st.Count.Render(count)
	}
	return indent + st.Note.Render(n.label)
}

// highlight styles the matched bytes of a target over base; the part after
// the title (channel › video) is dimmed.
func (m Model) highlight(t *target, matched []int, base lipgloss.Style) string {
	st := m.c.Styles
	styles := [...]lipgloss.Style{st.Note.Inherit(base), st.Dim.Inherit(base), st.Match.Inherit(base)}
	const title, place, hit = 0, 1, 2
	var b, run strings.Builder
	runClass, next := title, 0
	for i, r := range t.String() {
		class := title
		switch {
		case next < len(matched) && matched[next] == i:
			class = hit
			next++
		case i >= t.titleEnd:
			class = place
		}
		if class != runClass && run.Len() > 0 {
			b.WriteString(styles[runClass].Render(run.String()))
			run.Reset()
		}
		runClass = class
		run.WriteRune(r)
	}
	b.WriteString(styles[runClass].Render(run.String()))
	return b.String()
}
