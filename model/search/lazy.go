package search

import (
	"container/list"
	"fmt"
	"sort"
	"sync"
)

// blockCacheBytes bounds the postings blocks an opened index keeps once
// read, so that typing a query, a search a keystroke, reads each block
// once. A block bigger than this (one common word's postings) is kept
// alone.
const blockCacheBytes = 16 << 20

// blockSource reads the postings blocks of an index opened from parts, on
// demand, validates each when it comes, and keeps the latest in a cache
// bounded by bytes.
type blockSource struct {
	fetch func(block int) ([]byte, error)
	first []int32  // block b holds terms first[b] to first[b+1]-1
	offs  []uint32 // the index's
	docs  []doc    // the index's notes, which the postings must fit
	limit int      // the bytes the cache may hold, blockCacheBytes
	fail  failure

	mu     sync.Mutex
	cached map[int]*list.Element // of *cachedBlock
	recent list.List             // most recently used first
	bytes  int                   // held by the cache
	bad    map[int]bool          // blocks that failed: not fetched again
	coming map[int]*fetching     // blocks being fetched
}

// fetching is a block on its way: searches that need it while it is
// fetched wait for it rather than fetch it again.
type fetching struct {
	done chan struct{}
	data []byte // once done is closed; nil when the block failed
}

type cachedBlock struct {
	block int
	data  []byte
}

func newBlockSource(ix *Index, first []int32, fetch func(int) ([]byte, error)) *blockSource {
	return &blockSource{fetch: fetch, first: first, offs: ix.offs, docs: ix.docs, limit: blockCacheBytes, cached: map[int]*list.Element{}, bad: map[int]bool{}, coming: map[int]*fetching{}}
}

// term is the postings of term id, nil when its block is at fault.
func (s *blockSource) term(id int) []byte {
	if s.offs[id] == s.offs[id+1] {
		return nil
	}
	b := sort.Search(len(s.first)-1, func(b int) bool { return s.first[b+1] > int32(id) })
	data := s.block(b)
	if data == nil {
		return nil
	}
	start := s.offs[s.first[b]]
	return data[s.offs[id]-start : s.offs[id+1]-start]
}

// block is block b's bytes, from the cache or fetched and validated; nil
// when it can't be fetched or is not what the head says.
func (s *blockSource) block(b int) []byte {
	s.mu.Lock()
	if e, ok := s.cached[b]; ok {
		s.recent.MoveToFront(e)
		s.mu.Unlock()
		return e.Value.(*cachedBlock).data
	}
	if s.bad[b] {
		s.mu.Unlock()
		return nil
	}
	if f, ok := s.coming[b]; ok {
		s.mu.Unlock()
		<-f.done
		return f.data
	}
	f := &fetching{done: make(chan struct{})}
	s.coming[b] = f
	s.mu.Unlock()
	defer close(f.done)
	// Fetched unlocked, so that searches reading other blocks don't wait.
	data, err := s.check(b)
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.coming, b)
	if err != nil {
		s.bad[b] = true
		s.fail.set(err)
		return nil
	}
	for s.bytes+len(data) > s.limit && s.recent.Len() > 0 {
		old := s.recent.Remove(s.recent.Back()).(*cachedBlock)
		delete(s.cached, old.block)
		s.bytes -= len(old.data)
	}
	s.cached[b] = s.recent.PushFront(&cachedBlock{block: b, data: data})
	s.bytes += len(data)
	f.data = data
	return data
}

// check fetches block b and validates it: its size is its terms' postings'
// size, and every one of them fits the notes.
func (s *blockSource) check(b int) ([]byte, error) {
	data, err := s.fetch(b)
	if err != nil {
		return nil, fmt.Errorf("search index block %d: %w", b, err)
	}
	lo, hi := s.first[b], s.first[b+1]
	start := s.offs[lo]
	if uint64(len(data)) != uint64(s.offs[hi]-start) {
		return nil, fmt.Errorf("%w: block %d has %d bytes, not %d", ErrBadIndex, b, len(data), s.offs[hi]-start)
	}
	for id := lo; id < hi; id++ {
		if !postingsValid(data[s.offs[id]-start:s.offs[id+1]-start], s.docs) {
			return nil, fmt.Errorf("%w: block %d holds bad postings", ErrBadIndex, b)
		}
	}
	return data, nil
}
