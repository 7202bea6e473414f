package reader

import (
	"sort"
	"strings"

	"charm.land/glamour/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"tubenotes/model"
	"tubenotes/ui/safe"
)

// renderKey names one rendering: the cache holds one per key.
type renderKey struct {
	note  *model.Note
	width int    // the wrap width
	style string // "dark", "light", "notty" or a JSON path
}

// rendered is a note laid out for one width and style. It is built in a
// command and never changed afterwards, except for its lazily built find
// index, which only Update touches.
type rendered struct {
	key      renderKey
	lines    []string // styled, no sentinels, at most key.width cells each
	plain    []string // the same without styles
	items    []item   // by sentinel id
	headings []int    // rendered line of each of the note's sections, -1 when not found
	anchors  []anchor // source line → rendered line, by source line
	fold     *foldIndex
	err      error
}

type anchor struct{ src, line int }

// render lays out n: the header, then the body through glamour, then the
// badges and links styled. It is pure, so it runs in a command.
func render(v *model.Vault, n *model.Note, key renderKey, st styles) *rendered {
	r := &rendered{key: key}
	md, items := transform(v, n)
	r.items = items
	// Line ends are kept, as the notes' own site does: a <br/> becomes one.
	tr, err := glamour.NewTermRenderer(glamour.WithStylePath(key.style), glamour.WithWordWrap(key.width), glamour.WithPreservedNewLines())
	if err != nil {
		r.err = err
		tr, _ = glamour.NewTermRenderer(glamour.WithStylePath("notty"), glamour.WithWordWrap(key.width), glamour.WithPreservedNewLines())
	}
	out, err := tr.Render(md)
	if err != nil {
		r.err = err
		out = md
	}
	header := headerLines(v, n, key.width, st)
	body := strings.Split(strings.TrimRight(out, "\n"), "\n")
	r.lines = make([]string, 0, len(header)+len(body))
	r.plain = make([]string, 0, len(header)+len(body))
	for _, l := range header {
		r.lines = append(r.lines, l)
		r.plain = append(r.plain, ansi.Strip(l))
	}
	for _, l := range body {
		r.addLine(l)
	}
	r.index(len(n.Sections))
	if !st.plain {
		r.restyle(st)
	}
	r.fold = buildFold(r.plain)
	return r
}

// addLine appends one line of glamour's output, noting where the sentinels
// on it were and removing them.
func (r *rendered) addLine(l string) {
	l = strings.ReplaceAll(keepSGR(l), "\u00a0", " ")
	plain, ms := scanMarkers(ansi.Strip(l))
	line := len(r.lines)
	for _, m := range ms {
		if m.id >= len(r.items) {
			continue
		}
		p := pos{line, ansi.StringWidth(plain[:m.off])}
		it := &r.items[m.id]
		if m.open {
			it.start, it.found = p, true
		} else {
			it.end = p
		}
	}
	if ms != nil {
		l = dropTags(l)
	}
	r.lines = append(r.lines, l)
	r.plain = append(r.plain, plain)
}

// index fills headings and anchors from the located items.
func (r *rendered) index(sections int) {
	r.headings = make([]int, sections)
	for i := range r.headings {
		r.headings[i] = -1
	}
	for i := range r.items {
		it := &r.items[i]
		if !it.found {
			continue
		}
		if it.end.line < it.start.line || it.end.line == it.start.line && it.end.col < it.start.col {
			it.end = it.start // a close marker lost: keep the item usable
		}
		if it.kind == itemHeading && it.index < sections && r.headings[it.index] < 0 {
			r.headings[it.index] = it.start.line
		}
		r.anchors = append(r.anchors, anchor{it.srcLine, it.start.line})
	}
	sort.SliceStable(r.anchors, func(i, j int) bool { return r.anchors[i].src < r.anchors[j].src })
}

// restyle paints badges and links in their own styles over glamour's.
func (r *rendered) restyle(st styles) {
	for _, it := range r.items {
		if !it.found || it.kind == itemHeading {
			continue
		}
		s := st.link
		switch {
		case it.kind == itemTimestamp && it.dim:
			s = st.badgeDim
		case it.kind == itemTimestamp:
			s = st.badge
		case it.dim:
			s = st.linkDim
		}
		r.paint(it.start, it.end, s)
	}
}

