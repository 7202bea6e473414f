package search

import (
	"runtime"
	"sync"
	"unsafe"

	"tubenotes/model"
)

// The index read back whole from AppendBinary's bytes, every posting
// checked at once: the way the cache read it before Open, kept for the
// tests as the reference Open is held to, and for the benchmarks that
// weigh the two.

// UnmarshalIndex reads data written by AppendBinary back into an index of
// notes, which must be the notes it was built from, in the same order.
// Whatever the bytes, it allocates no more than a small multiple of
// len(data) and returns an index that searches without fault, or
// ErrBadIndex: every count is checked against the bytes left, and the
// postings are walked once to check that they name only these notes and
// their lines. Its strings share data's memory, which must not change.
func UnmarshalIndex(data string, notes []*model.Note) (*Index, error) {
	r := indexReader{s: data}
	ix, err := decodeHead(&r, notes)
	if err != nil {
		return nil, err
	}
	nterms := len(ix.terms)
	if nterms > r.left() { // a length takes a byte or more
		return nil, ErrBadIndex
	}
	ix.offs = make([]uint32, nterms+1)
	for i := range ix.terms {
		n := r.uvarint()
		if r.bad || n > uint64(r.left()) {
			return nil, ErrBadIndex
		}
		ix.offs[i+1] = ix.offs[i] + uint32(n)
	}
	if r.bad || int(ix.offs[nterms]) != r.left() {
		return nil, ErrBadIndex
	}
	// The postings are only ever read, so they can share data's bytes.
	ix.post = unsafe.Slice(unsafe.StringData(r.s), len(r.s))
	if !ix.allPostingsValid() {
		return nil, ErrBadIndex
	}
	return ix, nil
}

// allPostingsValid walks every term's postings, on every core, and reports
// whether they hold only whole varints, note numbers rising within the
// notes, and positions and lines each note has; searches rely on that.
func (ix *Index) allPostingsValid() bool {
	workers := runtime.GOMAXPROCS(0)
	bad := make([]bool, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for id := w * len(ix.terms) / workers; id < (w+1)*len(ix.terms)/workers; id++ {
				if !ix.termValid(id) {
					bad[w] = true
					return
				}
			}
		})
	}
	wg.Wait()
	for _, b := range bad {
		if b {
			return false
		}
	}
	return true
}

func (ix *Index) termValid(id int) bool {
	return postingsValid(ix.postings(id), ix.docs)
}
