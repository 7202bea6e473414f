package search

import (
	"encoding/binary"
	"math/bits"
	"slices"
)

// termTable numbers distinct folded terms in the order they first come:
// open-addressing hash tables over one arena of the terms' bytes, so
// that a lookup allocates nothing and a new term costs no string. Lookups
// are most of an index build, and most of their cost is memory, so a slot
// holds a term's first bytes beside its number: a term of up to eight
// bytes (most words) in a sixteen-byte slot, a longer one in a table of
// its own with 32-byte slots holding its first 24 bytes, so that a word
// is found in one cache line, without reading the arena, unless it is
// longer than 24 bytes; and the short terms' table, the one most words
// probe, stays small. The table also keeps each term's first eight bytes
// by number, for the merge's sort.
type termTable struct {
	slots []termSlot // terms of up to eight bytes
	long  []longSlot // longer terms
	nLong int        // terms in long
	heads []uint64   // by number: the term's head8
	keys  []byte     // the terms' bytes, one after another
	ends  []uint32   // term i is keys[ends[i]:ends[i+1]]; ends[0] is 0
}

// termSlot is a term's head8, and 24 bits of its hash, its length and its
// number+1 (tagOf); meta is 0 when the slot is free.
type termSlot struct {
	head, meta uint64
}

// longSlot is termSlot for a term of more than eight bytes, with its
// bytes 8 to 16 and 16 to 24, zero-padded: 32 bytes, so that a slot never
// straddles two cache lines.
type longSlot struct {
	head, tail, tail2, meta uint64
}

func tagOf(h uint32, n int) uint64 { return uint64(h>>8)<<40 | uint64(min(n, 255))<<32 }

// newTermTable makes a table for about n terms, about a third of them
// longer than eight bytes (as in real notes, and the generated ones).
func newTermTable(n int) *termTable {
	return &termTable{
		slots: make([]termSlot, tableSize(n-n/3)),
		long:  make([]longSlot, tableSize(n/3)),
		heads: make([]uint64, 0, n),
		keys:  make([]byte, 0, 8*n),
		ends:  append(make([]uint32, 0, n+1), 0),
	}
}

// tableSize is the number of slots for n terms: a power of two, at least
// 1024, at most three quarters full.
func tableSize(n int) int {
	size := 1024
	for 3*size < 4*n {
		size *= 2
	}
	return size
}

// head8 is the first eight bytes of buf[start:end], zero-padded, reading
// past end (never past buf's capacity) rather than byte by byte. A folded
// term never holds a zero byte, so that its head8 and length tell a term
// of up to eight bytes from any other.
func head8(buf []byte, start, end int) uint64 {
	n := end - start
	if start+8 <= cap(buf) {
		w := binary.LittleEndian.Uint64(buf[start : start+8])
		if n >= 8 {
			return w
		}
		return w & (1<<(8*n) - 1)
	}
	var w uint64
	for i := min(end, start+8) - 1; i >= start; i-- {
		w = w<<8 | uint64(buf[i])
	}
	return w
}

// shortHash is hashKey of a term of up to eight bytes, from its head8.
func shortHash(head uint64, n int) uint32 {
	return finishHash(head*hashMul ^ uint64(n))
}

// hashKey is the hash of a term, eight bytes at a time, its length mixed
// in last, so that the builder hashes a long word's eight-byte pieces as it
// finds its end (see wordID).
func hashKey(key []byte) uint32 {
	h := head8(key, 0, len(key)) * hashMul
	for i := 8; i < len(key); i += 8 {
		h = mixHash(h, head8(key, i, len(key)))
	}
	return finishHash(h ^ uint64(len(key)))
}

const hashMul = 0x9e3779b97f4a7c15

// mixHash mixes the next eight bytes of a term, zero-padded, into h.
func mixHash(h, next uint64) uint64 { return bits.RotateLeft64(h^next, 29) * 0xbf58476d1ce4e5b9 }

func finishHash(h uint64) uint32 {
	h ^= h >> 31
	h *= 0x94d049bb133111eb
	return uint32(h >> 32)
}

// len is the number of terms.
func (t *termTable) len() int { return len(t.heads) }

// key is the bytes of term id; they never change.
func (t *termTable) key(id uint32) []byte { return t.keys[t.ends[id]:t.ends[id+1]] }

