package search

import (
	"encoding/binary"
	"math/bits"
	"unsafe"
)

// A builder keeps each term's postings in a chain of chunks of its arena:
// a chunk is an 8-byte header (the next chunk's address, 0 for none; the
// bytes of postings it holds, both little-endian uint32) then the
// postings. A term's first chunk is small and each next one twice the
// size, up to maxChunk, so that a rare term wastes little and a common one
// few headers. A chunk always has room for a whole occurrence before one
// is written in it, so that no number is cut in two.
const (
	chunkHeader   = 8
	firstChunk    = 32
	maxChunk      = 4096
	maxOccurrence = 4 * binary.MaxVarintLen32 // note, count, position, line code
	blockBits     = 18
	blockSize     = 1 << blockBits
)

// chunkArena hands out chunks from blocks of blockSize bytes (a chunk
// never crosses one), so that it grows without copying. A chunk's address
// is its block's number times blockSize plus its place in the block.
type chunkArena struct {
	blocks []*[blockSize]byte
	used   int // of the last block
}

// alloc returns the address of a new chunk of size bytes, its header zero.
func (a *chunkArena) alloc(size uint32) uint32 {
	if len(a.blocks) == 0 || a.used+int(size) > blockSize {
		a.blocks = append(a.blocks, new([blockSize]byte))
		a.used = 0
		if len(a.blocks) == 1 {
			a.used = chunkHeader // address 0 means no chunk
		}
	}
	addr := uint32(len(a.blocks)-1)<<blockBits | uint32(a.used)
	a.used += int(size)
	return addr
}

// bytes is the arena from address addr to the end of its block.
func (a *chunkArena) bytes(addr uint32) []byte {
	return a.blocks[addr>>blockBits][addr&(blockSize-1):]
}

// write appends the occurrences of the note's tokens (b.toks, b.runs,
// counted by tokenize) to the postings of their terms: the note as a delta
// from the term's previous note (from -1 for its first), the count, then
// per occurrence the position and line code, each as a delta from the one
// before (a note's first ones as they are).
func (b *builder) write(note int32) {
	toks, terms, blocks := b.toks, b.terms, b.arena.blocks // in registers: the stores below could be to them, for all the compiler knows
	tok := uint32(0)
	for _, r := range b.runs {
		pos, code := r.pos, r.code
		for ; tok < r.end; tok++ {
			id := toks[tok]
			ts := &terms[id]
			if ts.end-ts.at < maxOccurrence {
				b.nextChunk(id, ts)
				blocks = b.arena.blocks
			}
			// The chunk has room for the occurrence (maxOccurrence): its
			// bytes are written without a bounds check.
			out := unsafe.Pointer(&blocks[ts.at>>blockBits][ts.at&(blockSize-1)])
			n := uintptr(0)
			if ts.last != note {
				n = putUvarint(out, n, uint32(note-ts.last))
				n = putUvarint(out, n, ts.count)
				ts.count = 0
				n = putUvarint(out, n, pos)
				n = putUvarint(out, n, code)
				ts.last = note
			} else {
				n = putUvarint(out, n, pos-ts.lastPos)
				n = putUvarint(out, n, code-ts.lastCode)
			}
			ts.at += uint32(n)
			ts.lastPos, ts.lastCode = pos, code
			pos++
		}
	}
}

// putUvarint writes v as an unsigned varint at out+n, which must have
// room for it, and returns the offset after it.
func putUvarint(out unsafe.Pointer, n uintptr, v uint32) uintptr {
	for v >= 0x80 {
		*(*byte)(unsafe.Add(out, n)) = byte(v) | 0x80
		v >>= 7
		n++
	}
	*(*byte)(unsafe.Add(out, n)) = byte(v)
	return n + 1
}

func uvarintLen(v uint32) uint32 { return uint32(bits.Len32(v|1)+6) / 7 }

// nextChunk closes term id's chunk, if any, and starts the next.
func (b *builder) nextChunk(id uint32, ts *termState) {
	size := uint32(firstChunk)
	if ts.chunk != 0 {
		size = min(2*(ts.end-ts.chunk), maxChunk)
	}
	c := b.arena.alloc(size)
	if ts.chunk == 0 {
		b.firsts[id] = c
	} else {
		h := b.arena.bytes(ts.chunk)
		used := ts.at - ts.chunk - chunkHeader
		binary.LittleEndian.PutUint32(h, c)
		binary.LittleEndian.PutUint32(h[4:], used)
		ts.size += used
	}
	ts.chunk, ts.at, ts.end = c, c+chunkHeader, c+size
}

// postingsLen is the length of term id's postings.
func (b *builder) postingsLen(id uint32) uint32 {
	ts := &b.terms[id]
	return ts.size + ts.at - ts.chunk - chunkHeader
}

// postings calls f with each chunk's bytes of term id's postings, in
// order.
func (b *builder) postings(id uint32, f func([]byte)) {
	ts := &b.terms[id]
	for c := b.firsts[id]; ; {
		h := b.arena.bytes(c)
		if c == ts.chunk {
			f(h[chunkHeader : ts.at-c])
			return
		}
		f(h[chunkHeader : chunkHeader+binary.LittleEndian.Uint32(h[4:])])
		c = binary.LittleEndian.Uint32(h)
	}
}
