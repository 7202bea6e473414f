package search

import (
	"encoding/binary"
	"math"
	"math/bits"
	"slices"
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
	spans  spanCursor

	// the last note's channel and its foldCompact: a channel's notes are
	// usually next to each other in path order
	channel, channelKey string
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
	n := termsIn(textBytes)
	return &builder{table: newTermTable(n), terms: make([]termState, 0, n), firsts: make([]uint32, 0, n), arena: newChunkArena(textBytes)}
}

// termsIn is about the number of distinct terms in textBytes of notes:
// a vocabulary grows as the square root of the text (Heaps' law), about
// 6.4 times it in the corpus's notes, 4.1 times in the generated vault's.
// A little more, so that the builder's tables rarely grow, which would
// copy them.
func termsIn(textBytes int) int { return int(7 * math.Sqrt(float64(textBytes))) }

// add reads note number note (greater than any added before) and returns
// what the index keeps of it besides postings. Tokens are numbered in
// reading order from 0: the title's, then the body lines', a position
// skipped after the title, before and after a heading and at a line
// without words, so that a phrase never spans a paragraph.
func (b *builder) add(note int32, n *model.Note) doc {
	if n.Channel != b.channel {
		b.channel, b.channelKey = n.Channel, foldCompact(n.Channel)
	}
	d := doc{
		firstLine: int32(max(n.BodyLine, 1)),
		titleLine: 1,
		channel:   b.channelKey,
	}
	b.toks, b.runs = b.toks[:0], b.runs[:0]
	b.text = padded(append(b.text[:0], n.Title...))
	pos := b.tokenize(b.text, 0, 0)
	d.titleEnd = pos
	d.title = b.joinTerms(b.toks)
	pos++ // the title is not the first paragraph

	heads := n.Sections
	gap := false
	lineNo := int32(0)
	spans := &b.spans
	spans.reset(n)
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
		if line == "" && !heading {
			gap = true // a line without words ends a paragraph (a third of the lines)
			continue
		}
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

// joinTerms is the terms of toks joined by spaces: for a title, what
// strings.Join(Tokens(title), " ") is, without folding it a second time.
func (b *builder) joinTerms(toks []uint32) string {
	if len(toks) == 0 {
		return ""
	}
	buf := b.folded[:0]
	for i, id := range toks {
		if i > 0 {
			buf = append(buf, ' ')
		}
		buf = append(buf, b.table.key(id)...)
	}
	b.folded = buf
	return string(buf)
}

// term is the text of term id.
func (b *builder) term(id uint32) string { return string(b.table.key(id)) }

// tokenize numbers the words of text, at consecutive positions from pos
// on the line of code code, adds them to the note's tokens as
// one run, counts them, and returns the next position. Its words are
// Tokens': an ASCII word, nearly every one, is found eight bytes at a time
// and hashed whole (its letters lowered by setting one bit, a word byte
// being a letter or a digit), one of up to eight bytes from the eight
// bytes loaded where it starts; one that goes on past ASCII is folded by
// model/fold.
func (b *builder) tokenize(text []byte, pos, code uint32) uint32 {
	first := len(b.toks)
	b.scan(text)
	k := len(b.toks)
	if k == first {
		return pos
	}
	b.runs = append(b.runs, tokenRun{pos: pos, code: code, end: uint32(k)})
	return pos + uint32(k-first)
}

// scan appends the term numbers of text's words to b.toks and counts
// them. (Apart from tokenize, so that its loop does not carry the
// position and line code, which Go's registers would not hold anyway.)
func (b *builder) scan(text []byte) {
	n := len(text)
	buf := padded(text)[:n+8] // read eight bytes at a time, zeros after the text
	text = buf[:n]
	at := unsafe.Pointer(unsafe.SliceData(buf))
	first := len(b.toks)
	b.toks = slices.Grow(b.toks, n/2+1) // a word and a byte after it, at least
	// The tokens, term states and first slots by pointer, without bounds
	// checks: a word takes two bytes or more with the one after it (the
	// room grown above), a term has a state once numbered (added below),
	// and a slot's index is masked by the table's size, a power of two.
	toks := unsafe.Pointer(unsafe.SliceData(b.toks))
	k := first
	terms := unsafe.Pointer(unsafe.SliceData(b.terms))
	nterms := uint32(len(b.terms))
	slots, mask := unsafe.Pointer(unsafe.SliceData(b.table.slots)), uint32(len(b.table.slots)-1)
	for i := 0; i < n; {
		w := load8(at, i)
		wb := wordBytes(w)
		if (wb|w)&0x80 == 0 {
			// Not at a word: the next word byte or non-ASCII byte, eight
			// bytes at a time. (After a word and one space, the next word
			// is where i stands.)
			stop := wb | w&highBits
			if stop == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(stop) >> 3
			if i >= n {
				break
			}
			w = load8(at, i)
			wb = wordBytes(w)
		}
		var id uint32
		if end := ^wb & highBits; end != 0 && w&0x80 == 0 {
			// An ASCII word of up to seven bytes, unless a letter past ASCII goes on with it.
			m := bits.TrailingZeros64(end) >> 3
			head := (w | lowerBits) & (1<<(8*m) - 1)
			h := shortHash(head, m)
			// Most words are common ones, found in their first slot.
			if s := (*termSlot)(unsafe.Add(slots, uintptr(h&mask)*unsafe.Sizeof(termSlot{}))); s.head == head && s.meta&^0xffffffff == tagOf(h, m) && w>>(8*m)&0x80 == 0 {
				id = uint32(s.meta) - 1
				i += m + 1 // and the ASCII byte after the word, which is not a word byte
			} else {
				id, i = b.shortWordID(text, i, m, head, h)
				slots, mask = unsafe.Pointer(unsafe.SliceData(b.table.slots)), uint32(len(b.table.slots)-1) // it may have grown
			}
		} else {
			id, i = b.wordID(text, i, w)
			slots, mask = unsafe.Pointer(unsafe.SliceData(b.table.slots)), uint32(len(b.table.slots)-1)
			if i < 0 {
				break
			}
		}
		if id >= nterms {
			if id == noTerm {
				continue
			}
			b.terms = append(roomFor(b.terms, 1), termState{last: -1})
			b.firsts = append(roomFor(b.firsts, 1), 0)
			terms, nterms = unsafe.Pointer(unsafe.SliceData(b.terms)), uint32(len(b.terms))
		}
		(*termState)(unsafe.Add(terms, uintptr(id)*unsafe.Sizeof(termState{}))).count++
		*(*uint32)(unsafe.Add(toks, uintptr(k)*4)) = id
		k++
	}
	b.toks = b.toks[:k]
}

// load8 is the eight bytes at at+i, little-endian. tokenize reads only
// below i+8 for an i below the text's length, which padded keeps within
// the buffer. (Through an array pointer, one load: unsafe.Slice would
// check that the address does not wrap around.)
func load8(at unsafe.Pointer, i int) uint64 {
	return binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(at, i))[:])
}

