package search

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode/utf8"
	"unsafe"

	"tubenotes/model"
	"tubenotes/model/fold"
)

// builder indexes a run of notes, in increasing note order, in two passes.
// add reads a note: it numbers its words (termTable), keeps their numbers
// in one flat stream, and adds up the exact size of every term's postings.
// Once merge has placed every term's postings in the index's arena, write
// replays the stream into it. Nothing grows per term, and no byte of the
// postings is copied twice.
type builder struct {
	table *termTable
	terms []termState // by term number

	// the stream of the notes added: their tokens' term numbers in reading
	// order, cut into runs of consecutive positions on one line
	toks  []uint32
	runs  []tokenRun
	notes []noteRuns

	text   []byte // scratch: the visible text of one line, lowered in place
	folded []byte // scratch: a word folded the slow way
}

// tokenRun is the tokens toks[previous run's end:end], at consecutive
// positions from pos, all on the line of line code code.
type tokenRun struct {
	pos, code, end uint32
}

// noteRuns is a note added: its number, and the end of its runs in runs.
type noteRuns struct {
	note int32
	end  uint32
}

// termState is what a builder keeps per term, together so that one
// token's work touches one cache line.
type termState struct {
	last     int32  // the last note seen (add) or written (write); -1 before any
	count    uint32 // occurrences in that note
	lastPos  uint32 // of the previous occurrence in that note
	lastCode uint32
	first    int32  // the first note seen, whose number merge writes
	size     uint32 // bytes of the postings, but the first note's number
	stamp    int32  // write: the note count belongs to
	at       uint32 // write: where the next byte goes in the arena
}

// newBuilder makes a builder for a few notes.
func newBuilder() *builder { return newSizedBuilder(0) }

// newSizedBuilder makes a builder for about textBytes of notes' text.
func newSizedBuilder(textBytes int) *builder {
	return &builder{
		table: newTermTable(textBytes / 256),
		toks:  make([]uint32, 0, textBytes/16),
	}
}

// add reads note number note (greater than any added before) and returns
// what the index keeps of it besides postings. Tokens are numbered in
// reading order from 0: the title's, then the body lines', a position
// skipped after the title, before and after a heading and at a line
// without words, so that a phrase never spans a paragraph.
func (b *builder) add(note int32, n *model.Note) doc {
	d := doc{
		firstLine: int32(max(n.BodyLine, 1)),
		titleLine: 1,
		channel:   foldCompact(n.Channel),
		title:     strings.Join(Tokens(n.Title), " "),
	}
	b.text = append(b.text[:0], n.Title...)
	pos := b.tokenize(note, b.text, 0, 0)
	d.titleEnd = pos
	pos++ // the title is not the first paragraph

	heads := n.Sections
	gap := false
	lineNo := int32(0)
	spans := newSpanCursor(n)
	for text := n.Text; text != ""; {
		lo := len(n.Text) - len(text)
		line := text
		if j := strings.IndexByte(text, '\n'); j >= 0 {
			line, text = text[:j], text[j+1:]
		} else {
			text = ""
		}
		lineNo++
		if lineNo < d.firstLine {
			if strings.HasPrefix(line, "title:") {
				d.titleLine = lineNo
			}
			continue
		}
		for len(heads) > 0 && int32(heads[0].Line) < lineNo {
			heads = heads[1:]
		}
		heading := len(heads) > 0 && int32(heads[0].Line) == lineNo
		code := lineCode(d.lines, heading)
		d.lines++
		b.text = appendNoteVisible(b.text[:0], spans, lo, lo+len(line))
		start := pos
		if gap || heading {
			start++
		}
		if next := b.tokenize(note, b.text, start, code); next == start {
			gap = true // a line without words ends a paragraph
		} else {
			pos, gap = next, heading
		}
	}
	b.notes = append(b.notes, noteRuns{note: note, end: uint32(len(b.runs))})
	return d
}

// term is the text of term id.
func (b *builder) term(id uint32) string { return string(b.table.key(id)) }

// lowerWord maps an ASCII word byte to its folded form, any other byte to 0.
var lowerWord = func() (t [256]byte) {
	for c := range utf8.RuneSelf {
		if fold.IsWordByte(byte(c)) {
			t[c] = byte(c)
			if 'A' <= c && c <= 'Z' {
				t[c] += 'a' - 'A'
			}
		}
	}
	return t
}()

