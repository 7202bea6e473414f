// Package render turns a note into the lines a terminal shows: a header,
// then the body through glamour, with timestamp anchors as badges
// ("▶ 1:05") and wikilinks as their labels, each located in the output so
// that the reader can select, click and paint them. The reader pane and the
// show command both render with it. It is pure: no I/O (a glamour style
// file comes read, in Styles.JSON).
package render

import (
	"sort"
	"strings"

	"charm.land/glamour/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"tubenotes/model"
	"tubenotes/model/search"
	"tubenotes/ui/safe"
)

// Key names one rendering of a note: callers cache one per key.
type Key struct {
	Note  *model.Note
	Width int    // the wrap width
	Style string // "dark", "light", "notty" or a glamour JSON style's path
}

// Doc is a note laid out for one width and style. It is never changed
// once Render returns it, so it can be shared.
type Doc struct {
	Key      Key
	Lines    []string // styled, at most Key.Width cells each
	Plain    []string // the same without styles
	Items    []Item   // every badge, link (wikilink or markdown) and heading, in the order of the text
	Headings []int    // rendered line of each of the note's sections, -1 when not found
	Err      error    // what went wrong (an unreadable style file); the Doc is still usable
	// Truncated is how many bytes at the end of the note's text were not
	// rendered (over MaxText; a line says so); 0 when it all was.
	Truncated int
	anchors   []anchor // source line → rendered line, by source line
}

type anchor struct{ src, line int }

// Render lays out note key.Note of vault v (nil for a note alone): the
// header, then the body through glamour, then the badges and links in st's
// styles.
func Render(v *model.Vault, key Key, st Styles) *Doc {
	n := key.Note
	r := &Doc{Key: key}
	end := textEnd(n, MaxText)
	md, items, boxes := transform(v, n, end)
	r.Items = items
	tr, err := newRenderer(key.Style, st.JSON, key.Width)
	if err != nil {
		r.Err = err
	}
	header := headerLines(v, n, key.Width, st)
	r.Lines = make([]string, 0, len(header)+strings.Count(md, "\n")+2)
	r.Plain = make([]string, 0, cap(r.Lines))
	for _, l := range header {
		r.Lines = append(r.Lines, l)
		r.Plain = append(r.Plain, ansi.Strip(l))
	}
	var sub *glamour.TermRenderer // the callouts', narrower
	ps := pieces(md, pieceSize)
	styled, done := 0, 0 // bytes of styled lines, of markdown rendered
	for i, piece := range ps {
		if styled >= MaxStyled {
			break
		}
		out, err := tr.Render(piece)
		if err != nil {
			r.Err = err
			out = piece
		}
		for _, l := range pieceLines(out, i == len(ps)-1) {
			before := len(r.Lines)
			b, ok := 0, false
			if len(boxes) > 0 {
				b, ok = r.boxAt(l)
			}
			if ok {
				if sub == nil {
					sub, _ = newRenderer(key.Style, st.JSON, max(key.Width-boxSides+4, 1))
				}
				r.addBox(boxes[b], sub, st)
			} else {
				r.addLine(l)
			}
			for _, added := range r.Lines[before:] {
				styled += len(added)
			}
		}
		done += len(piece)
	}
	if end < len(n.Text()) || done < len(md) {
		lo := bodyOffset(n)
		shown := (end - lo) * min(done, len(md)) / max(len(md), 1) // about: the markdown is not the text
		r.Truncated = len(n.Text()) - lo - shown
		l := st.Meta.Render(truncatedLine(shown, len(n.Text())-lo))
		r.Lines = append(r.Lines, "", l)
		r.Plain = append(r.Plain, "", ansi.Strip(l))
	}
	r.dropBoxes()
	r.index(len(n.Sections))
	if !st.Plain {
		r.restyle(st)
	}
	return r
}

// newRenderer is glamour for style at width, or for notty when the style
// cannot be read. Line ends are kept, as the notes' own site does: a
// <br/> becomes one.
func newRenderer(style string, json []byte, width int) (*glamour.TermRenderer, error) {
	tr, err := glamour.NewTermRenderer(glamourStyle(style, json), glamour.WithWordWrap(width), glamour.WithPreservedNewLines())
	if err != nil {
		tr, _ = glamour.NewTermRenderer(glamourStyle("notty", nil), glamour.WithWordWrap(width), glamour.WithPreservedNewLines())
	}
	return tr, err
}

// addLine appends one line of glamour's output, noting where the sentinels
// on it were and removing them. A line wider than the column (glamour
// breaks no word, and notes hold 27,000-dash "words") is broken at the
// column's width.
func (r *Doc) addLine(l string) {
	l = strings.ReplaceAll(keepSGR(l), "\u00a0", " ")
	stripped := ansi.Strip(l)
	if w := r.Key.Width; w > 0 && !surelyFits(stripped, w) && ansi.StringWidth(stripped) > w {
		for _, part := range strings.Split(ansi.Hardwrap(ansi.Wrap(l, w, " "), w, true), "\n") {
			r.addOne(part, ansi.Strip(part))
		}
		return
	}
	r.addOne(l, stripped)
}

// surelyFits reports whether s, a line without escapes, takes at most w
// cells for sure: counting each ASCII character as one, every other
// character (but the sentinels, of no width) as two, and its trailing
// blanks (glamour's padding) as none. It spares measuring nearly every
// line exactly.
func surelyFits(s string, w int) bool {
	s = strings.TrimRight(s, " ")
	if len(s) <= w {
		return true
	}
	n := 0
	for _, r := range s {
		switch {
		case r < 0x80:
			n++
		case !isTag(r):
			n += 2
		}
		if n > w {
			return false
		}
	}
	return true
}

