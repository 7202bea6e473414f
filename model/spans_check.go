package model

// SpansConsistent reports whether the note's spans are laid out as the
// loader lays them and hold what its readers slice the text with: every
// span inside the text, each kind's spans in text order without overlaps,
// a part's Inner inside its span (past "[" of a markdown link, "[!" of a
// callout), and the spans a reader walks along a line (timestamps, links,
// markdown links, callouts) apart from one another. Spans read from
// outside the loader (the cache) are checked with it, so that a forged
// file can never make a reader slice out of range.
func (n *Note) SpansConsistent() bool {
	o := n.offsets()
	if o.wide && len(o.spans)%2 != 0 || o.values() < n.partsAt() || (o.values()-n.partsAt())%partLen != 0 {
		return false
	}
	size := len(n.Text())
	inOrder := func(count int, span func(int) Span) bool {
		end := 0
		for i := range count {
			s := span(i)
			if s.Start < end || s.End < s.Start || s.End > size {
				return false
			}
			end = s.End
		}
		return true
	}
	if !inOrder(len(n.Timestamps), n.TimestampSpan) || !inOrder(len(n.Links), n.LinkSpan) || !inOrder(len(n.Sections), n.SectionSpan) {
		return false
	}
	partStart := 0
	var inline []Span // markdown links and callouts, in order
	for i := range n.NumParts() {
		p := n.Part(i)
		s := p.Span
		if s.Start < partStart || s.End < s.Start || s.End > size || p.Inner < s.Start || p.Inner > s.End {
			return false
		}
		partStart = s.Start
		switch p.Kind {
		case Frontmatter, Fence, OpenFence:
		case MarkdownLink, Callout:
			if p.Kind == MarkdownLink && p.Inner < s.Start+1 || p.Kind == Callout && p.Inner < s.Start+2 {
				return false
			}
			inline = append(inline, s)
		default:
			return false
		}
	}
	return apart(len(n.Timestamps), n.TimestampSpan, len(n.Links), n.LinkSpan, inline)
}

// apart reports whether three lists of spans, each in text order, have no
// span overlapping another's.
func apart(numA int, a func(int) Span, numB int, b func(int) Span, c []Span) bool {
	i, j, k, end := 0, 0, 0, 0
	for i < numA || j < numB || k < len(c) {
		next := Span{Start: -1}
		switch {
		case i < numA && (j >= numB || a(i).Start <= b(j).Start) && (k >= len(c) || a(i).Start <= c[k].Start):
			next = a(i)
			i++
		case j < numB && (k >= len(c) || b(j).Start <= c[k].Start):
			next = b(j)
			j++
		default:
			next = c[k]
			k++
		}
		if next.Start < end {
			return false
		}
		end = next.End
	}
	return true
}
