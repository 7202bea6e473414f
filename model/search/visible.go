package search

import (
	"html"
	"math"
	"sort"
	"strings"

	"tubenotes/model"
)

// spanCursor walks the loader's spans of one note (model.Note.Spans) in
// text order, so that reading a note's lines in order costs one pass. It
// keeps the spans it stands at decoded (the note decodes a span at every
// call), and the note's text.
type spanCursor struct {
	n              *model.Note
	text           string
	ts, link, part int // the first spans not yet passed
	numParts       int

	tsAt, linkAt, partAt int // the spans decoded below are these; -1 for none
	tsSpan, linkSpan     model.Span
	partSpan             model.Part

	// The bytes that may open markup, found in the whole text: a note's
	// lines are read in order, and most hold none, so that one search
	// answers for many lines.
	marks markupFinder
}

func newSpanCursor(n *model.Note) *spanCursor {
	c := new(spanCursor)
	c.reset(n)
	return c
}

// reset makes c a cursor at the start of n.
func (c *spanCursor) reset(n *model.Note) {
	text := n.Text()
	*c = spanCursor{
		n: n, text: text, numParts: n.NumParts(), tsAt: -1, linkAt: -1, partAt: -1,
		marks: markupFinder{s: text, at: [3]int{-1, -1, -1}},
	}
}

// lineCursor is a cursor for bytes lo to hi of n's text alone (a hit's
// line): its spans found by binary search, and markup searched for no
// further than hi. Describing each hit of a note then costs its line, not
// the text above it: a note of thousands of hit lines read from its top
// for each cost the square of its size.
func lineCursor(n *model.Note, lo, hi int) *spanCursor {
	c := newSpanCursor(n)
	c.marks.s = c.text[:hi]
	c.ts = sort.Search(len(n.Timestamps), func(i int) bool { return n.TimestampSpan(i).Start >= lo })
	c.link = sort.Search(len(n.Links), func(i int) bool { return n.LinkSpan(i).Start >= lo })
	c.part = sort.Search(c.numParts, func(i int) bool { return n.Part(i).Span.Start >= lo })
	return c
}

// curTimestamp is n.TimestampSpan(c.ts). The cursors' spans are asked
// for several times a line: the check is inlined, the decoding kept out
// of line (noinline) so that the check stays small enough to be.
func (c *spanCursor) curTimestamp() model.Span {
	if c.tsAt != c.ts {
		c.decodeTimestamp()
	}
	return c.tsSpan
}

//go:noinline
func (c *spanCursor) decodeTimestamp() { c.tsAt, c.tsSpan = c.ts, c.n.TimestampSpan(c.ts) }

// curLink is n.LinkSpan(c.link).
func (c *spanCursor) curLink() model.Span {
	if c.linkAt != c.link {
		c.decodeLink()
	}
	return c.linkSpan
}

//go:noinline
func (c *spanCursor) decodeLink() { c.linkAt, c.linkSpan = c.link, c.n.LinkSpan(c.link) }

// curPart is n.Part(c.part).
func (c *spanCursor) curPart() model.Part {
	if c.partAt != c.part {
		c.decodePart()
	}
	return c.partSpan
}

//go:noinline
func (c *spanCursor) decodePart() { c.partAt, c.partSpan = c.part, c.n.Part(c.part) }

