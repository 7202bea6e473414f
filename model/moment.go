package model

import (
	"sort"
	"strings"
)

// Moment is the moment of a position in the note, as an index into
// n.Timestamps, or -1 when it has none. Notes put a timestamp anchor at the
// end of the sentence it supports, so the moment of a position is the first
// openable anchor after it in the same paragraph; failing that, the last
// openable anchor before it in the same section; else none.
//
// line counts from 1; col is a byte offset into that line (0 for the whole
// line, past its end for its end). An anchor the position falls inside
// counts as after it. A paragraph is a run of lines ended by a blank line
// or a heading; a heading's paragraph is the first one under it, so a
// heading's moment is where its section starts.
func (n *Note) Moment(line, col int) int {
	if len(n.Timestamps) == 0 || line < max(n.BodyLine, 1) { // the frontmatter has no moment
		return -1
	}
	return n.moment(line, lineStart(n.Text(), line)+max(col, 0))
}

// MomentAtOffset is Moment for a byte offset into n.Text.
func (n *Note) MomentAtOffset(off int) int {
	off = min(max(off, 0), len(n.Text()))
	line := 1 + strings.Count(n.Text()[:off], "\n")
	return n.Moment(line, off-(strings.LastIndexByte(n.Text()[:off], '\n')+1))
}

// moment is Moment for the position at byte off of the note, on line. The
// anchors of the line are where the loader's spans (TimestampSpan) put
// them.
func (n *Note) moment(line, off int) int {
	first := sort.Search(len(n.Timestamps), func(i int) bool { return int(n.Timestamps[i].Line) >= line })
	// The anchors of line that end after the position, then the lines
	// below in the paragraph.
	i := first
	for ; i < len(n.Timestamps) && int(n.Timestamps[i].Line) == line; i++ {
		if n.TimestampSpan(i).End > off && n.Openable(i) {
			return i
		}
	}
	lo, hi := line+1, 0 // the lines of the paragraph below the position
	if !n.isHeading(line) {
		hi = n.paragraphEnd(line)
	} else if lo = n.nextParagraph(line); lo <= n.SectionEnd(n.SectionAt(line)) {
		hi = n.paragraphEnd(lo) // a heading's paragraph is the first under it
	}
	for ; i < len(n.Timestamps) && int(n.Timestamps[i].Line) <= hi; i++ {
		if int(n.Timestamps[i].Line) >= lo && n.Openable(i) {
			return i
		}
	}
	// The last anchor before the position in its section.
	top := max(n.BodyLine, 1)
	if s := n.SectionAt(line); s >= 0 {
		top = n.Sections[s].Line
	}
	last := first // past the line's own anchors
	for last < len(n.Timestamps) && int(n.Timestamps[last].Line) == line {
		last++
	}
	for i = last - 1; i >= 0 && int(n.Timestamps[i].Line) >= top; i-- {
		if (i < first || n.TimestampSpan(i).End <= off) && n.Openable(i) {
			return i
		}
	}
	return -1
}

// lineStart is the byte offset of line (from 1) of text, len(text) past
// its end.
func lineStart(text string, line int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			return len(text)
		}
		off += i + 1
	}
	return off
}

// lineText is line of the note's text, without its newline.
func (n *Note) lineText(line int) string {
	text := n.Text()[lineStart(n.Text(), line):]
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	return text
}

// isHeading reports whether a section starts on line.
func (n *Note) isHeading(line int) bool {
	s := n.SectionAt(line)
	return s >= 0 && n.Sections[s].Line == line
}

// nextParagraph is the first line after heading line that is not blank,
// past its section's end when there is none.
func (n *Note) nextParagraph(line int) int {
	end := n.SectionEnd(n.SectionAt(line))
	l := line + 1
	for ; l <= end; l++ {
		if strings.TrimSpace(n.lineText(l)) != "" {
			break
		}
	}
	return l
}

// paragraphEnd is the last line of the paragraph holding line: the line
// before the next blank line or heading.
func (n *Note) paragraphEnd(line int) int {
	end := n.SectionEnd(n.SectionAt(line))
	off := 0
	for l := 1; l <= line; l++ { // to the start of the line after
		i := strings.IndexByte(n.Text()[off:], '\n')
		if i < 0 {
			return line
		}
		off += i + 1
	}
	for l := line + 1; l <= end; l++ {
		text := n.Text()[off:]
		next := len(n.Text())
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			text, next = text[:i], off+i+1
		}
		if strings.TrimSpace(text) == "" {
			return l - 1
		}
		off = next
	}
	return end
}
