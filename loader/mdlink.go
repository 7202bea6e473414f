package loader

import (
	"strings"

	"tubenotes/model"
)

// appendMarkdownLinks adds a part for each [label](url) of line l, which
// starts at byte off of the note ("![alt](src)" from its "["). stamps and
// links are the spans, as pairs in text order, of the line's timestamps and
// wikilinks: no markdown link overlaps one. A label holds no brackets. Each
// byte of l is looked at a bounded number of times, whatever the line.
func appendMarkdownLinks(parts []uint32, l string, off int, stamps, links []uint32) []uint32 {
	taken := [2]spanCursor{{spans: stamps}, {spans: links}}
	for i := 0; i < len(l); {
		j := strings.IndexByte(l[i:], '[')
		if j < 0 {
			return parts
		}
		i += j
		if end := max(taken[0].inside(off+i), taken[1].inside(off+i)); end > 0 {
			i = end - off
			continue
		}
		if i+1 < len(l) && l[i+1] == '[' {
			i += 2
			continue
		}
		k := strings.IndexAny(l[i+1:], "[]")
		if k < 0 {
			return parts
		}
		close := i + 1 + k
		if l[close] == '[' || close+1 >= len(l) || l[close+1] != '(' {
			i = close
			if l[close] == ']' {
				i++
			}
			continue
		}
		paren := strings.IndexByte(l[close+2:], ')')
		if paren < 0 {
			return parts
		}
		end := close + 2 + paren + 1
		if taken[0].startsBefore(off+end) || taken[1].startsBefore(off+end) {
			i = close + 1 // a timestamp or wikilink inside: not a link
			continue
		}
		parts = model.AppendPart(parts, model.Part{Kind: model.MarkdownLink, Span: model.Span{Start: off + i, End: off + end}, Inner: off + close})
		i = end
	}
	return parts
}

// spanCursor walks spans (pairs of offsets, in order) as the offsets asked
// about grow, so that a line costs one pass over them.
type spanCursor struct {
	spans []uint32
	k     int
}

// inside is the end of the span holding at, or 0 when none does.
func (c *spanCursor) inside(at int) int {
	for c.k+1 < len(c.spans) && int(c.spans[c.k+1]) <= at {
		c.k += 2
	}
	if c.k+1 < len(c.spans) && int(c.spans[c.k]) <= at {
		return int(c.spans[c.k+1])
	}
	return 0
}

// startsBefore reports whether the next span not yet passed starts before
// z (the caller's position is past the ends of the earlier ones).
func (c *spanCursor) startsBefore(z int) bool {
	return c.k+1 < len(c.spans) && int(c.spans[c.k]) < z
}
