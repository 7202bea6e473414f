package search

import (
	"runtime"
	"strings"
	"sync"

	"tubenotes/model"
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
		b := newSizedBuilder(textBytes(notes[r[0]:r[1]]))
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
	total := textBytes(notes)
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

// textBytes is the size of the notes' text.
func textBytes(notes []*model.Note) int {
	total := 0
	for _, nt := range notes {
		total += len(nt.Text())
	}
	return total
}

// foldCompact folds s and keeps only its letters and digits, so
// "Lenny's Podcast" and "lennyspodcast" compare equal.
func foldCompact(s string) string {
	return strings.Join(Tokens(s), "")
}
