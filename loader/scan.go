package loader

import (
	"strings"

	"tubenotes/model"
)

// scanner walks the body of a note line by line, the way a markdown reader
// sees blocks: fenced code hides everything inside it; ATX and setext
// headings make sections; other lines give timestamps and links.
type scanner struct {
	text    string
	scratch *scratch

	// what the scan finds, appended to the free ends of the scratch blocks
	stamps   []model.Timestamp
	links    []model.Link
	sections []model.Section
	// and where: spans of the timestamps, links and sections, and the
	// other parts, in the scratch's buffers until the note keeps them
	stampSpans, linkSpans, sectionSpans, parts []uint32

	channel   string // target of the first "From: [[x]]" line
	fromLine  int    // that line
	firstH1   string
	hugeLines []hugeLineAt

	inFence    bool
	fenceChar  byte
	fenceLen   int
	fenceStart int // byte offset of the opening line
	fenceInner int // end of the opening line

	inParagraph bool
	paraLine    int // first line of the open paragraph
	paraStart   int // its byte offset
	paraEnd     int // end of its last line
	paraFirst   int // end of its first line
}

// scratch is where a worker's scans put what they find. A load keeps every
// note, so each note's sections, timestamps and links are carved out of
// blocks shared by the notes a worker parses: a scan appends straight into
// the free end of a block, and the note keeps exactly what it used. Slices
// of their own would round every note up to an allocator size class and
// give the garbage collector three objects a note to track.
type scratch struct {
	stamps   block[model.Timestamp]
	links    block[model.Link]
	sections block[model.Section]
	spans    block[uint16]
	oneNote  bool // ParseNote: no blocks, exact copies

	// buffers the scans of a worker reuse for spans, before a note's are
	// laid end to end in spans
	stampSpans, linkSpans, sectionSpans, parts []uint32
}

// blockLen is the number of items a block holds (64–144 KB): dozens of
// notes, so that little is left unused at the end of a block.
const blockLen = 2048

// block is the free end of a shared block of T.
type block[T any] struct{ free []T }

// start is an empty slice to append one note's items to, in place when
// they fit in the block.
func (b *block[T]) start() []T { return b.free[:0] }

// keep is the note's own slice of xs, which start began: the items stay in
// the block when they fit, otherwise they move to a new block (or, past a
// quarter of a block, to an allocation of their own).
func (b *block[T]) keep(xs []T, oneNote bool) []T {
	switch {
	case len(xs) == 0:
		return nil
	case len(b.free) > 0 && &xs[0] == &b.free[0]: // appended in place
		b.free = b.free[len(xs):]
		return xs[:len(xs):len(xs)]
	case oneNote || len(xs) > blockLen/4:
		return append([]T(nil), xs...)
	}
	b.free = make([]T, blockLen)
	kept := b.free[:len(xs):len(xs)]
	copy(kept, xs)
	b.free = b.free[len(xs):]
	return kept
}

type hugeLineAt struct{ line, size int }

// scan reads the text from byte off, which is on line line, and gives the
// note its sections, timestamps (without seconds yet), links and the spans
// of these and of its other parts. A frontmatter, when there is one, is the
// text before off.
func (s *scanner) scan(n *model.Note, off, line int) {
	s.stamps, s.links, s.sections = s.scratch.stamps.start(), s.scratch.links.start(), s.scratch.sections.start()
	sc := s.scratch
	s.stampSpans, s.linkSpans, s.sectionSpans, s.parts = sc.stampSpans[:0], sc.linkSpans[:0], sc.sectionSpans[:0], sc.parts[:0]
	if off > 0 {
		s.parts = model.AppendPart(s.parts, model.Part{Kind: model.Frontmatter, Span: model.Span{Start: 0, End: off}})
	}
	for off < len(s.text) {
		end := strings.IndexByte(s.text[off:], '\n')
		next := off + end + 1
		if end < 0 {
			end = len(s.text) - off
			next = len(s.text)
		}
		s.line(s.text[off:off+end], off, line)
		off = next
		line++
	}
	if s.inFence {
		s.parts = model.AppendPart(s.parts, model.Part{Kind: model.OpenFence, Span: model.Span{Start: s.fenceStart, End: len(s.text)}, Inner: s.fenceInner})
	}
	n.Sections = s.scratch.sections.keep(s.sections, s.scratch.oneNote)
	n.Timestamps = s.scratch.stamps.keep(s.stamps, s.scratch.oneNote)
	n.Links = s.scratch.links.keep(s.links, s.scratch.oneNote)
	spans := model.AppendSpans(sc.spans.start(), len(s.text), s.stampSpans, s.linkSpans, s.sectionSpans, s.parts)
	n.SetBody(n.Text(), sc.spans.keep(spans, sc.oneNote))
	sc.stampSpans, sc.linkSpans, sc.sectionSpans, sc.parts = s.stampSpans, s.linkSpans, s.sectionSpans, s.parts
}

