package model

import (
	"sort"
	"strings"
	"sync/atomic"
)

// lineTable is what a note's readers ask of its lines, worked out once
// from its text on first use: where each line starts, which lines are
// blank, and which timestamps open a video. A search describes every hit
// line of a note, and finding each line, its paragraph and its moment
// from the top of the text made a note of many hits cost the square of
// its size (a 17 MB note of 200,000 matching lines ran for minutes).
type lineTable struct {
	starts   []int32 // where each line starts: 0, then one past each newline, the last one's too
	blank    []int32 // the lines holding only white space, from 1, ascending
	openable []int32 // the timestamps with a URL, ascending
}

// lineCache keeps a note's lineTable once worked out. It belongs to the
// note's text: a copy of the note with the same text shares it.
type lineCache struct{ table atomic.Pointer[lineTable] }

// lines is the note's lineTable, worked out on first use.
func (n *Note) lines() *lineTable {
	c := n.lineInfo
	if n.lazy != nil {
		c = &n.lazy.lines
	}
	if c == nil { // a note made without SetBody: no text
		return newLineTable(n)
	}
	if t := c.table.Load(); t != nil {
		return t
	}
	t := newLineTable(n) // two goroutines may both work it out: either is right
	c.table.Store(t)
	return t
}

func newLineTable(n *Note) *lineTable {
	text := n.Text()
	t := &lineTable{starts: make([]int32, 1, strings.Count(text, "\n")+1)}
	for off := 0; ; {
		i := strings.IndexByte(text[off:], '\n')
		end := len(text)
		if i >= 0 {
			end = off + i
		}
		if strings.TrimSpace(text[off:end]) == "" {
			t.blank = append(t.blank, int32(len(t.starts)))
		}
		if i < 0 {
			break
		}
		off = end + 1
		t.starts = append(t.starts, int32(off))
	}
	for i := range n.Timestamps {
		if n.Openable(i) {
			t.openable = append(t.openable, int32(i))
		}
	}
	return t
}

// lineStart is the byte offset of line (from 1) of the note's text,
// len(text) past its end.
func (n *Note) lineStart(line int) int {
	starts := n.lines().starts
	if line-1 >= len(starts) {
		return len(n.Text())
	}
	return int(starts[max(line, 1)-1])
}

// LineBounds are the byte offsets of line (from 1; 0 is 1) of the note's
// text, without its line end; both len(text) past its end.
func (n *Note) LineBounds(line int) (lo, hi int) {
	starts := n.lines().starts
	line = max(line, 1)
	if line-1 >= len(starts) {
		return len(n.Text()), len(n.Text())
	}
	lo, hi = int(starts[line-1]), len(n.Text())
	if line < len(starts) {
		hi = int(starts[line]) - 1
	}
	return lo, hi
}

// blank reports whether line (from 1) holds only white space; a line past
// the text's end is blank.
func (n *Note) blank(line int) bool {
	t := n.lines()
	if line > len(t.starts) {
		return true
	}
	i := sort.Search(len(t.blank), func(i int) bool { return int(t.blank[i]) >= line })
	return i < len(t.blank) && int(t.blank[i]) == line
}

// nextBlank is the first blank line after line.
func (n *Note) nextBlank(line int) int {
	t := n.lines()
	i := sort.Search(len(t.blank), func(i int) bool { return int(t.blank[i]) > line })
	if i < len(t.blank) {
		return int(t.blank[i])
	}
	return max(len(t.starts)+1, line+1)
}
