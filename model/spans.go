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
	// "> [!info] Title" (or the line without its ">"), with a "+" or "-"
	// after it; Inner is the end of the type, just before "]", or before
	// the "|" of "[!type|Title]".
	Callout
)

// Part is one of a note's other parts.
type Part struct {
	Kind  PartKind
	Span  Span
	Inner int // see the kinds
}

// The loader keeps a note's spans in one slice (Note.Spans), so that a
// load keeps a few bytes a part and one object a note: a start and an end
// for each timestamp, then each link, then each section; then four values
// (kind, start, end, inner) for each other part, in text order. An offset
// is one uint16 in a note shorter than 64 KiB, nearly every note, and two
// (high, low) in a longer one.
const partLen = 4

// offsets are a note's spans as its readers take them: one uint16 an
// offset, or two in a note of 64 KiB or more. They are read once a call: a
// lazy note's Text and Spans each load its body.
type offsets struct {
	spans []uint16
	wide  bool
}

func (n *Note) offsets() offsets {
	text, spans := n.text, n.spans
	if n.lazy != nil {
		b := n.lazy.get()
		text, spans = b.Text, b.Spans
	}
	return offsets{spans: spans, wide: len(text) > 0xFFFF}
}

// value is the k-th value.
func (o offsets) value(k int) int {
	if o.wide {
		return int(o.spans[2*k])<<16 | int(o.spans[2*k+1])
	}
	return int(o.spans[k])
}

// values is the number of values.
func (o offsets) values() int {
	if o.wide {
		return len(o.spans) / 2
	}
	return len(o.spans)
}

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
	o := n.offsets()
	if 2*i+1 >= o.values() {
		return Span{-1, -1}
	}
	return Span{o.value(2 * i), o.value(2*i + 1)}
}

// NumParts is the number of the note's other parts.
func (n *Note) NumParts() int { return max(n.offsets().values()-n.partsAt(), 0) / partLen }

// Part is the note's other part i, in text order.
func (n *Note) Part(i int) Part {
	o, k := n.offsets(), n.partsAt()+i*partLen
	return Part{Kind: PartKind(o.value(k)), Span: Span{o.value(k + 1), o.value(k + 2)}, Inner: o.value(k + 3)}
}

func (n *Note) partsAt() int { return 2 * (len(n.Timestamps) + len(n.Links) + len(n.Sections)) }

// AppendPart appends a part's values to parts, which AppendSpans then
// lays into a note's Spans.
func AppendPart(parts []uint32, p Part) []uint32 {
	return append(parts, uint32(p.Kind), uint32(p.Span.Start), uint32(p.Span.End), uint32(p.Inner))
}

// AppendSpans appends to dst, in the layout of Note.Spans for a text of
// textLen bytes, the start and end of each timestamp, link and section
// (stamps, links, sections: pairs of offsets) and the parts' values.
func AppendSpans(dst []uint16, textLen int, stamps, links, sections, parts []uint32) []uint16 {
	wide := textLen > 0xFFFF
	for _, vs := range [...][]uint32{stamps, links, sections, parts} {
		for _, v := range vs {
			if wide {
				dst = append(dst, uint16(v>>16), uint16(v))
			} else {
				dst = append(dst, uint16(v))
			}
		}
	}
	return dst
}
