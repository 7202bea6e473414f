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
		if m.Filtering() {
			lines = append(lines, m.matchRow(r)...)
		} else {
			lines = append(lines, m.row(r))
		}
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

// mark is the open note's bar at the start of row r.
func (m Model) mark(r int) string {
	if n := m.noteAt(r); n != nil && n == m.open {
		return "▌"
	}
	return " "
}

// cursorStyle is the selected row's style.
func (m Model) cursorStyle() lipgloss.Style {
	if m.focused {
		return m.c.Styles.CursorFocused
	}
	return m.c.Styles.Cursor
}

// matchRow is a match of the filter on two lines: its title, then where it
// lives (channel › video) dimmed, the matched letters highlighted on both.
func (m Model) matchRow(r int) []string {
	st := m.c.Styles
	// the cursor's style goes under every run, so the matched letters stay
	// visible on the selected row
	base := lipgloss.NewStyle()
	if r == m.cur.Pos {
		base = m.cursorStyle()
	}
	t := &m.targets[m.matches[r].target]
	matched := t.matchedOffsets(m.ranked)
	text, hit := t.String(), st.Match.Inherit(base)
	title := base.Render(m.mark(r)) + highlight(text, 0, t.titleEnd, matched, st.Note.Inherit(base), hit)
	place := base.Render("   ")
	if from := t.titleEnd + len(targetSep); from < len(text) {
		place += highlight(text, from, len(text), matched, st.Dim.Inherit(base), hit)
	}
	out := []string{title, place}
	for i, l := range out {
		l = ansi.Truncate(l, m.width, "…")
		if pad := m.width - ansi.StringWidth(l); pad > 0 {
			l += base.Render(strings.Repeat(" ", pad))
		}
		out[i] = l
	}
	return out
}

func (m Model) row(r int) string {
	mark := m.mark(r)
	line := m.treeRow(m.tree[m.visible[r]], m.visible[r])
	if r == m.cur.Pos {
		return m.cursorStyle().Render(common.Fit(mark+ansi.Strip(line)[1:], m.width))
	}
	if mark != " " {
		line = m.c.Styles.OpenNote.Render(mark) + line[1:]
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

// highlight styles text[from:to], the bytes at the matched offsets with
// hit and the rest with normal.
func highlight(text string, from, to int, matched []int, normal, hit lipgloss.Style) string {
	var b, run strings.Builder
	runHit, next := false, 0
	for next < len(matched) && matched[next] < from {
		next++
	}
	for i, r := range text[from:to] {
		isHit := next < len(matched) && matched[next] == from+i
		if isHit {
			next++
		}
		if isHit != runHit && run.Len() > 0 {
			b.WriteString(pick(runHit, hit, normal).Render(run.String()))
			run.Reset()
		}
		runHit = isHit
		run.WriteRune(r)
	}
	b.WriteString(pick(runHit, hit, normal).Render(run.String()))
	return b.String()
}

func pick(cond bool, a, b lipgloss.Style) lipgloss.Style {
	if cond {
		return a
	}
	return b
}
