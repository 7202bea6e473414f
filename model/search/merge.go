package search

import (
	"encoding/binary"
	"slices"
	"sync"
)

// merge joins the postings of builders that hold runs of notes in order
// (every note of one comes before every note of the next) into one sorted
// dictionary and arena: it numbers the builders' terms in one table, sorts
// them, lays out each term's postings (its part from each builder in
// turn), and lets each builder copy its parts, all at once. A builder's
// first note of a term was written as a delta from -1 and is written again
// as a delta from the previous builder's last note of that term. The
// terms' strings share one allocation.
func merge(bs []*builder) *Index {
	all := newTermTable(0)
	global := make([][]uint32, len(bs)) // builder's term number -> all's
	for i, b := range bs {
		global[i] = make([]uint32, len(b.terms))
		for id := range b.terms {
			b.closeChunk(&b.terms[id])
			key := b.table.key(uint32(id))
			global[i][id] = all.id(key, head8(key, 0, len(key)), hashKey(key))
		}
	}
	keys := string(all.keys)
	terms := make([]string, all.len())
	for id := range terms {
		terms[id] = keys[all.ends[id]:all.ends[id+1]]
	}
	slices.Sort(terms)
	rank := make([]uint32, len(terms)) // all's term number -> place in terms
	for r, t := range terms {
		key := []byte(t)
		rank[all.id(key, head8(key, 0, len(key)), hashKey(key))] = uint32(r)
	}

	// Where each builder's part of each term goes, relative to the term's
	// start, and the last note of the term before it.
	parts := make([][]termPart, len(bs))
	sizes := make([]uint32, len(terms))
	lastNote := make([]int32, len(terms))
	for i := range lastNote {
		lastNote[i] = -1
	}
	for i, b := range bs {
		parts[i] = make([]termPart, len(b.terms))
		for id := range b.terms {
			ts, r := &b.terms[id], rank[global[i][id]]
			first, n := b.firstNote(ts)
			p := &parts[i][id]
			p.at, p.prevLast = sizes[r], lastNote[r]
			sizes[r] += uvarintLen(uint32(first-p.prevLast)) + b.postingsLen(ts) - uint32(n)
			lastNote[r] = ts.last
		}
	}
	ix := &Index{terms: terms, offs: make([]uint32, len(terms)+1)}
	for r, n := range sizes {
		ix.offs[r+1] = ix.offs[r] + n
	}
	ix.post = make([]byte, ix.offs[len(terms)])
	var wg sync.WaitGroup
	for i, b := range bs {
		wg.Go(func() {
			for id, p := range parts[i] {
				b.copyPostings(&b.terms[id], ix.post[ix.offs[rank[global[i][id]]]+p.at:], p.prevLast)
			}
		})
	}
	wg.Wait()
	return ix
}

// termPart is where a builder's postings of a term go in the index's, and the
// last note of the term that earlier builders hold (-1 if none).
type termPart struct {
	at       uint32
	prevLast int32
}

// firstNote is the first note of the term's postings, and the length of
// its number (a delta from -1).
func (b *builder) firstNote(ts *termState) (int32, int) {
	d, n := binary.Uvarint(b.arena.bytes(ts.first)[chunkHeader:])
	return int32(d) - 1, n
}

// postingsLen is the length of the term's postings.
func (b *builder) postingsLen(ts *termState) uint32 {
	size := uint32(0)
	b.postings(ts, func(p []byte) { size += uint32(len(p)) })
	return size
}

// copyPostings copies the term's postings to out, the first note written
// as a delta from prevLast.
func (b *builder) copyPostings(ts *termState, out []byte, prevLast int32) {
	first, skip := b.firstNote(ts)
	at := putUvarint(out, 0, uint32(first-prevLast))
	b.postings(ts, func(p []byte) {
		at += copy(out[at:], p[skip:])
		skip = 0
	})
}
