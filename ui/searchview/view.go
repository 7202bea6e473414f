package searchview

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	engine "tubenotes/model/search"
	"tubenotes/ui/common"
	"tubenotes/ui/safe"
)

// View draws the input line, the header line, then two lines a hit, every
// line exactly width cells.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	lines := make([]string, 0, m.height)
	lines = append(lines, m.input.View(), m.header())
	end := min(m.cur.Offset+m.hitRows(), len(m.result.Hits))
	for i := m.cur.Offset; i < end; i++ {
		lines = append(lines, m.hitLines(i)...)
	}
	lines = lines[:min(len(lines), m.height)]
	for len(lines) < m.height {
		lines = append(lines, "")
	}
	for i, l := range lines {
		lines[i] = common.Fit(l, m.width)
	}
	return strings.Join(lines, "\n")
}

// header is "<hits> matches in <notes> notes", or why there are none yet.
func (m Model) header() string {
	st := m.c.Styles
	switch {
	case m.err != "":
		return st.StatusError.Render(safe.Line(m.err))
	case m.index == nil && m.pending:
		return st.Count.Render("indexing the vault…")
	case m.query == nil && !m.pending:
		k := m.c.Keys
		return st.Hint.Render("type to search every note; " + k.SearchAccept.Help().Key + " opens, " +
			k.SearchHits.Help().Key + " moves to the hits, " + k.SearchClose.Help().Key + " leaves")
	}
	s := st.Count.Render(Header(m.result))
	if m.pending {
		s += st.Dim.Render("  searching…")
	}
	return s
}

// Header is the count line of a result.
func Header(r engine.Result) string {
	return plural(len(r.Hits), "match", "matches") + " in " + plural(r.Notes, "note", "notes")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// hitLines are the two lines of hit i: where it lives and its timestamp,
// then the snippet.
func (m Model) hitLines(i int) []string {
	st := m.c.Styles
	h := m.result.Hits[i]
	n := h.Note
	where := st.Channel.Render(safe.Line(n.Channel)) + st.Separator.Render(" › ") + st.Note.Render(safe.Line(n.Title))
	if s := n.SectionAt(h.Line); s >= 0 {
		where += st.Separator.Render(" › ") + st.Video.Render(safe.Line(engine.Plain(n.Sections[s].Title)))
	}
	clock := ""
	if ts := engine.Moment(n, h.Line, m.query); ts >= 0 {
		clock = "▶ " + common.Clock(int(n.Timestamps[ts].Seconds))
	}
	room := m.width - 2 - ansi.StringWidth(clock) - 1
	top := " " + common.Fit(where, max(room, 0)) + " " + st.Clock.Render(clock)
	if i == m.cur.Pos {
		cur := st.Cursor
		if m.list {
			cur = st.CursorFocused
		}
		top = cur.Render(common.Fit(ansi.Strip(top), m.width))
	}
	text, spans := engine.Snippet(n, h.Line, m.query, max(m.width-4, 8))
	return []string{top, "   " + highlight(text, spans, st.Match.Render, st.Note.Render)}
}

// highlight styles the spans of text with match and the rest with plain,
// each piece cleaned for the terminal.
func highlight(text string, spans []engine.Span, match, plain func(...string) string) string {
	var b strings.Builder
	at := 0
	for _, s := range spans {
		if s.Start < at || s.End > len(text) {
			continue
		}
		b.WriteString(plain(safe.Line(text[at:s.Start])))
		b.WriteString(match(safe.Line(text[s.Start:s.End])))
		at = s.End
	}
	b.WriteString(plain(safe.Line(text[at:])))
	return b.String()
}
