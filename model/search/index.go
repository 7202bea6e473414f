package search

import (
	"encoding/binary"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"tubenotes/model"
	"tubenotes/model/fold"
)

// Index is an inverted index of a vault's visible words. Each note's
// tokens are numbered in reading order (title first, then body lines), with
// a one-position gap at blank lines and around headings so a phrase never
// runs across a paragraph. For every folded term the index keeps, note by
// note, where it occurs (position and line, see occurrence), varint-packed
// in one byte arena, or in blocks read on demand (Open), or partly in
// an older index (Patch); postings reads them whichever it is.
// An Index is read-only after Build and safe for concurrent searches.
type Index struct {
	notes []*model.Note
	docs  []doc
	terms []string // sorted, so a prefix is a range
	// terms[i] has offs[i+1]-offs[i] bytes of postings, at offs[i] of
	// post when the index holds them all, else of its blocks (lazy).
	offs []uint32
	post []byte
	lazy *blockSource // the postings' blocks, read on demand (Open)
	over *overlay     // the postings of an older index, a few replaced (Patch)
	fail failure      // the first postings that could not be read
}

// doc is what the index keeps of one note besides its postings.
type doc struct {
	lines     int32  // body lines, from BodyLine on
	firstLine int32  // the note's BodyLine
	titleEnd  uint32 // positions below this are the title's
	titleLine int32  // the frontmatter title line, else 1
	channel   string // folded, only letters and digits
	title     string // folded tokens of the title, space-joined
}

// An occurrence of a term, as the postings keep it and searches read it:
// its position in the high 32 bits, and its line code in the low: the index
// of its body line (from BodyLine) shifted left once, with the low bit set
// on a heading. Keeping the line with the position spares a lookup per
// occurrence (a cache miss, on a vault larger than the cache).
type occurrence = uint64

func occur(pos, code uint32) occurrence { return uint64(pos)<<32 | uint64(code) }
func posOf(o occurrence) uint32         { return uint32(o >> 32) }

func lineCode(li int32, heading bool) uint32 {
	c := uint32(li) << 1
	if heading {
		c |= 1
	}
	return c
}

// Terms is the number of distinct folded terms. (A patched index may count
// a term only changed notes held until it is written: see settled.)
func (ix *Index) Terms() int { return len(ix.terms) }

// Build indexes notes (in the order given, normally the vault's path
// order), on every core.
func Build(notes []*model.Note) *Index {
	workers := runtime.GOMAXPROCS(0)
	chunks := splitByBytes(notes, workers)
	builders := make([]*builder, len(chunks))
	docs := make([]doc, len(notes))
	var wg sync.WaitGroup
	for c, r := range chunks {
		b := newBuilder()
		builders[c] = b
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := r[0]; i < r[1]; i++ {
				docs[i] = b.add(int32(i), notes[i])
			}
		}()
	}
	wg.Wait()
	ix := merge(builders)
	ix.notes = notes
	ix.docs = docs
	return ix
}

// splitByBytes cuts notes into at most n contiguous ranges of about equal
// text size.
func splitByBytes(notes []*model.Note, n int) [][2]int {
	total := 0
	for _, nt := range notes {
		total += len(nt.Text())
	}
	var out [][2]int
	start, acc := 0, 0
	for i, nt := range notes {
		acc += len(nt.Text())
		if len(out) < n-1 && acc*n >= total*(len(out)+1) {
			out = append(out, [2]int{start, i + 1})
			start = i + 1
		}
	}
	if start < len(notes) || len(out) == 0 {
		out = append(out, [2]int{start, len(notes)})
	}
	return out
}

// builder indexes a contiguous run of notes.
type builder struct {
	ids   map[string]uint32
	terms []termState

	// scratch for one note
	tids   []uint32
	poss   []uint32
	codes  []uint32 // line code of each token
	text   []byte
	folded []byte
}

// termState is what a builder keeps per term, together so one note's
// writes touch one cache line a term.
type termState struct {
	post     []byte
	last     int32 // last note written, -1 before any
	stamp    int32 // the note count belongs to
	count    uint32
	lastPos  uint32
	lastCode uint32
	term     string
}

func newBuilder() *builder { return &builder{ids: map[string]uint32{}} }

func (b *builder) id(folded []byte) uint32 {
	if id, ok := b.ids[string(folded)]; ok {
		return id
	}
	id := uint32(len(b.terms))
	s := string(folded)
	b.ids[s] = id
	b.terms = append(b.terms, termState{last: -1, stamp: -1, term: s})
	return id
}