// appendNoteVisible appends to dst what a reader sees of bytes lo to hi of
// the note's text (a line, or part of one; each call after the text
// before), walking the loader's spans:
// timestamp anchors dropped whole (the reader shows them as badges),
// wikilinks reduced to their label, markdown links to their text, a
// callout's "[!type]" to its type. The text between goes through
// appendVisible, for tags and entities.
func appendNoteVisible(dst []byte, c *spanCursor, lo, hi int) []byte {
	n, text := c.n, c.text
	for c.ts < len(n.Timestamps) && c.curTimestamp().Start < lo {
		c.ts++
	}
	for c.link < len(n.Links) && c.curLink().Start < lo {
		c.link++
	}
	for c.part < c.numParts {
		if p := c.curPart(); p.Span.Start >= hi || p.Span.Start >= lo && (p.Kind == model.MarkdownLink || p.Kind == model.Callout) {
			break // past the bytes asked for, or one they may hold
		}
		c.part++
	}
	for at := lo; ; {
		next, kind := hi, 0
		if c.ts < len(n.Timestamps) && c.curTimestamp().Start < next {
			next, kind = c.curTimestamp().Start, 1
		}
		if c.link < len(n.Links) && c.curLink().Start < next {
			next, kind = c.curLink().Start, 2
		}
		var p model.Part
		if c.part < c.numParts {
			if p = c.curPart(); p.Span.Start < next {
				next, kind = p.Span.Start, 3
			}
		}
		if next >= hi || kind == 0 {
			return appendVisibleAt(dst, text[at:hi], &c.marks, at)
		}
		dst = appendVisibleAt(dst, text[at:next], &c.marks, at)
		switch kind {
		case 1:
			at = c.curTimestamp().End
			c.ts++
		case 2:
			dst = append(dst, n.Links[c.link].Label...)
			at = c.curLink().End
			c.link++
		case 3:
			if p.Kind == model.MarkdownLink {
				dst = appendVisibleAt(dst, text[p.Span.Start+1:p.Inner], &c.marks, p.Span.Start+1)
			} else {
				dst = append(dst, text[p.Span.Start+2:p.Inner]...)
			}
			at = min(p.Span.End, hi)
			c.part++
		}
	}
}

// noteVisible is what a reader sees of line line (1-based) of n, from the
// first byte after the line's leading markdown markers ("#", ">", "-", "*",
// "+" and blanks).
func noteVisible(n *model.Note, line int) string {
	lo, hi := n.LineBounds(line)
	l := n.Text()[lo:hi]
	lo += len(l) - len(strings.TrimLeft(l, "#>-*+ \t"))
	return string(appendNoteVisible(nil, lineCursor(n, lo, hi), lo, hi))
}

// appendVisible appends to dst the text of markdown that a reader sees,
// for text that is not one of the loader's spans (text between them, or a
// title): HTML tags dropped (their attributes never match), yt-timestamp
// anchors the loader did not count (in fenced code) dropped whole,
// wikilinks reduced to their label, markdown links and images to their
// text, and HTML entities decoded. Everything else is kept as written;
// punctuation never makes a token anyway.
func appendVisible(dst []byte, line string) []byte {
	return appendVisibleAt(dst, line, &markupFinder{s: line, at: [3]int{-1, -1, -1}}, 0)
}

// appendVisibleAt is appendVisible of line, which is bytes off onwards of
// the text marks searches (marks asked, from one call to the next, of
// places in increasing order).
func appendVisibleAt(dst []byte, line string, marks *markupFinder, off int) []byte {
	for i := 0; i < len(line); {
		if j := marks.next(off + i); j != off+i {
			if j < 0 || j >= off+len(line) {
				return append(dst, line[i:]...)
			}
			j -= off
			dst = append(dst, line[i:j]...)
			i = j
		}
		switch line[i] {
		case '<':
			if end, ok := skipTag(line, i); ok {
				i = end
				continue
			}
		case '[':
			if strings.HasPrefix(line[i:], "[[") {
				if j := strings.Index(line[i+2:], "]]"); j >= 0 {
					dst = append(dst, wikiLabel(line[i+2:i+2+j])...)
					i += 2 + j + 2
					continue
				}
			} else if label, end, ok := markdownLink(line, i); ok {
				dst = appendVisible(dst, label)
				i = end
				continue
			}
		case '&':
			if j := strings.IndexByte(line[i:], ';'); j > 1 && j <= 10 {
				ent := line[i : i+j+1]
				if dec := html.UnescapeString(ent); dec != ent {
					dst = append(dst, dec...)
					i += j + 1
					continue
				}
			}
		}
		dst = append(dst, line[i])
		i++
	}
	return dst
}

// markupFinder finds the bytes that may open markup in s ('<', '[', '&'),
// each with strings.IndexByte (several times faster than
// strings.IndexAny's byte loop on the many lines without any), keeping
// where each comes next so that no byte of s is searched twice for the
// same one.
type markupFinder struct {
	s  string
	at [3]int // where '<', '[' and '&' were found last; -1 before the first search, noMarkup when none is left
}

