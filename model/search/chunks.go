package search

import (
	"encoding/binary"
	"math"
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
)

// chunkArena hands out chunks from one byte slice, sized from the text to
// be indexed (postings take about half its bytes) so that it seldom grows,
// and grown by doubling, copied, when it must: an occurrence is then
// written at the arena's start plus its place, with no block to look up.
// A chunk's address is its place in the arena.
type chunkArena struct {
	buf []byte
}

// postingsPerTextByte is a little over the arena's bytes per byte of
// text: 0.56 for the corpus's notes in one builder, 0.60 and 0.65 for its
// halves in two (a smaller part has more distinct terms for its size, each
// with a first chunk), 0.51 for the generated vault's.
const postingsPerTextByte = 0.7

func newChunkArena(textBytes int) chunkArena {
	return chunkArena{buf: make([]byte, chunkHeader, max(int(postingsPerTextByte*float64(textBytes)), 1<<16))} // address 0 means no chunk
}

// alloc returns the address of a new chunk of size bytes, its header zero.
func (a *chunkArena) alloc(size uint32) uint32 {
	at := len(a.buf)
	if cap(a.buf)-at < int(size) {
		if uint64(at)+uint64(size) > math.MaxUint32 {
			panic("search: postings past 4 GB")
		}
		grown := make([]byte, at, max(2*cap(a.buf), at+int(size)))
		copy(grown, a.buf)
		a.buf = grown
	}
	a.buf = a.buf[:at+int(size)] // zero, as made
	return uint32(at)
}

// bytes is the arena from address addr to the end of its chunks.
func (a *chunkArena) bytes(addr uint32) []byte { return a.buf[addr:] }

// write appends the occurrences of the note's tokens (b.toks, b.runs,
// counted by tokenize) to the postings of their terms: the note as a delta
// from the term's previous note (from -1 for its first), the count, then
// per occurrence the position and line code, each as a delta from the one
// before (a note's first ones as they are).
func (b *builder) write(note int32) {
	start := uint32(0)
	for _, r := range b.runs {
		b.writeRun(note, b.toks[start:r.end], r.pos, r.code)
		start = r.end
	}
}

// writeRun is write of one run, toks at consecutive positions from pos on
// the line of code code. (A function of its own, so that its loop does not
// carry the runs' loop's values, which Go's registers would not hold.)
func (b *builder) writeRun(note int32, toks []uint32, pos, code uint32) {
	// The terms' states and the arena by pointer: a token's term has a
	// state (tokenize adds it), and its chunk has room for the occurrence
	// (maxOccurrence), so that no bounds are checked.
	terms := unsafe.Pointer(unsafe.SliceData(b.terms))
	arena := unsafe.Pointer(unsafe.SliceData(b.arena.buf))
	for _, id := range toks {
		ts := (*termState)(unsafe.Add(terms, uintptr(id)*unsafe.Sizeof(termState{})))
		if ts.end-ts.at < maxOccurrence {
			b.nextChunk(id, ts)
			arena = unsafe.Pointer(unsafe.SliceData(b.arena.buf))
		}
		out := unsafe.Add(arena, ts.at)
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