// shortWordID is the number of the ASCII word of m bytes at text[i:]
// (m below eight; head its head8 folded, h its hash) or, when a letter
// past ASCII goes on with it, of the whole word folded; and the index
// after the word.
func (b *builder) shortWordID(text []byte, i, m int, head uint64, h uint32) (uint32, int) {
	if i+m < len(text) && text[i+m] >= utf8.RuneSelf && wordRuneAt(text, i+m) {
		return b.foldedID(text, i)
	}
	return b.table.shortID(head, m, h), i + m
}

// wordID is the number of the word at text[i:], whose first eight bytes
// (zero-padded) are w, when it is an ASCII word of eight bytes or more,
// or goes on past ASCII; or of the next word after i, when text[i] is
// past ASCII. It returns the index after the word (past the ASCII byte
// after an ASCII word, as tokenize's short words), or -1 when there is no
// word.
func (b *builder) wordID(text []byte, i int, w uint64) (uint32, int) {
	if w&0x80 != 0 {
		s := stringView(text)
		start, end := fold.NextWord(s, i)
		if start < 0 {
			return 0, -1
		}
		return b.foldedKeyID(s[start:end]), end
	}
	// An ASCII word of eight bytes or more: its end found eight bytes at a
	// time, each piece lowered, kept (up to 24 bytes, which its table slot
	// holds) and hashed as it comes.
	start := i
	at := unsafe.Pointer(unsafe.SliceData(text)) // padded: read within its capacity
	head := w | lowerBits
	h := head * hashMul
	var tail, tail2 uint64
	for piece := 1; ; piece++ {
		i += 8 // the start of the piece
		raw := load8(at, i)
		end := ^wordBytes(raw) & highBits
		next := raw | lowerBits
		if end != 0 {
			m := bits.TrailingZeros64(end) >> 3
			if m == 0 {
				break
			}
			next &= 1<<(8*m) - 1
			i += m
		}
		h = mixHash(h, next)
		switch piece {
		case 1:
			tail = next
		case 2:
			tail2 = next
		}
		if end != 0 {
			break
		}
	}
	n := i - start
	if i < len(text) && text[i] >= utf8.RuneSelf && wordRuneAt(text, i) {
		return b.foldedID(text, start)
	}
	var id uint32
	switch {
	case n == 8:
		id = b.table.shortID(head, 8, shortHash(head, 8))
	case n <= 24:
		id = b.table.longID(nil, head, tail, tail2, n, finishHash(h^uint64(n)))
	default:
		key := appendLowerASCII(b.folded[:0], text[start:i])
		b.folded = key
		id = b.table.longID(key, head, tail, tail2, n, finishHash(h^uint64(n)))
	}
	if byte(load8(at, i)) < utf8.RuneSelf {
		i++ // and the ASCII byte after the word (or past the text), not a word byte: the next word may start after it
	}
	return id, i
}