// id is the number of key, whose head8 is head and hashKey h, adding it
// when new. A key of up to eight bytes is known by its head alone (the
// builder passes one unfolded, its head folded).
func (t *termTable) id(key []byte, head uint64, h uint32) uint32 {
	n := len(key)
	if n <= 8 {
		return t.shortID(head, n, h)
	}
	tail, tail2 := head8(key, 8, n), uint64(0)
	if n > 16 {
		tail2 = head8(key, 16, n)
	}
	if n <= 24 {
		key = nil // its slot holds it whole
	}
	return t.longID(key, head, tail, tail2, n, h)
}

// longID is id of a key of n bytes, more than eight, whose bytes 0 to 8,
// 8 to 16 and 16 to 24 (zero-padded) are head, tail and tail2, and
// hashKey h; key is its bytes, needed only when n is more than 24.
func (t *termTable) longID(key []byte, head, tail, tail2 uint64, n int, h uint32) uint32 {
	want := tagOf(h, n)
	mask := uint32(len(t.long) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.long[i]
		// The same length and first 24 bytes (no term holds a zero byte):
		// the same term, unless it is longer and differs after.
		if s.head == head && s.meta&^0xffffffff == want && s.tail == tail && s.tail2 == tail2 {
			id := uint32(s.meta) - 1
			if n <= 24 || string(t.keys[t.ends[id]+24:t.ends[id+1]]) == string(key[24:]) {
				return id
			}
		}
		if s.meta == 0 {
			id := t.add(key, n, head, tail, tail2)
			t.long[i] = longSlot{head, tail, tail2, want | uint64(id+1)}
			if t.nLong++; 4*t.nLong >= 3*len(t.long) {
				t.growLong()
			}
			return id
		}
	}
}

// shortID is id of a key of n bytes, n at most eight, whose head8 is head
// and hashKey h: the key is its head.
func (t *termTable) shortID(head uint64, n int, h uint32) uint32 {
	want := tagOf(h, n)
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.head == head && s.meta&^0xffffffff == want {
			return uint32(s.meta) - 1
		}
		if s.meta == 0 {
			id := t.add(nil, n, head, 0, 0)
			t.slots[i] = termSlot{head, tagOf(h, n) | uint64(id+1)}
			if short := t.len() - t.nLong; 4*short >= 3*len(t.slots) { // at most three quarters full: probes stay short, the table small
				t.grow()
			}
			return id
		}
	}
}

// add numbers a new key of n bytes: key, or when it is nil (n at most
// 24) the key's bytes 0 to 8, 8 to 16 and 16 to 24, zero-padded.
func (t *termTable) add(key []byte, n int, head, tail, tail2 uint64) uint32 {
	id := uint32(t.len())
	t.keys = roomFor(t.keys, max(n, 24))
	if at := len(t.keys); key == nil {
		t.keys = binary.LittleEndian.AppendUint64(t.keys, head)
		t.keys = binary.LittleEndian.AppendUint64(t.keys, tail)
		t.keys = binary.LittleEndian.AppendUint64(t.keys, tail2)[:at+n]
	} else {
		t.keys = append(t.keys, key...)
	}
	t.ends = append(roomFor(t.ends, 1), uint32(len(t.keys)))
	t.heads = append(roomFor(t.heads, 1), head)
	return id
}

func (t *termTable) grow()     { t.slots = regrow(t, t.slots, func(s termSlot) uint64 { return s.meta }) }
func (t *termTable) growLong() { t.long = regrow(t, t.long, func(s longSlot) uint64 { return s.meta }) }

// regrow is old's slots placed again in a table twice its size; meta is a
// slot's meta word (0 for an empty slot, else its term's number plus one
// in the low bits).
func regrow[S any](t *termTable, old []S, meta func(S) uint64) []S {
	slots := make([]S, 2*len(old))
	mask := uint32(len(slots) - 1)
	for _, s := range old {
		if meta(s) == 0 {
			continue
		}
		i := hashKey(t.key(uint32(meta(s))-1)) & mask
		for meta(slots[i]) != 0 {
			i = (i + 1) & mask
		}
		slots[i] = s
	}
	return slots
}

// roomFor is s with room for n more, its capacity doubled when short:
// append grows a long slice by a quarter at a time, which allocates and
// copies about five times what it keeps.
func roomFor[T any](s []T, n int) []T {
	if cap(s)-len(s) < n {
		s = slices.Grow(s, max(n, cap(s), 64))
	}
	return s
}
