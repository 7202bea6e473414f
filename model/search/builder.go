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

// builder indexes a run of notes, in increasing note order. add reads a
// note: it numbers the note's words (termTable), then appends their
// occurrences to the postings of their terms, which grow in chunks of the
// builder's own arena (see chunks.go): no allocation per term or per word,
// no slice copied as it grows. merge joins the builders' postings.
type builder struct {
	table  *termTable
	terms  []termState // by term number
	firsts []uint32    // by term number: the first chunk of its postings
	arena  chunkArena

	// the note being added: its tokens' term numbers in reading order, cut
	// into runs of consecutive positions on one line
	toks []uint32
	runs []tokenRun

	text   []byte // scratch: the visible text of one line (see padded); tokenize lowers its long words in place
	folded []byte // scratch: a word folded the slow way
}

// tokenRun is the tokens toks[previous run's end:end], at consecutive
// positions from pos, all on the line of line code code.
type tokenRun struct {
	pos, code, end uint32
}

// termState is what a builder keeps per term while it writes the term's
// postings, together so that an occurrence's work reads one place.
type termState struct {
	last     int32  // the last note written, -1 before any
	count    uint32 // occurrences in the note being added; write takes it and starts again from 0
	lastPos  uint32 // of the previous occurrence written
	lastCode uint32
	chunk    uint32 // the chunk being written
	at, end  uint32 // where the next byte goes, and the chunk's end
	size     uint32 // bytes of postings in the chunks before
}

// newBuilder makes a builder for a few notes.
func newBuilder() *builder { return newSizedBuilder(0) }

// newSizedBuilder makes a builder for about textBytes of notes' text.
func newSizedBuilder(textBytes int) *builder {
	return &builder{table: newTermTable(textBytes / 1024)}
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
	b.toks, b.runs = b.toks[:0], b.runs[:0]
	b.text = padded(append(b.text[:0], n.Title...))
	pos := b.tokenize(b.text, 0, 0)
	d.titleEnd = pos
	pos++ // the title is not the first paragraph

	heads := n.Sections
	gap := false
	lineNo := int32(0)
	spans := newSpanCursor(n)
	body := n.Text()
	for text := body; text != ""; {
		lo := len(body) - len(text)
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
		b.text = padded(appendNoteVisible(b.text[:0], spans, lo, lo+len(line)))
		start := pos
		if gap || heading {
			start++
		}
		if next := b.tokenize(b.text, start, code); next == start {
			gap = true // a line without words ends a paragraph
		} else {
			pos, gap = next, heading
		}
	}
	b.write(note)
	return d
}

// term is the text of term id.
func (b *builder) term(id uint32) string { return string(b.table.key(id)) }

// tokenize numbers the words of text, at consecutive positions from pos
// on the line of code code, adds them to the note's tokens as
// one run, counts them, and returns the next position. Its words are
// Tokens': an ASCII word, nearly every one, is found by a scan of its
// bytes and hashed whole (its letters lowered by setting one bit, a word
// byte being a letter or a digit); one that goes on past ASCII is folded
// by model/fold.
func (b *builder) tokenize(text []byte, pos, code uint32) uint32 {
	first := len(b.toks)
	text = padded(text)
	for i := 0; i < len(text); {
		var key []byte
		var head uint64
		var h uint32
		// The next word byte or non-ASCII byte, eight bytes at a time.
		w := binary.LittleEndian.Uint64(text[i : i+8])
		stop := wordBytes(w) | w&highBits
		if stop == 0 {
			i += 8
			continue
		}
		i += bits.TrailingZeros64(stop) >> 3
		if i >= len(text) {
			break
		}
		if text[i] < utf8.RuneSelf {
			start := i
			for {
				end := ^wordBytes(binary.LittleEndian.Uint64(text[i:i+8])) & highBits
				if end != 0 {
					i += bits.TrailingZeros64(end) >> 3
					break
				}
				i += 8
			}
			if i < len(text) && text[i] >= utf8.RuneSelf && wordRuneAt(text, i) {
				s := stringView(text)
				_, end := fold.NextWord(s, start)
				key, head, h = b.foldSlow(s[start:end])
				i = end
			} else if n := i - start; n <= 8 {
				key = text[start:i]
				head = head8(text, start, i) | lowerBits&(1<<(8*n)-1)
				h = shortHash(head, n)
			} else {
				for j := start; j < i; j++ {
					text[j] |= 0x20
				}
				key = text[start:i]
				head, h = head8(key, 0, n), hashKey(key)
			}
		} else {
			s := stringView(text)
			start, end := fold.NextWord(s, i)
			if start < 0 {
				break
			}
			key, head, h = b.foldSlow(s[start:end])
			i = end
		}
		if len(key) == 0 {
			continue
		}
		id := b.table.id(key, head, h)
		if int(id) == len(b.terms) {
			b.terms = append(b.terms, termState{last: -1})
			b.firsts = append(b.firsts, 0)
		}
		b.terms[id].count++
		b.toks = append(b.toks, id)
	}
	if len(b.toks) == first {
		return pos
	}
	b.runs = append(b.runs, tokenRun{pos: pos, code: code, end: uint32(len(b.toks))})
	return pos + uint32(len(b.toks)-first)
}

// padded is text with eight zero bytes after its end, within its
// capacity, so that tokenize reads it eight bytes at a time.
func padded(text []byte) []byte {
	n := len(text)
	if cap(text)-n < 8 {
		text = append(text, make([]byte, 8)...)
	}
	clear(text[n : n+8])
	return text[:n]
}

const (
	byteOnes  = 0x0101010101010101
	highBits  = 0x8080808080808080
	lowerBits = 0x2020202020202020 // lowers a letter, keeps a digit
)

// wordBytes marks, with its high bit, each byte of w (eight bytes) that
// is an ASCII letter or digit, fold.IsWordByte: a byte's range is tested
// by adding to its low seven bits, which carries into its high bit and no
// further.
func wordBytes(w uint64) uint64 {
	low := w &^ highBits
	digit := (low + byteOnes*(0x80-'0')) &^ (low + byteOnes*(0x7f-'9'))
	folded := low | lowerBits
	letter := (folded + byteOnes*(0x80-'a')) &^ (folded + byteOnes*(0x7f-'z'))
	return (digit | letter) &^ w & highBits
}

// foldSlow folds word with model/fold, into scratch, and returns it with
// its head8 and hash.
func (b *builder) foldSlow(word string) ([]byte, uint64, uint32) {
	b.folded = fold.AppendWord(b.folded[:0], word)
	return b.folded, head8(b.folded, 0, len(b.folded)), hashKey(b.folded)
}

// wordRuneAt reports whether the rune at text[i] belongs to a word.
func wordRuneAt(text []byte, i int) bool {
	r, _ := utf8.DecodeRune(text[i:])
	return fold.IsWordRune(r)
}

// stringView is text seen as a string, for model/fold, without a copy:
// text must not change while the string is in use.
func stringView(text []byte) string { return unsafe.String(unsafe.SliceData(text), len(text)) }