// noTerm is the number foldedKeyID gives a word that folds to nothing.
const noTerm = ^uint32(0)

// foldedID is the number of the word at text[start:], which goes on past
// ASCII, and the index after the word.
func (b *builder) foldedID(text []byte, start int) (uint32, int) {
	s := stringView(text)
	_, end := fold.NextWord(s, start)
	return b.foldedKeyID(s[start:end]), end
}

// foldedKeyID is the number of word folded by model/fold, noTerm when it
// folds to nothing.
func (b *builder) foldedKeyID(word string) uint32 {
	key, head, h := b.foldSlow(word)
	if len(key) == 0 {
		return noTerm
	}
	return b.table.id(key, head, h)
}

// appendLowerASCII appends word to dst with its letters lowered.
func appendLowerASCII(dst, word []byte) []byte {
	at := len(dst)
	dst = append(dst, word...)
	lowerASCII(dst[at:])
	return dst
}

// lowerASCII lowers the letters of word, ASCII letters and digits, in
// place, eight bytes at a time (setting one bit, which keeps a digit).
func lowerASCII(word []byte) []byte {
	j := 0
	for ; j+8 <= len(word); j += 8 {
		binary.LittleEndian.PutUint64(word[j:], binary.LittleEndian.Uint64(word[j:])|lowerBits)
	}
	for ; j < len(word); j++ {
		word[j] |= 0x20
	}
	return word
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
// further. Of the two sums of a range, the second's high bit (past the
// range's end) implies the first's (from its start): in the range is one
// without the other, their exclusive or, one instruction (and-not is two
// without GOAMD64=v3).
func wordBytes(w uint64) uint64 {
	low := w &^ highBits
	digit := (low + byteOnes*(0x80-'0')) ^ (low + byteOnes*(0x7f-'9'))
	folded := low | lowerBits
	letter := (folded + byteOnes*(0x80-'a')) ^ (folded + byteOnes*(0x7f-'z'))
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