// tokenize numbers the words of text (which it lowers in place), at
// consecutive positions from pos on the line of code code, adds them to
// the stream as one run, and returns the next position. Its words are
// Tokens': an ASCII word, nearly every one, is folded and hashed as it is
// scanned; one that goes on past ASCII is folded whole by model/fold.
func (b *builder) tokenize(note int32, text []byte, pos, code uint32) uint32 {
	first := len(b.toks)
	for i := 0; i < len(text); {
		var key []byte
		var h uint32
		if c := text[i]; c < utf8.RuneSelf {
			if lowerWord[c] == 0 {
				i++
				continue
			}
			start := i
			h = hashSeed
			for ; i < len(text); i++ {
				c := lowerWord[text[i]]
				if c == 0 {
					break
				}
				text[i] = c
				h = hashStep(h, c)
			}
			key = text[start:i]
			if i < len(text) && text[i] >= utf8.RuneSelf && wordRuneAt(text, i) {
				s := stringView(text)
				_, end := fold.NextWord(s, start)
				b.folded = fold.AppendWord(b.folded[:0], s[start:end])
				key, h = b.folded, hashBytes(b.folded)
				i = end
			}
		} else {
			s := stringView(text)
			start, end := fold.NextWord(s, i)
			if start < 0 {
				break
			}
			b.folded = fold.AppendWord(b.folded[:0], s[start:end])
			key, h = b.folded, hashBytes(b.folded)
			i = end
		}
		if len(key) == 0 {
			continue
		}
		b.toks = append(b.toks, b.table.id(key, h))
	}
	if len(b.toks) == first {
		return pos
	}
	b.runs = append(b.runs, tokenRun{pos: pos, code: code, end: uint32(len(b.toks))})
	b.size(note, b.toks[first:], pos, code)
	return pos + uint32(len(b.toks)-first)
}

// wordRuneAt reports whether the rune at text[i] belongs to a word.
func wordRuneAt(text []byte, i int) bool {
	r, _ := utf8.DecodeRune(text[i:])
	return fold.IsWordRune(r)
}

// stringView is text seen as a string, for model/fold, without a copy:
// text must not change while the string is in use.
func stringView(text []byte) string { return unsafe.String(unsafe.SliceData(text), len(text)) }

// size adds to the postings' sizes of their terms the occurrences toks, at
// consecutive positions from pos on the line of code code, in note note:
// the bytes write will give them (see write), but for a term's first
// note's number, which merge adds, and each note's count, added when the
// term's next note comes or by finishSizes.
func (b *builder) size(note int32, toks []uint32, pos, code uint32) {
	if n := b.table.len(); n > len(b.terms) {
		b.terms = growTerms(b.terms, n)
	}
	for _, t := range toks {
		ts := &b.terms[t]
		if ts.last != note {
			if ts.last < 0 {
				ts.first = note
			} else {
				ts.size += uvarintLen(uint32(note-ts.last)) + uvarintLen(ts.count)
			}
			ts.size += uvarintLen(pos) + uvarintLen(code)
			ts.last, ts.count = note, 0
		} else {
			ts.size += uvarintLen(pos-ts.lastPos) + uvarintLen(code-ts.lastCode)
		}
		ts.count++
		ts.lastPos, ts.lastCode = pos, code
		pos++
	}
}

// growTerms extends terms to n fresh states.
func growTerms(terms []termState, n int) []termState {
	for len(terms) < n {
		terms = append(terms, termState{last: -1, first: -1, stamp: -1})
	}
	return terms
}

// finishSizes adds to every term's size its last note's count.
func (b *builder) finishSizes() {
	for i := range b.terms {
		b.terms[i].size += uvarintLen(b.terms[i].count)
	}
}

func uvarintLen(v uint32) uint32 { return uint32(bits.Len32(v|1)+6) / 7 }

// write replays the stream into post, the index's arena, once merge has
// set each term's at (where its bytes from this builder go) and last (the
// last note of the term that earlier builders wrote, -1 if none). A term's
// postings are, note by note, the note as a delta from the term's previous
// note, the count, then per occurrence the position and line code, each as
// a delta from the one before (a note's first ones as they are).
func (b *builder) write(post []byte) {
	tok, run := uint32(0), uint32(0)
	for _, nr := range b.notes {
		note := nr.note
		if run == nr.end {
			continue
		}
		for _, t := range b.toks[tok:b.runs[nr.end-1].end] {
			ts := &b.terms[t]
			if ts.stamp != note {
				ts.stamp, ts.count = note, 0
			}
			ts.count++
		}
		for ; run < nr.end; run++ {
			r := b.runs[run]
			pos, code := r.pos, r.code
			for ; tok < r.end; tok++ {
				ts := &b.terms[b.toks[tok]]
				at := ts.at
				if ts.last != note {
					at = putUvarint(post, at, uint32(note-ts.last))
					at = putUvarint(post, at, ts.count)
					at = putUvarint(post, at, pos)
					at = putUvarint(post, at, code)
					ts.last = note
				} else {
					at = putUvarint(post, at, pos-ts.lastPos)
					at = putUvarint(post, at, code-ts.lastCode)
				}
				ts.at = at
				ts.lastPos, ts.lastCode = pos, code
				pos++
			}
		}
	}
}

// putUvarint writes v at post[at:] and returns the index after it.
func putUvarint(post []byte, at, v uint32) uint32 {
	if v < 0x80 {
		post[at] = byte(v)
		return at + 1
	}
	return at + uint32(binary.PutUvarint(post[at:], uint64(v)))
}
