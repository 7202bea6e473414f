package model

// Span is where a part of a note is: bytes Start to End (exclusive) of its
// Text.
type Span struct{ Start, End int }

// PartKind is what a Part of a note is, besides its timestamps, links and
// headings, which have spans of their own (TimestampSpan, LinkSpan,
// SectionSpan).
type PartKind uint8

const (
	// Frontmatter is the YAML block with its --- lines.
	Frontmatter PartKind = iota + 1
	// Fence is fenced code, from its opening line to the end of its
	// closing one; Inner is the end of the opening line.
	Fence
	// OpenFence is fenced code that runs to the end of the note.
	OpenFence
	// MarkdownLink is [label](url) or ![alt](src); Inner is the end of
	// the label, just before "](".
	MarkdownLink
	// Callout is the "[!type]" marker of an Obsidian callout's first line,
	// "> [!info] Title", with a "+" or "-" after it; Inner is the end of
	// the type, just before "]".
	Callout
)

// Part is one of a note's other parts.
type Part struct {
	Kind  PartKind
	Span  Span
	Inner int // see the kinds
}

// The loader keeps a note's spans in one slice of uint32 (Note.Spans), so
// that a load keeps a few bytes a part and one object a note: a start and
// an end for each timestamp, then each link, then each section; then four
// values (kind, start, end, inner) for each other part, in text order.
const partLen = 4

// TimestampSpan is where timestamp i's anchor is: from "<a" to past
// "</a>", with the "[00:01:02](" and ")" that wrap some anchors in a
// markdown link, or the "[00:01:02]" written before some.
func (n *Note) TimestampSpan(i int) Span { return n.pair(i) }

// LinkSpan is where link i is, from "[[" to past "]]".
func (n *Note) LinkSpan(i int) Span { return n.pair(len(n.Timestamps) + i) }

// SectionSpan is where section i's title starts (after the "## " of an
// ATX heading) to the end of its line; a setext heading's title may go on
// over more lines, which the span does not cover.
func (n *Note) SectionSpan(i int) Span { return n.pair(len(n.Timestamps) + len(n.Links) + i) }

func (n *Note) pair(i int) Span {
	if 2*i+1 >= len(n.Spans) {
		return Span{-1, -1}
	}
	return Span{int(n.Spans[2*i]), int(n.Spans[2*i+1])}
}

// NumParts is the number of the note's other parts.
func (n *Note) NumParts() int { return max(len(n.Spans)-n.partsAt(), 0) / partLen }

// Part is the note's other part i, in text order.
func (n *Note) Part(i int) Part {
	p := n.Spans[n.partsAt()+i*partLen:]
	return Part{Kind: PartKind(p[0]), Span: Span{int(p[1]), int(p[2])}, Inner: int(p[3])}
}

func (n *Note) partsAt() int { return 2 * (len(n.Timestamps) + len(n.Links) + len(n.Sections)) }

// AppendPart appends a part to spans, the loader's Note.Spans (see partLen).
func AppendPart(spans []uint32, p Part) []uint32 {
	return append(spans, uint32(p.Kind), uint32(p.Span.Start), uint32(p.Span.End), uint32(p.Inner))
}