// tokenize appends the tokens of s at consecutive positions from pos, all
// with line code code, and returns the next position. It makes the same
// tokens as Tokens; an ASCII word, nearly every one, is folded as it is
// scanned.
func (b *builder) tokenize(s string, pos, code uint32) uint32 {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if !fold.IsWordByte(c) {
				i++
				continue
			}
			start := i
			b.folded = b.folded[:0]
			for ; i < len(s) && fold.IsWordByte(s[i]); i++ {
				c := s[i]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b.folded = append(b.folded, c)
			}
			if i < len(s) && s[i] >= utf8.RuneSelf { // the word may go on past ASCII: fold it whole
				_, end := fold.NextWord(s, start)
				b.folded = fold.AppendWord(b.folded[:0], s[start:end])
				i = end
			}
		} else {
			start, end := fold.NextWord(s, i)
			if start < 0 {
				break
			}
			b.folded = fold.AppendWord(b.folded[:0], s[start:end])
			i = end
		}
		if len(b.folded) == 0 {
			continue
		}
		b.tids = append(b.tids, b.id(b.folded))
		b.poss = append(b.poss, pos)
		b.codes = append(b.codes, code)
		pos++
	}
	return pos
}

func (b *builder) add(note int32, n *model.Note) doc {
	b.tids, b.poss, b.codes = b.tids[:0], b.poss[:0], b.codes[:0]
	d := doc{
		firstLine: int32(max(n.BodyLine, 1)),
		titleLine: 1,
		channel:   foldCompact(n.Channel),
		title:     strings.Join(Tokens(n.Title), " "),
	}
	pos := b.tokenize(n.Title, 0, 0)
	d.titleEnd = pos
	pos++ // the title is not the first paragraph

	heads := n.Sections
	gap := false
	lineNo := int32(0)
	spans := newSpanCursor(n)
	for text := n.Text(); text != ""; {
		lo := len(n.Text()) - len(text)
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
		if next := b.tokenize(string(b.text), start, code); next == start {
			gap = true // a line without words ends a paragraph
		} else {
			pos, gap = next, heading
		}
	}
	b.write(note)
	return d
}

// write appends this note's occurrences to the postings of its terms: the
// note as a delta from the term's previous note, the count, then per
// occurrence the position and line code, each as a delta from the one
// before (the first ones as they are).
func (b *builder) write(note int32) {
	for _, t := range b.tids {
		ts := &b.terms[t]
		if ts.stamp != note {
			ts.stamp, ts.count = note, 0
		}
		ts.count++
	}
	for i, t := range b.tids {
		p, c := b.poss[i], b.codes[i]
		ts := &b.terms[t]
		if ts.last != note {
			ts.post = binary.AppendUvarint(ts.post, uint64(note-ts.last))
			ts.post = binary.AppendUvarint(ts.post, uint64(ts.count))
			ts.post = binary.AppendUvarint(ts.post, uint64(p))
			ts.post = binary.AppendUvarint(ts.post, uint64(c))
			ts.last = note
		} else {
			ts.post = binary.AppendUvarint(ts.post, uint64(p-ts.lastPos))
			ts.post = binary.AppendUvarint(ts.post, uint64(c-ts.lastCode))
		}
		ts.lastPos, ts.lastCode = p, c
	}
}

// merge joins the builders' postings, which cover consecutive note ranges,
// into one sorted dictionary and arena. A builder's first note of a term is
// written as a delta from -1 and is rewritten as a delta from the previous
// builder's last note of that term.
func merge(bs []*builder) *Index {
	seen := map[string]struct{}{}
	size := 0
	for _, b := range bs {
		for i := range b.terms {
			seen[b.terms[i].term] = struct{}{}
			size += len(b.terms[i].post)
		}
	}
	terms := make([]string, 0, len(seen))
	for t := range seen {
		terms = append(terms, t)
	}
	slices.Sort(terms)
	ix := &Index{terms: terms, offs: make([]uint32, 0, len(terms)+1), post: make([]byte, 0, size+len(terms)*2)}
	for _, t := range terms {
		ix.offs = append(ix.offs, uint32(len(ix.post)))
		last := int32(-1)
		for _, b := range bs {
			id, ok := b.ids[t]
			if !ok {
				continue
			}
			p := b.terms[id].post
			first, n := binary.Uvarint(p)
			note := int32(first) - 1
			ix.post = binary.AppendUvarint(ix.post, uint64(note-last))
			ix.post = append(ix.post, p[n:]...)
			last = b.terms[id].last
		}
	}
	ix.offs = append(ix.offs, uint32(len(ix.post)))
	return ix
}

// foldCompact folds s and keeps only its letters and digits, so
// "Lenny's Podcast" and "lennyspodcast" compare equal.
func foldCompact(s string) string {
	return strings.Join(Tokens(s), "")
}
