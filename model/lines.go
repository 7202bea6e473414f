package model

import (
	"math/bits"
	"strings"
	"sync"
)

// lineTable is what a note's readers ask of its lines, worked out once
// from its text on first use: where lines start, which lines are blank,
// and which timestamps open a video. A search describes every hit line of
// a note, and finding each line, its paragraph and its moment from the top
// of the text made a note of many hits cost the square of its size (a
// 17 MB note of 200,000 matching lines ran for minutes). It keeps about a
// third of a byte a line (a note of 64 MB of empty lines keeps 21 MB):
// the start of every 64th line, a bit a line for blank ones, and where the
// next blank line is from each 64.
type lineTable struct {
	lines       int      // the text's newlines and one: the line after a final newline counts
	blockStarts []int    // where lines 1, 65, 129… start
	blank       []uint64 // bit (l-1)%64 of word (l-1)/64 is set when line l holds only white space
	nextBlank   []int32  // the first blank line from each block's first on (lines+1, past the text, when none)
	openable    []int32  // the timestamps with a URL, ascending
}

const lineBlock = 64 // lines a block: a bit each in a word of blank

// lineCache keeps a note's lineTable once worked out. It belongs to the
// note's text: a copy of the note with the same text shares it.
type lineCache struct {
	once  sync.Once
	table *lineTable
}

// lines is the note's lineTable, worked out on first use.
func (n *Note) lines() *lineTable {
	c := n.lineInfo
	if n.lazy != nil {
		c = &n.lazy.lines
	}
	if c == nil { // a note made without SetBody: no text
		return newLineTable(n)
	}
	c.once.Do(func() { c.table = newLineTable(n) })
	return c.table
}

func newLineTable(n *Note) *lineTable {
	text := n.Text()
	t := &lineTable{}
	for off := 0; ; t.lines++ {
		if t.lines%lineBlock == 0 {
			t.blockStarts = append(t.blockStarts, off)
			t.blank = append(t.blank, 0)
		}
		end := len(text)
		if off < len(text) && text[off] == '\n' {
			end = off // an empty line, without the calls below: a hostile note is millions of them
		} else if i := strings.IndexByte(text[off:], '\n'); i >= 0 {
			end = off + i
		}
		if end == off || strings.TrimSpace(text[off:end]) == "" {
			t.blank[t.lines/lineBlock] |= 1 << (t.lines % lineBlock)
		}
		if end == len(text) {
			t.lines++
			break
		}
		off = end + 1
	}
	t.nextBlank = make([]int32, len(t.blank))
	next := t.lines + 1 // past the text: blank
	for b := len(t.blank) - 1; b >= 0; b-- {
		if t.blank[b] != 0 {
			next = b*lineBlock + bits.TrailingZeros64(t.blank[b]) + 1
		}
		t.nextBlank[b] = int32(next)
	}
	for i := range n.Timestamps {
		if n.Openable(i) {
			t.openable = append(t.openable, int32(i))
		}
	}
	return t
}

// lineStart is the byte offset of line (from 1; 0 is 1) of the note's
// text, len(text) past its end: its block's start, then at most 63 lines.
func (n *Note) lineStart(line int) int {
	t, text := n.lines(), n.Text()
	line = max(line, 1)
	if line > t.lines {
		return len(text)
	}
	b := (line - 1) / lineBlock
	off := t.blockStarts[b]
	for l := b*lineBlock + 1; l < line; l++ {
		off += strings.IndexByte(text[off:], '\n') + 1
	}
	return off
}

// LineBounds are the byte offsets of line (from 1; 0 is 1) of the note's
// text, without its line end; both len(text) past its end.
func (n *Note) LineBounds(line int) (lo, hi int) {
	text := n.Text()
	lo = n.lineStart(line)
	if i := strings.IndexByte(text[lo:], '\n'); i >= 0 {
		return lo, lo + i
	}
	return lo, len(text)
}

// blank reports whether line (from 1) holds only white space; a line past
// the text's end is blank.
func (n *Note) blank(line int) bool {
	t := n.lines()
	if line < 1 || line > t.lines {
		return line >= 1
	}
	return t.blank[(line-1)/lineBlock]&(1<<((line-1)%lineBlock)) != 0
}

// nextBlank is the first blank line after line.
func (n *Note) nextBlank(line int) int {
	t := n.lines()
	l := max(line+1, 1)
	if l > t.lines {
		return l
	}
	b, bit := (l-1)/lineBlock, (l-1)%lineBlock
	if rest := t.blank[b] >> bit; rest != 0 {
		return l + bits.TrailingZeros64(rest)
	}
	if b+1 < len(t.nextBlank) {
		return int(t.nextBlank[b+1])
	}
	return t.lines + 1
}
