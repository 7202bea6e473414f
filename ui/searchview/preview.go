package searchview

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	engine "tubenotes/model/search"
	"tubenotes/ui/common"
	"tubenotes/ui/safe"
)

// The preview is a few source lines of the note around the chosen hit,
// each as plain text (engine.Plain: what a reader sees, no markup) with
// the query's terms highlighted, wrapped to the preview's width. It is
// not the reader's rendering: that runs glamour, far too slow to redo on
// every ↑/↓.
const (
	previewAbove = 3    // source lines shown above the hit's, in its section
	previewLine  = 4096 // bytes of one source line read at most
)

// previewLines are the preview's height lines, width cells each at most:
// the hit's moment and section, then its lines in context, the hit's
// marked.
func (m Model) previewLines(width, height int) []string {
	st := m.c.Styles
	h := m.result.Hits[m.sel]
	n := h.Note
	crumb := ""
	ts, _ := m.moment(m.sel)
	if label := common.MomentClock(n, ts); label != "" {
		crumb = st.Clock.Render("▶ "+label) + "  "
	}
	first := max(h.Line-previewAbove, n.BodyLine, 1) // the context above stays in the hit's section
	if s := n.SectionAt(h.Line); s >= 0 {
		crumb += st.Video.Render(safe.Line(engine.Plain(n.Sections[s].Title)))
		first = max(first, n.Sections[s].Line)
	}
	out := []string{" " + crumb}
	if !n.BodyLoaded() { // its text is being read (see loadShown)
		out = append(out, " "+st.Dim.Render(unread))
		return fit(out, width, height)
	}
	inner := max(width-3, 1)
	var above []string
	blank := true // no blank row first
	for i, raw := range sourceLines(n.Text(), first, h.Line+height) {
		line := first + i
		text, heading := previewText(raw)
		if text == "" {
			if !blank && line < h.Line {
				above = append(above, "")
			} else if !blank {
				out = append(out, "")
			}
			blank = true
			continue
		}
		blank = false
		style := st.Note
		if heading {
			style = st.Video.Bold(true)
		}
		styled := highlight(text, engine.Highlights(text, m.query), st.Match.Render, style.Render)
		wrapped := strings.Split(ansi.Wrap(styled, inner, ""), "\n")
		mark := "  "
		if line == h.Line {
			mark = st.Current.Render("▌") + " "
		}
		for j := range wrapped {
			wrapped[j] = " " + mark + wrapped[j]
		}
		if line < h.Line {
			above = append(above, wrapped...)
			continue
		}
		if line == h.Line { // the context above gets a third of the room at most
			keep := min(len(above), max((height-1)/3, 0))
			out = append(out, above[len(above)-keep:]...)
		}
		out = append(out, wrapped...)
		if len(out) >= height {
			break
		}
	}
	return fit(out, width, height)
}

// fit cuts lines to height lines of width cells.
func fit(lines []string, width, height int) []string {
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		lines[i] = common.Fit(l, width)
	}
	return lines
}

// previewText is a source line as the preview shows it: plain text, a
// list item with a bullet, and whether it is a heading.
func previewText(raw string) (string, bool) {
	if len(raw) > previewLine {
		cut := previewLine
		for cut > 0 && !utf8.RuneStart(raw[cut]) {
			cut--
		}
		raw = raw[:cut]
	}
	trimmed := strings.TrimLeft(raw, " \t>")
	if strings.HasPrefix(trimmed, "[!") { // a callout's "[!info] Title": its title
		if end := strings.IndexByte(trimmed, ']'); end > 0 {
			trimmed = strings.TrimLeft(trimmed[end+1:], "+- ")
		}
	}
	heading := strings.HasPrefix(trimmed, "#")
	bullet := ""
	if len(trimmed) > 1 && strings.ContainsRune("-*+", rune(trimmed[0])) && trimmed[1] == ' ' {
		bullet = "• "
	}
	text := engine.Plain(strings.TrimLeft(trimmed, "#-*+ \t"))
	if text == "" {
		return "", false
	}
	return bullet + text, heading
}

// sourceLines are lines from..to (1-based, inclusive) of text, fewer when
// it ends first.
func sourceLines(text string, from, to int) []string {
	for l := 1; l < from; l++ {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			return nil
		}
		text = text[i+1:]
	}
	var out []string
	for l := from; l <= to && text != ""; l++ {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		out = append(out, line)
	}
	return out
}
