package search

import (
	"bytes"
	"encoding/binary"
	"math/bits"
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
	// The first builder's table numbers the terms of all: its own keep
	// their numbers, the others' are added to it.
	all := newTermTable(0)
	if len(bs) > 0 {
		all = bs[0].table
	}
	global := make([][]uint32, len(bs)) // builder's term number -> all's
	for i, b := range bs {
		global[i] = make([]uint32, len(b.terms))
		for id := range b.terms {
			if i == 0 {
				global[i][id] = uint32(id)
				continue
			}
			key := b.table.key(uint32(id))
			global[i][id] = all.id(key, head8(key, 0, len(key)), hashKey(key))
		}
	}
	keys := string(all.keys)
	order := sortedTerms(all)
	terms := make([]string, len(order))
	rank := make([]uint32, len(order)) // all's term number -> place in terms
	for r, id := range order {
		terms[r] = keys[all.ends[id]:all.ends[id+1]]
		rank[id] = uint32(r)
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
			r := rank[global[i][id]]
			p := &parts[i][id]
			p.first, p.skip = b.firstNote(uint32(id))
			p.at, p.prevLast = sizes[r], lastNote[r]
			sizes[r] += uvarintLen(uint32(p.first-p.prevLast)) + b.postingsLen(uint32(id)) - p.skip
			lastNote[r] = b.terms[id].last
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
				out := ix.post[ix.offs[rank[global[i][id]]]+p.at:]
				at := binary.PutUvarint(out, uint64(uint32(p.first-p.prevLast)))
				skip := p.skip
				b.postings(uint32(id), func(chunk []byte) {
					at += copy(out[at:], chunk[skip:])
					skip = 0
				})
			}
		})
	}
	wg.Wait()
	return ix
}

// sortedTerms is the numbers of t's terms in the terms' byte order:
// sorted by their first eight bytes as one number (zero-padded, so that a
// prefix comes first), a byte at a time (a radix sort: a sort calling a
// comparison cost five times as much), then by their bytes where those
// are equal.
func sortedTerms(t *termTable) []uint32 {
	keys := make([]sortKey, t.len())
	for id := range keys {
		keys[id] = sortKey{bits.ReverseBytes64(t.heads[id]), uint32(id)}
	}
	keys = radixSort(keys, make([]sortKey, len(keys)))
	for i := 0; i < len(keys); {
		j := i + 1
		for j < len(keys) && keys[j].first8 == keys[i].first8 {
			j++
		}
		if j-i > 1 { // terms of more than eight bytes that share their first eight
			slices.SortFunc(keys[i:j], func(a, b sortKey) int { return bytes.Compare(t.key(a.id), t.key(b.id)) })
		}
		i = j
	}
	order := make([]uint32, len(keys))
	for i, k := range keys {
		order[i] = k.id
	}
	return order
}

// sortKey is a term's first eight bytes, big-endian, and its number.
type sortKey struct {
	first8 uint64
	id     uint32
}

// radixSort sorts keys by first8, stably, a byte at a time from the
// lowest, through scratch (of keys' length); it returns the sorted keys,
// in either slice.
func radixSort(keys, scratch []sortKey) []sortKey {
	for shift := 0; shift < 64; shift += 8 {
		var starts [257]int
		for _, k := range keys {
			starts[int(byte(k.first8>>shift))+1]++
		}
		if len(keys) == 0 || starts[int(byte(keys[0].first8>>shift))+1] == len(keys) {
			continue // the same byte in every key
		}
		for b := 1; b < len(starts); b++ {
			starts[b] += starts[b-1]
		}
		for _, k := range keys {
			b := byte(k.first8 >> shift)
			scratch[starts[b]] = k
			starts[b]++
		}
		keys, scratch = scratch, keys
	}
	return keys
}

// termPart is a builder's postings of a term: where they go in the
// index's, relative to the term's; the last note of the term that earlier
// builders hold (-1 if none); its first note, and the length of that
// note's number as the builder wrote it (a delta from -1).
type termPart struct {
	at       uint32
	prevLast int32
	first    int32
	skip     uint32
}

// firstNote is the first note of term id's postings, and the length of
// its number.
func (b *builder) firstNote(id uint32) (int32, uint32) {
	d, n := binary.Uvarint(b.arena.bytes(b.firsts[id])[chunkHeader:])
	return int32(d) - 1, uint32(n)
}
