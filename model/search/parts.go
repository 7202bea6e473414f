package search

import (
	"encoding/binary"
	"unsafe"

	"tubenotes/model"
)

// An index stored in parts (AppendParts, read back by Open) is a head, read
// whole when the index is opened, and postings blocks, read when a search
// needs a term of theirs. The head is AppendBinary's layout without the
// postings arena, followed by the blocks (unsigned varints):
//
//	notes   count, then per note: lines, firstLine, titleEnd, titleLine, channel, title
//	terms   count, then per term: bytes shared with the previous term, the rest
//	lengths per term, its postings' length
//	blocks  count, then per block: the number of terms it holds
//
// Blocks hold the postings of consecutive terms, in term order, each
// term's whole and as AppendBinary's arena has them: so where a term's
// postings are (block, offset, length) follows from the lengths and the
// blocks' term counts, and the size of a term or a prefix range needs no
// block. A change to this layout must change the cache format version that
// wraps it (loader/cache).

// DefaultBlockSize is the size of postings blocks AppendParts is meant to
// be given: small enough that a rare word reads little, large enough that
// a block compresses well and the head lists few.
const DefaultBlockSize = 64 << 10

// AppendParts splits the index for storage: a head, and the postings in
// blocks of about blockSize bytes (a term's postings are never split: a
// term bigger than blockSize has a block of its own). Blocks may share the
// index's memory: they must not be changed. Postings the index reads on
// demand are read (see Err).
func (ix *Index) AppendParts(blockSize int) (head []byte, blocks [][]byte) {
	s := ix.settled()
	defer func() {
		if err := s.Err(); err != nil {
			ix.fail.set(err)
		}
	}()
	return s.appendParts(blockSize)
}

func (ix *Index) appendParts(blockSize int) (head []byte, blocks [][]byte) {
	first := ix.blockBounds(blockSize)
	head = ix.appendHead(nil)
	head = binary.AppendUvarint(head, uint64(len(first)-1))
	for b := range len(first) - 1 {
		head = binary.AppendUvarint(head, uint64(first[b+1]-first[b]))
	}
	blocks = make([][]byte, len(first)-1)
	for b := range blocks {
		lo, hi := int(first[b]), int(first[b+1])
		if ix.post != nil {
			blocks[b] = ix.post[ix.offs[lo]:ix.offs[hi]:ix.offs[hi]]
			continue
		}
		var out []byte // the head's sizes are not trusted before the block is read
		for id := lo; id < hi; id++ {
			out = append(out, ix.postings(id)...)
		}
		blocks[b] = out
	}
	return head, blocks
}

// blockBounds cuts the terms into blocks of about blockSize postings
// bytes: block b holds terms first[b] to first[b+1]-1.
func (ix *Index) blockBounds(blockSize int) (first []int32) {
	start := 0
	for id := range ix.terms {
		if id > start && int64(ix.offs[id+1]-ix.offs[start]) > int64(blockSize) {
			first = append(first, int32(start))
			start = id
		}
	}
	if start < len(ix.terms) {
		first = append(first, int32(start))
	}
	return append(first, int32(len(ix.terms)))
}

// Open reads a head written by AppendParts back into an index of notes,
// which must be the notes it was built from, in the same order. Postings
// are read when a search needs them: block b through fetch(b), which must
// give the bytes AppendParts gave as blocks[b], may be called from several
// goroutines at once, and must not change those bytes afterwards. A block
// is validated when it comes (its size, and only these notes and their
// lines); one at fault is reported by Err, never a panic.
//
// Whatever the bytes, Open allocates no more than a small multiple of
// len(head) and returns an index that searches without fault, or
// ErrBadIndex. Its strings share head's memory, which must not change.
func Open(head []byte, notes []*model.Note, fetch func(block int) ([]byte, error)) (*Index, error) {
	r := indexReader{s: unsafe.String(unsafe.SliceData(head), len(head))}
	ix, err := decodeHead(&r, notes)
	if err != nil {
		return nil, err
	}
	nterms := len(ix.terms)
	if nterms > r.left() { // a length takes a byte or more
		return nil, ErrBadIndex
	}
	ix.offs = make([]uint32, nterms+1)
	total := uint64(0)
	for i := range ix.terms {
		total += r.uvarint()
		if r.bad || total > 1<<32-1 {
			return nil, ErrBadIndex
		}
		ix.offs[i+1] = uint32(total)
	}
	nblocks := r.count(1) // a block's term count takes a byte or more
	if r.bad || nblocks > nterms {
		return nil, ErrBadIndex
	}
	first := make([]int32, nblocks+1)
	for b := range nblocks {
		n := r.uvarint()
		if r.bad || n == 0 || n > uint64(nterms-int(first[b])) {
			return nil, ErrBadIndex // every block holds a term or more, and only terms there are
		}
		first[b+1] = first[b] + int32(n)
	}
	if r.left() != 0 || int(first[nblocks]) != nterms {
		return nil, ErrBadIndex
	}
	ix.lazy = newBlockSource(ix, first, fetch)
	return ix, nil
}