func (s *scanner) line(l string, off, line int) {
	if len(l) >= hugeLine {
		s.hugeLines = append(s.hugeLines, hugeLineAt{line, len(l)})
	}
	if s.inFence {
		if closesFence(l, s.fenceChar, s.fenceLen) {
			s.inFence = false
			s.parts = model.AppendPart(s.parts, model.Part{Kind: model.Fence, Span: model.Span{Start: s.fenceStart, End: off + len(l)}, Inner: s.fenceInner})
		}
		return
	}
	if c, n, ok := opensFence(l); ok {
		s.inFence, s.fenceChar, s.fenceLen = true, c, n
		s.fenceStart, s.fenceInner = off, off+len(l)
		s.inParagraph = false
		return
	}
	if level, title, at, ok := atxHeading(l); ok {
		s.addSection(title, level, line, off+at, off+len(l))
		s.inParagraph = false
		s.inline(l, off, line)
		return
	}
	if s.inParagraph {
		if level := setextUnderline(l); level > 0 {
			title := s.text[s.paraStart:s.paraEnd]
			if strings.Contains(title, "\n") {
				title = strings.Join(strings.Fields(title), " ")
			}
			s.addSection(strings.TrimSpace(title), level, s.paraLine, s.paraStart, s.paraFirst)
			s.inParagraph = false
			return
		}
	}
	switch {
	case isBlank(l):
		s.inParagraph = false
	case startsParagraph(l) || s.inParagraph && continuesParagraph(l):
		if !s.inParagraph {
			s.inParagraph, s.paraLine, s.paraStart, s.paraFirst = true, line, off, off+len(l)
		}
		s.paraEnd = off + len(l)
	default:
		s.inParagraph = false
	}
	s.callout(l, off)
	s.inline(l, off, line)
}

// addSection adds a heading whose title starts at byte start of the text,
// on a line that ends at end.
func (s *scanner) addSection(title string, level, line, start, end int) {
	if level == 1 && s.firstH1 == "" {
		s.firstH1 = title
	}
	s.sections = append(s.sections, model.Section{Title: title, Level: level, Line: line})
	s.sectionSpans = append(s.sectionSpans, uint32(start), uint32(end))
}

// inline collects the timestamps, wikilinks and markdown links of line l,
// which starts at byte off.
func (s *scanner) inline(l string, off, line int) {
	firstStamp := len(s.stampSpans)
	s.stamps, s.stampSpans = appendStamps(s.stamps, s.stampSpans, l, off, line)
	first := len(s.links)
	s.links, s.linkSpans = appendLinks(s.links, s.linkSpans, l, off, line, s.stampSpans[firstStamp:])
	if s.channel == "" && len(s.links) > first && strings.HasPrefix(trimBlanksLeft(l), "From:") {
		s.channel = s.links[first].Target
		s.fromLine = line
		s.links = append(s.links[:first], s.links[first+1:]...)
		s.linkSpans = append(s.linkSpans[:2*first], s.linkSpans[2*first+2:]...)
	}
	if strings.Contains(l, "](") {
		s.parts = appendMarkdownLinks(s.parts, l, off, s.stampSpans[firstStamp:], s.linkSpans[2*first:])
	}
}

// callout records the "[!type]" of a line "> [!type] Title" (Obsidian's
// callouts), with the "+" or "-" that may follow it. Notes also write the
// marker without the ">" (at most three blanks in), inside a list item's
// quote (indented further), and as "[!type|Title]": those count too.
func (s *scanner) callout(l string, off int) {
	ind, rest := indent(l)
	at := len(l) - len(rest)
	if strings.HasPrefix(rest, ">") {
		at++
		for at < len(l) && (l[at] == ' ' || l[at] == '\t') {
			at++
		}
	} else if ind > 3 {
		return
	}
	if !strings.HasPrefix(l[at:], "[!") {
		return
	}
	end := strings.IndexByte(l[at:], ']')
	if end <= 2 || strings.IndexByte(l[at+2:at+end], '[') >= 0 {
		return
	}
	inner := at + end
	if bar := strings.IndexByte(l[at+2:inner], '|'); bar > 0 {
		inner = at + 2 + bar // "[!type|Title]": the title goes on to "]"
	}
	if strings.ContainsAny(l[at+2:inner], " \t") {
		return
	}
	end = at + end + 1
	if end < len(l) && (l[end] == '+' || l[end] == '-') {
		end++
	}
	s.parts = model.AppendPart(s.parts, model.Part{Kind: model.Callout, Span: model.Span{Start: off + at, End: off + end}, Inner: off + inner})
}

// isBlank reports whether l holds only spaces and tabs.
func isBlank(l string) bool { return trimBlanksLeft(l) == "" }

