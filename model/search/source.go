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

// overlay is where a patched index (Patch) reads its postings: from an
// older index, base, never itself an overlay (so patches don't chain),
// with the entries of the notes changed since base replaced by their fresh
// ones and the notes numbered anew. A term no changed note holds, when no
// note came or went, is read from base as it is; any other is spliced the
// first time a search reads it (so a patch fetches no block of base), and
// kept.
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
	// checked is, per term read from base as it is, 1 once its postings
	// were found to fit this index's notes, 2 when they do not. The patch
	// relies on a term of base naming no changed note; a damaged cache
	// could break that, and a line past a note's end must never reach a
	// search.
	checked []atomic.Uint32
}

// overlayTerm is where a term of a patched index has its postings.
type overlayTerm struct {
	baseID  int32 // its number in base, -1 when base has none
	touched bool  // a changed note holds it, or held it: fresh is spliced in
	at, n   uint32
}

func (o *overlay) fresh(t *overlayTerm) []byte { return o.held[t.at : t.at+t.n] }

func (o *overlay) term(ix *Index, id int) []byte {
	t := &o.terms[id]
	switch {
	case t.baseID < 0:
		return o.fresh(t)
	case t.touched:
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
	p := o.base.postings(int(t.baseID))
	switch o.checked[id].Load() {
	case 1:
		return p
	case 2:
		return nil
	}
	if p == nil && o.base.offs[t.baseID+1] > o.base.offs[t.baseID] {
		return nil
	}
	if postingsValid(p, ix.docs) {
		o.checked[id].Store(1)
		return p
	}
	o.checked[id].Store(2)
	ix.fail.set(fmt.Errorf("%w: the postings of %q name a changed note", ErrBadIndex, ix.terms[id]))
	return nil
}

// pending reports whether some term is spliced when read: its size is
// then a bound, and it may be that of no note.
func (o *overlay) pending() bool {
	for i := range o.terms {
		if o.terms[i].touched && o.terms[i].baseID >= 0 {
			return true
		}
	}
	return false
}

// settled is ix with the exact sizes of its postings and only the terms
// some note holds, as Build would make it: a patched index's touched terms
// are spliced (reading their blocks of base). Faults go to ix's Err.
func (ix *Index) settled() *Index {
	o := ix.over
	if o == nil || !o.pending() {
		return ix
	}
	s := &overlay{base: o.base, oldToNew: o.oldToNew, terms: make([]overlayTerm, 0, len(o.terms))}
	out := &Index{notes: ix.notes, docs: ix.docs, terms: make([]string, 0, len(ix.terms)), offs: make([]uint32, 1, len(ix.terms)+1), over: s}
	for id := range ix.terms {
		t := o.terms[id]
		var size uint32
		if t.touched || t.baseID < 0 {
			p := ix.postings(id)
			t = overlayTerm{baseID: -1, at: uint32(len(s.held)), n: uint32(len(p))}
			s.held = append(s.held, p...)
			size = t.n
		} else {
			size = o.base.offs[t.baseID+1] - o.base.offs[t.baseID]
		}
		if size == 0 {
			continue
		}
		out.terms = append(out.terms, ix.terms[id])
		out.offs = append(out.offs, out.offs[len(out.offs)-1]+size)
		s.terms = append(s.terms, t)
	}
	s.spliced = make([]atomic.Pointer[[]byte], len(s.terms))
	s.checked = make([]atomic.Uint32, len(s.terms))
	if err := ix.Err(); err != nil {
		out.fail.set(err)
	}
	return out
}
