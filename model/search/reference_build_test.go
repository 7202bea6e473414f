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

// referenceBuild is the index builder as it was before the hand-written
// term table and the two-pass postings (issue #11): the tests hold Build to
// its bytes. It indexes notes on every core, with a Go map of terms and a
// growing byte slice of postings per term.
func referenceBuild(notes []*model.Note) *Index {
	workers := runtime.GOMAXPROCS(0)
	chunks := splitByBytes(notes, workers)
	builders := make([]*refBuilder, len(chunks))
	docs := make([]doc, len(notes))
	var wg sync.WaitGroup
	for c, r := range chunks {
		b := newRefBuilder()
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
	ix := refMerge(builders)
	ix.notes = notes
	ix.docs = docs
	return ix
}

// refBuilder indexes a contiguous run of notes.
type refBuilder struct {
	ids   map[string]uint32
	terms []refTermState

	// scratch for one note
	tids   []uint32
	poss   []uint32
	codes  []uint32 // line code of each token
	text   []byte
	folded []byte
}

// refTermState is what a builder keeps per term, together so one note's
// writes touch one cache line a term.
type refTermState struct {
	post     []byte
	last     int32 // last note written, -1 before any
	stamp    int32 // the note count belongs to
	count    uint32
	lastPos  uint32
	lastCode uint32
	term     string
}

func newRefBuilder() *refBuilder { return &refBuilder{ids: map[string]uint32{}} }

func (b *refBuilder) id(folded []byte) uint32 {
	if id, ok := b.ids[string(folded)]; ok {
		return id
	}
	id := uint32(len(b.terms))
	s := string(folded)
	b.ids[s] = id
	b.terms = append(b.terms, refTermState{last: -1, stamp: -1, term: s})
	return id
}

// tokenize appends the tokens of s at consecutive positions from pos, all
// with line code code, and returns the next position. It makes the same
// tokens as Tokens; an ASCII word, nearly every one, is folded as it is
// scanned.
func (b *refBuilder) tokenize(s string, pos, code uint32) uint32 {
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

func (b *refBuilder) add(note int32, n *model.Note) doc {
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
func (b *refBuilder) write(note int32) {
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

// refMerge joins the builders' postings, which cover consecutive note ranges,
// into one sorted dictionary and arena. A builder's first note of a term is
// written as a delta from -1 and is rewritten as a delta from the previous
// builder's last note of that term.
func refMerge(bs []*refBuilder) *Index {
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
