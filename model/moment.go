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
	return n.moment(line, n.lineStart(line)+max(col, 0))
}

// MomentAtOffset is Moment for a byte offset into n.Text.
func (n *Note) MomentAtOffset(off int) int {
	off = min(max(off, 0), len(n.Text()))
	line := 1 + strings.Count(n.Text()[:off], "\n")
	return n.Moment(line, off-(strings.LastIndexByte(n.Text()[:off], '\n')+1))
}

// moment is Moment for the position at byte off of the note, on line. The
// anchors of the line are where the loader's spans (TimestampSpan) put
// them. Only openable anchors count, and they are found by binary search
// (lineTable.openable): a note of many hit lines asks for many moments.
func (n *Note) moment(line, off int) int {
	open := n.lines().openable
	lineOf := func(k int) int { return int(n.Timestamps[open[k]].Line) }
	// The anchors of line that end after the position, then the first
	// in the lines below in the paragraph.
	k := sort.Search(len(open), func(k int) bool { return lineOf(k) >= line })
	for ; k < len(open) && lineOf(k) == line; k++ {
		if n.TimestampSpan(int(open[k])).End > off {
			return int(open[k])
		}
	}
	lo, hi := line+1, 0 // the lines of the paragraph below the position
	if !n.isHeading(line) {
		hi = n.paragraphEnd(line)
	} else if lo = n.nextParagraph(line); lo <= n.SectionEnd(n.SectionAt(line)) {
		hi = n.paragraphEnd(lo) // a heading's paragraph is the first under it
	}
	// No anchor sits between line and lo: those lines are blank.
	if k < len(open) && lineOf(k) >= lo && lineOf(k) <= hi {
		return int(open[k])
	}
	// The last anchor before the position in its section: the line's
	// own all end before it (else the first loop took one).
	top := max(n.BodyLine, 1)
	if s := n.SectionAt(line); s >= 0 {
		top = n.Sections[s].Line
	}
	if k > 0 && lineOf(k-1) >= top {
		return int(open[k-1])
	}
	return -1
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
	for l <= end && n.blank(l) {
		l++
	}
	return l
}

// paragraphEnd is the last line of the paragraph holding line: the line
// before the next blank line or heading.
func (n *Note) paragraphEnd(line int) int {
	if line >= n.lines().lines { // the text's last line, or past it
		return line
	}
	return min(n.nextBlank(line)-1, n.SectionEnd(n.SectionAt(line)))
}