const noMarkup = math.MaxInt

// next is the index of the first markup byte at or after i, or -1. (The
// three written out, so that their places are not indexed.)
func (m *markupFinder) next(i int) int {
	if m.at[0] < i {
		m.at[0] = m.find(i, '<')
	}
	if m.at[1] < i {
		m.at[1] = m.find(i, '[')
	}
	if m.at[2] < i {
		m.at[2] = m.find(i, '&')
	}
	if first := min(m.at[0], m.at[1], m.at[2]); first != noMarkup {
		return first
	}
	return -1
}

// find is the index of the first c in s at or after i, noMarkup if none.
func (m *markupFinder) find(i int, c byte) int {
	if j := strings.IndexByte(m.s[i:], c); j >= 0 {
		return i + j
	}
	return noMarkup
}

// Visible is the text a reader sees of one markdown line (see appendVisible).
func Visible(line string) string { return string(appendVisible(nil, line)) }

// skipTag returns the index just past the HTML tag or comment starting at
// i. A yt-timestamp anchor is skipped with its text and closing tag. A "<"
// that opens no tag on this line (as in "x < y") is not one.
func skipTag(line string, i int) (int, bool) {
	rest := line[i:]
	if strings.HasPrefix(rest, "<!--") {
		if j := strings.Index(rest[4:], "-->"); j >= 0 {
			return i + 4 + j + 3, true
		}
		return len(line), true
	}
	if len(rest) < 2 {
		return 0, false
	}
	c := rest[1]
	if !(c == '/' || c == '!' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
		return 0, false
	}
	j := strings.IndexByte(rest, '>')
	if j < 0 {
		return 0, false
	}
	end := i + j + 1
	if timestampAnchor(rest[:j]) {
		if k := model.IndexCloseAnchor(line[end:]); k >= 0 {
			return end + k + 4, true
		}
	}
	return end, true
}

// timestampAnchor reports whether tag (from "<" up to its ">") opens a
// yt-timestamp anchor, as the loader reads them: an <a> with a data-t
// attribute whose quoted class list holds yt-timestamp.
func timestampAnchor(tag string) bool {
	if len(tag) < 3 || tag[1] != 'a' && tag[1] != 'A' || !strings.ContainsRune(" \t\n", rune(tag[2])) ||
		!strings.Contains(tag, " data-t=\"") && !strings.Contains(tag, " data-t='") {
		return false
	}
	for i := 2; ; {
		j := strings.Index(tag[i:], "class=")
		if j < 0 {
			return false
		}
		at := i + j
		i = at + len("class=")
		if !strings.ContainsRune(" \t\n", rune(tag[at-1])) || i >= len(tag) || tag[i] != '"' && tag[i] != '\'' {
			continue
		}
		end := strings.IndexByte(tag[i+1:], tag[i])
		if end < 0 {
			return false
		}
		for _, c := range strings.Fields(tag[i+1 : i+1+end]) {
			if c == "yt-timestamp" {
				return true
			}
		}
		i += end + 2
	}
}

// wikiLabel is what a reader shows of [[inner]]: the label after "|", else
// the target without its "#heading".
func wikiLabel(inner string) string {
	if j := strings.IndexByte(inner, '|'); j >= 0 {
		return strings.TrimSpace(inner[j+1:])
	}
	if j := strings.IndexByte(inner, '#'); j >= 0 {
		inner = inner[:j]
	}
	return strings.TrimSpace(inner)
}

// markdownLink recognises [label](target) at i and returns the label and
// the index past the closing parenthesis.
func markdownLink(line string, i int) (label string, end int, ok bool) {
	depth := 0
	for j := i; j < len(line); j++ {
		switch line[j] {
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				if j+1 >= len(line) || line[j+1] != '(' {
					return "", 0, false
				}
				k := strings.IndexByte(line[j+2:], ')')
				if k < 0 {
					return "", 0, false
				}
				return line[i+1 : j], j + 2 + k + 1, true
			}
		}
	}
	return "", 0, false
}
