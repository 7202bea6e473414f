package search

import (
	"sync/atomic"
)

// postings is the postings of term id, wherever the index keeps them;
// nil when they could not be read (Err says why).
func (ix *Index) postings(id int) []byte {
	switch {
	case ix.lazy != nil:
		return ix.lazy.term(id)
	case ix.over != nil:
		return ix.over.term(id)
	}
	return ix.post[ix.offs[id]:ix.offs[id+1]]
}

// Err is the first fault met reading the postings of an index opened from
// parts (Open), or of the index it was patched from: a block that could not
// be fetched, or whose bytes are not the postings they should be. A term
// whose postings are at fault is searched as if no note held it, so a
// search of an index with an error may miss notes, or fail to leave some
// out: check Err after a search, and build the index again when it is set.
func (ix *Index) Err() error {
	if err := ix.fail.get(); err != nil {
		return err
	}
	switch {
	case ix.lazy != nil:
		return ix.lazy.fail.get()
	case ix.over != nil:
		return ix.over.base.Err()
	}
	return nil
}

// failure keeps the first error set, safely for concurrent searches.
type failure struct{ first atomic.Pointer[error] }

func (f *failure) set(err error) { f.first.CompareAndSwap(nil, &err) }

func (f *failure) get() error {
	if p := f.first.Load(); p != nil {
		return *p
	}
	return nil
}

// overlay is where a patched index (Patch) reads its postings: from an
// older index, base, never itself an overlay (so patches don't chain),
// with the entries of the notes changed since base replaced by their fresh
// ones and the notes numbered anew. A term is spliced the first time a
// search reads it (so a patch fetches no block of base), and kept.
//
// Until it is settled (see settled), a patched index's offs are estimates
// of its terms' postings sizes (base's plus the fresh ones: searches use
// them only to read the rarest words first), and it may list a term that
// only changed or vanished notes held.
type overlay struct {
	base     *Index
	oldToNew []int32 // base's note numbers to this index's, -1 for notes changed since base
	terms    []overlayTerm
	held     []byte // the terms' fresh postings
	spliced  []atomic.Pointer[[]byte]
}

// overlayTerm is where a term of a patched index has its postings: base's
// term baseID (-1 when base has none), spliced with the fresh ones at
// held[at:at+n].
type overlayTerm struct {
	baseID int32
	at, n  uint32
}

func (o *overlay) fresh(t *overlayTerm) []byte { return o.held[t.at : t.at+t.n] }

func (o *overlay) term(id int) []byte {
	t := &o.terms[id]
	if t.baseID < 0 {
		return o.fresh(t)
	}
	if p := o.spliced[id].Load(); p != nil {
		return *p
	}
	bp := o.base.postings(int(t.baseID))
	if bp == nil && o.base.offs[t.baseID+1] > o.base.offs[t.baseID] {
		return nil // base's fault, which base's Err reports
	}
	p := splice(nil, bp, o.oldToNew, o.fresh(t))
	o.spliced[id].Store(&p)
	return p
}

// settled is ix with the exact sizes of its postings and only the terms
// some note holds, as Build would make it: a patched index's terms are
// spliced (reading their blocks of base) into postings of its own. Faults
// go to ix's Err.
func (ix *Index) settled() *Index {
	if ix.over == nil {
		return ix
	}
	out := &Index{notes: ix.notes, docs: ix.docs, terms: make([]string, 0, len(ix.terms)), offs: make([]uint32, 1, len(ix.terms)+1), post: []byte{}}
	for id := range ix.terms {
		p := ix.postings(id)
		if len(p) == 0 {
			continue // no note holds it any more, or base could not give it
		}
		out.terms = append(out.terms, ix.terms[id])
		out.post = append(out.post, p...)
		out.offs = append(out.offs, uint32(len(out.post)))
	}
	if err := ix.Err(); err != nil {
		out.fail.set(err)
	}
	return out
}
