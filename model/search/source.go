package search

import (
	"fmt"
	"sync/atomic"
)

// postings is the postings of term id, wherever the index keeps them;
// nil when they could not be read (Err says why).
func (ix *Index) postings(id int) []byte {
	switch {
	case ix.lazy != nil:
		return ix.lazy.term(id)
	case ix.over != nil:
		return ix.over.term(ix, id)
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

// overlay is where a patched index (Patch, when no note came or went) reads
// its postings: a term no changed note holds reads them from the older
// index, base; the others were spliced and are held here. base is never
// itself an overlay, so patches do not chain.
type overlay struct {
	base   *Index
	baseID []int32  // per term, its number in base, or -1 when held
	held   []byte   // the spliced postings
	heldAt []uint32 // per held term, where its postings start in held
	// checked is, per term read from base, 1 once its postings were found
	// to fit this index's notes, 2 when they do not. The patch relies on
	// a term of base naming no changed note; a damaged cache could break
	// that, and a line past a note's end must never reach a search.
	checked []atomic.Uint32
}

func (o *overlay) term(ix *Index, id int) []byte {
	b := o.baseID[id]
	if b < 0 {
		at := o.heldAt[id]
		return o.held[at : at+ix.offs[id+1]-ix.offs[id]]
	}
	p := o.base.postings(int(b))
	switch o.checked[id].Load() {
	case 1:
		return p
	case 2:
		return nil
	}
	if p == nil && ix.offs[id+1] > ix.offs[id] {
		return nil // base's fault, which base's Err reports
	}
	if postingsValid(p, ix.docs) {
		o.checked[id].Store(1)
		return p
	}
	o.checked[id].Store(2)
	ix.fail.set(fmt.Errorf("%w: the postings of %q name a changed note", ErrBadIndex, ix.terms[id]))
	return nil
}