// addOne appends one line at most the column's width, with only SGR
// sequences; stripped is the line without them.
func (r *Doc) addOne(l, stripped string) {
	plain, ms := scanMarkers(stripped)
	line := len(r.Lines)
	for _, m := range ms {
		if m.id >= len(r.Items) {
			continue
		}
		p := Pos{line, ansi.StringWidth(plain[:m.off])}
		it := &r.Items[m.id]
		if m.open {
			it.Start, it.Found = p, true
		} else {
			it.End = p
		}
	}
	if ms != nil {
		l = dropTags(l)
	}
	r.Lines = append(r.Lines, l)
	r.Plain = append(r.Plain, plain)
}

// index fills headings and anchors from the located items.
func (r *Doc) index(sections int) {
	r.Headings = make([]int, sections)
	for i := range r.Headings {
		r.Headings[i] = -1
	}
	for i := range r.Items {
		it := &r.Items[i]
		if !it.Found {
			continue
		}
		if it.End.Before(it.Start) {
			it.End = it.Start // a close marker lost: keep the item usable
		}
		if it.Kind == Heading && it.Index < sections && r.Headings[it.Index] < 0 {
			r.Headings[it.Index] = it.Start.Line
		}
		r.anchors = append(r.anchors, anchor{it.SrcLine, it.Start.Line})
	}
	sort.SliceStable(r.anchors, func(i, j int) bool { return r.anchors[i].src < r.anchors[j].src })
}

// LineOfSource is the rendered line nearest to line src of the note's
// text, interpolated between the items around it.
func (r *Doc) LineOfSource(src int) int {
	a := r.anchors
	i := sort.Search(len(a), func(i int) bool { return a[i].src >= src })
	switch {
	case len(a) == 0:
		return 0
	case i < len(a) && a[i].src == src:
		return a[i].line
	case i == 0:
		return max(a[0].line-(a[0].src-src), 0)
	case i == len(a):
		return a[i-1].line + (src - a[i-1].src)
	}
	lo, hi := a[i-1], a[i]
	return lo.line + (hi.line-lo.line)*(src-lo.src)/(hi.src-lo.src)
}

// restyle paints badges and links in their own styles over glamour's.
func (r *Doc) restyle(st Styles) {
	for _, it := range r.Items {
		if !it.Found || it.Kind == Heading {
			continue
		}
		s := st.Link
		switch {
		case it.Kind == Timestamp && it.Dim:
			s = st.BadgeDim
		case it.Kind == Timestamp:
			s = st.Badge
		case it.Dim:
			s = st.LinkDim
		}
		r.paint(it.Start, it.End, s)
	}
}

// paint lays style s over the cells from a to b (exclusive), across lines.
func (r *Doc) paint(a, b Pos, s lipgloss.Style) {
	for _, sg := range r.Segments(a, b) {
		r.Lines[sg.Line] = Overlay(r.Lines[sg.Line], r.Plain[sg.Line], sg.From, sg.To, s)
	}
}

// Segment is the part of a range on one line: cells From to To (exclusive).
type Segment struct{ Line, From, To int }

// Segments splits the range a..b into one segment a line; the lines inside
// a range that wraps are covered from their first to their last character.
func (r *Doc) Segments(a, b Pos) []Segment {
	var out []Segment
	for l := a.Line; l <= b.Line && l < len(r.Plain); l++ {
		from, to := textStart(r.Plain[l]), ansi.StringWidth(strings.TrimRight(r.Plain[l], " "))
		if l == a.Line {
			from = a.Col
		}
		if l == b.Line {
			to = b.Col
		}
		if to > from {
			out = append(out, Segment{l, from, to})
		}
	}
	return out
}

func textStart(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// Overlay replaces the cells from..to of a styled line with the same text
// in style s; plain is the line without styles.
func Overlay(styled, plain string, from, to int, s lipgloss.Style) string {
	w := ansi.StringWidth(plain)
	return ansi.Cut(styled, 0, from) + "\x1b[m" + s.Render(ansi.Cut(plain, from, to)) + ansi.Cut(styled, to, w)
}

// keepSGR removes every escape sequence but SGR (glamour writes OSC 8
// hyperlinks, whose targets come from the note). The result is always a
// string of its own: a line that is a substring of glamour's output would
// keep all of that output alive.
func keepSGR(s string) string {
	if strings.IndexByte(s, 0x1b) < 0 {
		return strings.Clone(s)
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
func headerLines(v *model.Vault, n *model.Note, width int, st Styles) []string {
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
		out = append(out, margin+st.Title.Render(ansi.Truncate(l, inner, "…")))
	}
	var meta []string
	if n.Channel != "" {
		meta = append(meta, line(n.Channel))
	}
	if v != nil {
		if vid := v.VideoOf(n); vid != nil && vid.Title != "" {
			meta = append(meta, line(search.Plain(vid.Title))) // a channel page's heading, markup and all
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
		out = append(out, margin+st.Meta.Render(ansi.Truncate(m+id, inner, "…")))
	}
	out = append(out, margin+st.Meta.Render(strings.Repeat("─", inner)))
	return out
}

// SourceOfLine is the note's source line that rendered line y comes from,
// read between the anchors around it as LineOfSource does the other way.
func (r *Doc) SourceOfLine(y int) int {
	a := r.anchors // by source line, so by rendered line too
	i := sort.Search(len(a), func(i int) bool { return a[i].line > y })
	switch {
	case len(a) == 0:
		return max(y+1, 1)
	case i == 0:
		return max(a[0].src-(a[0].line-y), 1)
	case i == len(a) || a[i].line == a[i-1].line:
		return a[i-1].src + (y - a[i-1].line)
	}
	lo, hi := a[i-1], a[i]
	return lo.src + (hi.src-lo.src)*(y-lo.line)/(hi.line-lo.line)
}
