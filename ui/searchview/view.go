package searchview

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"tubenotes/model"
	engine "tubenotes/model/search"
	"tubenotes/ui/common"
	"tubenotes/ui/safe"
)

// previewWidth is the narrowest window with a preview beside the hits.
const previewWidth = 100

// View draws the input line, the count line, then the hits under their
// notes' headers, with the preview of the chosen hit beside them on a
// wide window; every line exactly width cells.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	lines := make([]string, 0, m.height)
	lines = append(lines, m.input.View(), m.header())
	listW, previewW := m.width, 0
	if m.width >= previewWidth && len(m.result.Hits) > 0 {
		previewW = m.width * 2 / 5
		listW = m.width - previewW - 1
	}
	list := m.listLines(listW)
	var preview []string
	if previewW > 0 {
		preview = m.previewLines(previewW, m.listRows())
	}
	sep := m.c.Styles.Separator.Render("│")
	for i := range m.listRows() {
		l := ""
		if i < len(list) {
			l = list[i]
		}
		if previewW > 0 {
			p := ""
			if i < len(preview) {
				p = preview[i]
			}
			l = common.Fit(l, listW) + sep + p
		}
		lines = append(lines, l)
	}
	lines = lines[:min(len(lines), m.height)]
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
		// It fits 80 columns with the default keys; the hint line names
		// the moves once there are hits to choose.
		return st.Hint.Render("type to search every note; " + k.SearchAccept.Help().Key + " opens, " +
			k.SearchPlay.Help().Key + " plays the moment, " + k.SearchClose.Help().Key + " leaves")
	}
	s := st.Count.Render(Header(m.result))
	if m.pending {
		s += st.Dim.Render("  searching…")
	}
	return s
}

// Header is the count line of a result.
func Header(r engine.Result) string {
	return common.Plural(len(r.Hits), "match", "matches") + " in " + common.Plural(r.Notes, "note", "notes")
}

// listLines are the rows in the window, width cells wide.
func (m Model) listLines(width int) []string {
	end := min(m.top+m.listRows(), len(m.rows.hit))
	out := make([]string, 0, end-m.top)
	for r := m.top; r < end; r++ {
		if h, ok := m.rows.header(r); ok {
			out = append(out, m.noteHeader(m.result.Hits[h].Note))
		} else {
			out = append(out, m.hitLine(h, width))
		}
	}
	return out
}

// noteHeader is the line above a note's hits: channel › title.
func (m Model) noteHeader(n *model.Note) string {
	st := m.c.Styles
	title := st.OpenNote.Render(safe.Line(engine.Plain(n.Title)))
	if n.Channel == "" {
		return " " + title
	}
	return " " + st.Channel.Render(safe.Line(n.Channel)) + st.Separator.Render(" › ") + title
}

// clockWidth is the moment column: "10:00:00?" fits.
const clockWidth = 9

// unread stands for a snippet (or a preview) whose note's text is being
// read (see loadShown).
const unread = "…"

// hitLine is one matching line: a mark when chosen, its moment, then the
// snippet with the matches highlighted. The chosen one is drawn reversed
// (its matches too, in their own colour), so it shows in every style.
func (m Model) hitLine(i, width int) string {
	st := m.c.Styles
	h := m.result.Hits[i]
	ts, _ := m.moment(i)
	clock := common.MomentClock(h.Note, ts)
	clock = strings.Repeat(" ", max(clockWidth-len(clock), 0)) + clock
	text, spans, read := m.snippet(i, max(width-clockWidth-7, 8)) // room for the gutter and the cut marks
	if i != m.sel {
		if !read {
			return "   " + clock + "  " + st.Dim.Render(unread)
		}
		return "   " + st.Clock.Render(clock) + "  " + highlight(text, spans, st.Match.Render, st.Note.Render)
	}
	cur := st.CursorFocused
	snip := cur.Render(unread)
	if read {
		snip = highlight(text, spans, st.Match.Inherit(cur).Render, cur.Render)
	}
	line := cur.Render(" ▶ "+clock+"  ") + snip
	if pad := width - ansi.StringWidth(line); pad > 0 {
		line += cur.Render(strings.Repeat(" ", pad))
	}
	return line
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