// paint lays style s over the cells from a to b (exclusive), across lines.
func (r *rendered) paint(a, b pos, s lipgloss.Style) {
	for _, sg := range r.segments(a, b) {
		r.lines[sg.line] = overlay(r.lines[sg.line], r.plain[sg.line], sg.from, sg.to, s)
	}
}

// segment is the part of a range on one line.
type segment struct{ line, from, to int }

// segments splits the range a..b into one segment a line; the lines inside
// a range that wraps are covered from their first to their last character.
func (r *rendered) segments(a, b pos) []segment {
	var out []segment
	for l := a.line; l <= b.line && l < len(r.plain); l++ {
		from, to := textStart(r.plain[l]), ansi.StringWidth(strings.TrimRight(r.plain[l], " "))
		if l == a.line {
			from = a.col
		}
		if l == b.line {
			to = b.col
		}
		if to > from {
			out = append(out, segment{l, from, to})
		}
	}
	return out
}

func textStart(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// overlay replaces the cells from..to of a styled line with the same text
// in style s.
func overlay(styled, plain string, from, to int, s lipgloss.Style) string {
	w := ansi.StringWidth(plain)
	return ansi.Cut(styled, 0, from) + "\x1b[m" + s.Render(ansi.Cut(plain, from, to)) + ansi.Cut(styled, to, w)
}

// keepSGR removes every escape sequence but SGR (glamour writes OSC 8
// hyperlinks, whose targets come from the note).
func keepSGR(s string) string {
	if strings.IndexByte(s, 0x1b) < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if s[i] != 0x1b {
			j := strings.IndexByte(s[i:], 0x1b)
			if j < 0 {
				j = len(s) - i
			}
			b.WriteString(s[i : i+j])
			i += j
			continue
		}
		j := i + 1
		switch {
		case j < len(s) && s[j] == '[':
			j++
			for j < len(s) && s[j] >= 0x20 && s[j] <= 0x3f {
				j++
			}
			if j < len(s) && s[j] == 'm' {
				b.WriteString(s[i : j+1])
			}
			if j < len(s) {
				j++
			}
		case j < len(s) && s[j] == ']':
			for j < len(s) && s[j] != 0x07 && !(s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\') {
				j++
			}
			if j < len(s) && s[j] == 0x07 {
				j++
			} else if j < len(s) {
				j += 2
			}
		default:
			j++
		}
		i = j
	}
	return b.String()
}

// headerLines are the title, then channel › video title · id, then a rule.
func headerLines(v *model.Vault, n *model.Note, width int, st styles) []string {
	const margin = "  "
	inner := max(width-2*len(margin), 1)
	line := func(s string) string { return dropTags(safe.Line(s)) }
	title := line(n.Title)
	if title == "" {
		title = line(n.Path)
	}
	var out []string
	out = append(out, "")
	for _, l := range strings.Split(ansi.Wordwrap(title, inner, " -"), "\n") {
		out = append(out, margin+st.title.Render(ansi.Truncate(l, inner, "…")))
	}
	var meta []string
	if n.Channel != "" {
		meta = append(meta, line(n.Channel))
	}
	if v != nil {
		if vid := v.VideoOf(n); vid != nil && vid.Title != "" {
			meta = append(meta, line(vid.Title))
		}
	}
	// the video id is what finds the video anywhere: the names before it
	// are cut to leave it room
	m, id := strings.Join(meta, " › "), ""
	if n.VideoID != "" {
		id = ansi.Truncate(line(n.VideoID), inner, "…")
		if m != "" {
			id = " · " + id
		}
	}
	if m+id != "" {
		m = ansi.Truncate(m, max(inner-ansi.StringWidth(id), 0), "…")
		out = append(out, margin+st.meta.Render(ansi.Truncate(m+id, inner, "…")))
	}
	out = append(out, margin+st.meta.Render(strings.Repeat("─", inner)))
	return out
}
