package model

import (
	"sort"
	"strings"
)

// SectionMoments is the moment (see Moment) of each section's heading, in
// one pass over the text: Moment alone reads the text from its start, so
// calling it once a section is quadratic on a note with thousands of
// headings. A heading's moment is the first openable anchor on its line or
// in the first paragraph under it; nothing comes before a heading in its
// own section.
func (n *Note) SectionMoments() []int {
	out := make([]int, len(n.Sections))
	if len(n.Sections) == 0 {
		return out
	}
	starts := lineStarts(n.Text())
	blank := func(line int) bool { // line counts from 1
		if line < 1 || line > len(starts) {
			return true
		}
		end := len(n.Text())
		if line < len(starts) {
			end = starts[line] - 1
		}
		return strings.TrimSpace(n.Text()[starts[line-1]:end]) == ""
	}
	for s, sec := range n.Sections {
		out[s] = -1
		if sec.Line < max(n.BodyLine, 1) {
			continue
		}
		end := n.SectionEnd(s)
		lo := sec.Line + 1
		for lo <= end && blank(lo) {
			lo++
		}
		hi := sec.Line // only the heading's own anchors when no paragraph follows
		if lo <= end {
			hi = lo
			for hi < end && !blank(hi+1) {
				hi++
			}
		}
		i := sort.Search(len(n.Timestamps), func(i int) bool { return int(n.Timestamps[i].Line) >= sec.Line })
		for ; i < len(n.Timestamps) && int(n.Timestamps[i].Line) <= hi; i++ {
			if l := int(n.Timestamps[i].Line); (l == sec.Line || l >= lo) && n.Openable(i) {
				out[s] = i
				break
			}
		}
	}
	return out
}

// lineStarts are the byte offsets where the lines of text start.
func lineStarts(text string) []int {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' && i+1 < len(text) {
			starts = append(starts, i+1)
		}
	}
	return starts
}
