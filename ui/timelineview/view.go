package timelineview

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"tubenotes/model/timeline"
	"tubenotes/ui/common"
	"tubenotes/ui/safe"
)

// headerLines are the lines above the rows: the title, the facts, the
// gaps, and the filter's line while there is a filter.
func (m Model) headerLines() int {
	if m.typing || m.input.Value() != "" {
		return 4
	}
	return 3
}

func (m Model) listHeight() int { return max(m.height-m.headerLines(), 1) }

// View draws the header and the rows in the window, every line exactly
// width cells.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	lines := m.header()
	switch {
	case m.loading:
	case m.tl == nil:
		lines = append(lines, m.c.Styles.Dim.Render(" no note is made from this video"))
	case len(m.items) == 0:
		lines = append(lines, m.c.Styles.Dim.Render(" these notes have no timestamps"))
	case len(m.shown) == 0:
		lines = append(lines, m.c.Styles.Dim.Render(" no row holds "+safe.Line(m.input.Value())))
	}
	end := min(m.cur.Offset+m.listHeight(), len(m.shown))
	for p := m.cur.Offset; p < end; p++ {
		lines = append(lines, m.line(p))
	}
	for len(lines) < m.height {
		lines = append(lines, "")
	}
	for i, l := range lines[:m.height] {
		lines[i] = common.Fit(l, m.width)
	}
	return strings.Join(lines[:m.height], "\n")
}

// header is the video's title; its channel, id, notes, rows and span; the
// gaps; then the filter.
func (m Model) header() []string {
	st := m.c.Styles
	if m.loading {
		return []string{st.PaneTitleFocused.Render(" Timeline"), st.Dim.Render(" reading the video's notes…"), ""}
	}
	tl := m.tl
	if tl == nil {
		return []string{st.PaneTitleFocused.Render(" Timeline"), "", ""}
	}
	title := tl.Title
	if title == "" {
		title = "video " + tl.ID
	}
	moments := 0
	for _, g := range tl.Groups {
		moments += len(g.Rows)
	}
	facts := []string{}
	if tl.Channel != "" {
		facts = append(facts, st.Channel.Render(safe.Line(tl.Channel)))
	}
	facts = append(facts, st.Count.Render(tl.ID), st.Count.Render(common.Plural(len(tl.Notes), "note", "notes")),
		st.Count.Render(common.Plural(moments, "moment", "moments")))
	if len(tl.Groups) > 0 {
		facts = append(facts, st.Clock.Render(common.Clock(tl.Start)+"–"+common.Clock(tl.End)))
	}
	if len(tl.Apart) > 0 {
		facts = append(facts, st.Count.Render(strconv.Itoa(len(tl.Apart))+" apart"))
	}
	lines := []string{
		" " + st.PaneTitleFocused.Render(safe.Line(title)),
		" " + strings.Join(facts, st.Separator.Render(" · ")),
		" " + m.gaps(tl),
	}
	switch {
	case m.typing:
		lines = append(lines, " "+m.input.View())
	case m.input.Value() != "":
		count := strconv.Itoa(len(m.shownRows())) + "/" + strconv.Itoa(len(m.items))
		lines = append(lines, " "+st.PaneTitle.Render(m.c.Keys.RowsFilter.Help().Key)+st.Input.Render(m.input.Value())+st.Count.Render("  "+count))
	}
	return lines
}

// gaps is the line naming the stretches over five minutes no note covers.
func (m Model) gaps(tl *timeline.Timeline) string {
	st := m.c.Styles
	if len(tl.Gaps) == 0 {
		return st.Dim.Render("no gap over 5 minutes")
	}
	parts := make([]string, len(tl.Gaps))
	for i, g := range tl.Gaps {
		parts[i] = common.Clock(g.From) + "–" + common.Clock(g.To)
	}
	return st.Count.Render(common.Plural(len(tl.Gaps), "gap", "gaps")+" over 5 minutes: ") + st.Clock.Render(strings.Join(parts, ", "))
}

// shownRows are the rows shown, the label line left out.
func (m Model) shownRows() []int {
	out := make([]int, 0, len(m.shown))
	for _, i := range m.shown {
		if i != label {
			out = append(out, i)
		}
	}
	return out
}

// line draws shown line p: "▶ 12:05  Section · Note — sentence".
func (m Model) line(p int) string {
	st := m.c.Styles
	i := m.shown[p]
	if i == label {
		return st.Dim.Render(" invalid (✗) or doubtful (?), apart:")
	}
	it := m.items[i]
	r := it.row
	mark := " "
	if i == m.playing {
		mark = st.Current.Render("▶")
	}
	clock := strings.Repeat(" ", max(m.clockW-len([]rune(it.clock)), 0)) + it.clock
	clockStyle := st.Clock
	if it.apart {
		clockStyle = st.Dim
	}
	title := st.Note
	if r.Note == m.from {
		title = st.OpenNote
	}
	section, name := m.fitHead(safe.Line(r.Section), safe.Line(r.Note.Title), ansi.StringWidth(safe.Line(r.Text)))
	var b strings.Builder
	b.WriteString(mark + clockStyle.Render(clock) + "  ")
	if section != "" {
		b.WriteString(st.Video.Render(section) + st.Separator.Render(" · "))
	}
	b.WriteString(title.Render(name))
	if r.Text != "" {
		b.WriteString(st.Separator.Render(" — ") + st.Note.Render(safe.Line(r.Text)))
	}
	line := b.String()
	if p == m.cur.Pos {
		line = st.CursorFocused.Render(common.Fit(ansi.Strip(line), m.width))
	}
	return line
}

// fitHead cuts a row's section and note title so that the sentence, which
// tells most, keeps at least half of the row; the title keeps at least
// half of what the two get.
func (m Model) fitHead(section, name string, text int) (string, string) {
	room := m.width - (1 + m.clockW + 2)
	sec, nm := ansi.StringWidth(section), ansi.StringWidth(name)
	seps := 3 // " — "
	if section != "" {
		seps += 3 // " · "
	}
	if sec+nm+seps+text <= room {
		return section, name
	}
	head := max(room/2, room-text-seps) // section and title together
	if sec+nm <= head {
		return section, name
	}
	nameMax := max(head/2, head-sec)
	secMax := head - min(nm, nameMax)
	return ansi.Truncate(section, max(secMax, 4), "…"), ansi.Truncate(name, max(nameMax, 6), "…")
}