// trimBlanksLeft drops the spaces and tabs l starts with (strings.TrimLeft
// with a cutset costs more on a path taken for every line).
func trimBlanksLeft(l string) string {
	i := 0
	for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
		i++
	}
	return l[i:]
}

// indent is the number of leading spaces of l (a tab counts as four) and
// the rest of the line.
func indent(l string) (int, string) {
	n := 0
	for i := 0; i < len(l); i++ {
		switch l[i] {
		case ' ':
			n++
		case '\t':
			n += 4 - n%4
		default:
			return n, l[i:]
		}
	}
	return n, ""
}

// opensFence reports whether l opens fenced code: up to three spaces, then
// three or more backticks or tildes (a backtick fence's info string has no
// backtick).
func opensFence(l string) (char byte, n int, ok bool) {
	ind, rest := indent(l)
	if ind > 3 || len(rest) < 3 || (rest[0] != '`' && rest[0] != '~') {
		return 0, 0, false
	}
	char = rest[0]
	for n < len(rest) && rest[n] == char {
		n++
	}
	if n < 3 || (char == '`' && strings.IndexByte(rest[n:], '`') >= 0) {
		return 0, 0, false
	}
	return char, n, true
}

// closesFence reports whether l closes a fence of n chars: up to three
// spaces, at least n of the same char, then only spaces.
func closesFence(l string, char byte, n int) bool {
	ind, rest := indent(l)
	if ind > 3 {
		return false
	}
	i := 0
	for i < len(rest) && rest[i] == char {
		i++
	}
	return i >= n && isBlank(rest[i:])
}

// atxHeading reads "# Title #": up to three spaces, one to six #, then a
// space, a tab or the end of the line; a closing run of # is dropped. at is
// where the text after the #s and their spaces starts in l.
func atxHeading(l string) (level int, title string, at int, ok bool) {
	ind, rest := indent(l)
	if ind > 3 || len(rest) == 0 || rest[0] != '#' {
		return 0, "", 0, false
	}
	for level < len(rest) && rest[level] == '#' {
		level++
	}
	if level > 6 || (level < len(rest) && rest[level] != ' ' && rest[level] != '\t') {
		return 0, "", 0, false
	}
	after := trimBlanksLeft(rest[level:])
	at = len(l) - len(after)
	title = strings.TrimRight(after, " \t")
	if closing := strings.TrimRight(title, "#"); closing == "" {
		title = ""
	} else if len(closing) < len(title) && (closing[len(closing)-1] == ' ' || closing[len(closing)-1] == '\t') {
		title = strings.TrimRight(closing, " \t")
	}
	return level, title, at, true
}

// setextUnderline is 1 for a line of =, 2 for a line of -, else 0 (up to
// three spaces before, spaces after).
func setextUnderline(l string) int {
	ind, rest := indent(l)
	if ind > 3 || rest == "" || (rest[0] != '=' && rest[0] != '-') {
		return 0
	}
	c := rest[0]
	i := 0
	for i < len(rest) && rest[i] == c {
		i++
	}
	if !isBlank(rest[i:]) {
		return 0
	}
	if c == '=' {
		return 1
	}
	return 2
}

// startsParagraph reports whether a non-blank line outside a paragraph
// begins one, and so can be the text of a setext heading. Lists, quotes,
// thematic breaks, indented code and lines that are a lone HTML tag (an
// HTML block, such as <br>) do not.
func startsParagraph(l string) bool {
	ind, rest := indent(l)
	if ind > 3 || rest == "" {
		return false
	}
	switch rest[0] {
	case '>':
		return false
	case '-', '*', '+':
		if len(rest) == 1 || rest[1] == ' ' || rest[1] == '\t' || isThematicBreak(rest) {
			return false
		}
	case '_':
		if isThematicBreak(rest) {
			return false
		}
	case '<':
		if strings.HasSuffix(strings.TrimRight(rest, " \t"), ">") && strings.IndexByte(rest[1:], '<') < 0 {
			return false
		}
	}
	return !orderedListMarker(rest)
}

// continuesParagraph reports whether a line that starts no paragraph of its
// own still belongs to an open one: indented lines do, while list items,
// quotes and thematic breaks interrupt it.
func continuesParagraph(l string) bool {
	ind, _ := indent(l)
	return ind > 3
}

// isThematicBreak reports whether l is three or more of one of - * _, with
// spaces between allowed.
func isThematicBreak(l string) bool {
	c, n := l[0], 0
	for i := 0; i < len(l); i++ {
		switch l[i] {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// orderedListMarker reports whether l starts "1. " or "1) ".
func orderedListMarker(l string) bool {
	i := 0
	for i < len(l) && i < 9 && l[i] >= '0' && l[i] <= '9' {
		i++
	}
	if i == 0 || i >= len(l) || (l[i] != '.' && l[i] != ')') {
		return false
	}
	return i+1 == len(l) || l[i+1] == ' ' || l[i+1] == '\t'
}
