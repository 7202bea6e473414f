package search

import (
	"encoding/binary"
	"math/bits"
)

// termTable numbers distinct folded terms in the order they first come:
// an open-addressing hash table over one arena of the terms' bytes, so
// that a lookup allocates nothing and a new term costs no string. Lookups
// are most of an index build, and most of their cost is memory, so a slot
// holds a term's first eight bytes beside its number: a short word (most
// are) is found in one cache line, without reading the arena. The table
// also keeps each term's first eight bytes by number, for the merge's
// sort.
type termTable struct {
	slots []termSlot
	heads []uint64 // by number: the term's head8
	keys  []byte   // the terms' bytes, one after another
	ends  []uint32 // term i is keys[ends[i]:ends[i+1]]; ends[0] is 0
}

// termSlot is a term's head8, and 24 bits of its hash, its length (255
// for longer) and its number+1 (tagOf); meta is 0 when the slot is free.
type termSlot struct {
	head, meta uint64
}

func tagOf(h uint32, n int) uint64 { return uint64(h>>8)<<40 | uint64(min(n, 255))<<32 }

// newTermTable makes a table for about n terms.
func newTermTable(n int) *termTable {
	size := 1024
	for 3*size < 4*n {
		size *= 2
	}
	return &termTable{slots: make([]termSlot, size), ends: []uint32{0}}
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
	return finishHash(head*0x9e3779b97f4a7c15 ^ uint64(n))
}

// hashKey is the hash of a term, eight bytes at a time.
func hashKey(key []byte) uint32 {
	h := head8(key, 0, len(key))*0x9e3779b97f4a7c15 ^ uint64(len(key))
	for i := 8; i < len(key); i += 8 {
		h = bits.RotateLeft64(h^head8(key, i, len(key)), 29) * 0xbf58476d1ce4e5b9
	}
	return finishHash(h)
}

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
	if len(key) <= 8 {
		return t.shortID(head, len(key), h)
	}
	want := tagOf(h, len(key))
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.meta&^0xffffffff == want && s.head == head {
			id := uint32(s.meta) - 1
			if string(t.keys[t.ends[id]:t.ends[id+1]]) == string(key) {
				return id
			}
		}
		if s.meta == 0 {
			return t.insert(i, key, len(key), head, h)
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
			return t.insert(i, nil, n, head, h)
		}
	}
}

// insert adds the key of n bytes (key itself only when longer than
// eight; a shorter one is its head) at slot.
func (t *termTable) insert(slot uint32, key []byte, n int, head uint64, h uint32) uint32 {
	id := uint32(t.len())
	if at := len(t.keys); n <= 8 {
		t.keys = binary.LittleEndian.AppendUint64(t.keys, head)[:at+n]
	} else {
		t.keys = append(t.keys, key...)
	}
	t.ends = append(t.ends, uint32(len(t.keys)))
	t.heads = append(t.heads, head)
	t.slots[slot] = termSlot{head, tagOf(h, n) | uint64(id+1)}
	if 4*t.len() >= 3*len(t.slots) { // at most three quarters full: probes stay short, the table small
		t.grow()
	}
	return id
}

func (t *termTable) grow() {
	old := t.slots
	t.slots = make([]termSlot, 2*len(old))
	mask := uint32(len(t.slots) - 1)
	for _, s := range old {
		if s.meta == 0 {
			continue
		}
		i := hashKey(t.key(uint32(s.meta)-1)) & mask
		for t.slots[i].meta != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
	}
}
