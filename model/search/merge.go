package search

import (
	"slices"
	"sync"
)

// merge makes the index of the builders' notes (the builders hold runs of
// notes in order: every note of one comes before every note of the next).
// It numbers the builders' terms in one table, sorts them, lays out every
// term's postings in one arena from the sizes the builders added up (a
// term's part from each builder in turn), then lets each builder write its
// part, all at once. Its terms' strings share one allocation.
func merge(bs []*builder) *Index {
	all := newTermTable(0)
	global := make([][]uint32, len(bs)) // builder's term number -> all's
	for i, b := range bs {
		b.finishSizes()
		global[i] = make([]uint32, b.table.len())
		for id := range global[i] {
			key := b.table.key(uint32(id))
			global[i][id] = all.id(key, hashBytes(key))
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
		rank[all.id([]byte(t), hashBytes([]byte(t)))] = uint32(r)
	}

	// Each term's bytes, builder after builder: a builder's first note of
	// the term is written as a delta from the previous builder's last.
	sizes := make([]uint32, len(terms))
	lastNote := make([]int32, len(terms))
	for i := range lastNote {
		lastNote[i] = -1
	}
	for i, b := range bs {
		for id := range b.terms {
			ts, r := &b.terms[id], rank[global[i][id]]
			ts.at = sizes[r]
			sizes[r] += uvarintLen(uint32(ts.first-lastNote[r])) + ts.size
			ts.last, lastNote[r] = lastNote[r], ts.last
		}
	}
	ix := &Index{terms: terms, offs: make([]uint32, len(terms)+1)}
	for r, n := range sizes {
		ix.offs[r+1] = ix.offs[r] + n
	}
	for i, b := range bs {
		for id := range b.terms {
			b.terms[id].at += ix.offs[rank[global[i][id]]]
		}
	}
	ix.post = make([]byte, ix.offs[len(terms)])
	var wg sync.WaitGroup
	for _, b := range bs[1:] {
		wg.Go(func() { b.write(ix.post) })
	}
	if len(bs) > 0 {
		bs[0].write(ix.post)
	}
	wg.Wait()
	return ix
}
