package search

import (
	"encoding/binary"
	"math/bits"
	"slices"
)

// termTable numbers distinct folded terms in the order they first come:
// open-addressing hash tables over one arena of the terms' bytes, so
// that a lookup allocates nothing and a new term costs no string. Lookups
// are most of an index build, and most of its cost is memory, so a slot
// is one cache line that holds what a word needs: a term's first bytes
// beside its number, and the state its postings are written with
// (termState), so that a word's lookup, count and posting read one line
// besides the postings' own. A term of up to eight bytes (most words) is
// known by its slot's head; a longer one has a table of its own, whose
// slots hold its first 24 bytes, so that it is found without reading the
// arena unless it is longer than 24 bytes, and the short terms' table,
// the one most words probe, stays small. The builder keeps a word by its
// slot's index (a ref), which a growth of the table changes: see moved.
// The table also keeps each term's first eight bytes by number, for the
// merge's sort.
type termTable struct {
	slots     []termSlot // the short terms' table, then the long terms'
	shortSize int        // slots[:shortSize] hold terms of up to eight bytes
	nLong     int        // terms in the long table
	heads     []uint64   // by number: the term's head8
	keys      []byte     // the terms' bytes, one after another
	ends      []uint32   // term i is keys[ends[i]:ends[i+1]]; ends[0] is 0

	// moved is, after the table grew, where each slot went (old ref to
	// new), until the builder has renumbered its refs; nil otherwise.
	moved []uint32
}

// termSlot is a term's head8; 24 bits of its hash, its length and its
// number+1 (tagOf) in meta, which is 0 when the slot is free; for a term
// of more than eight bytes, its bytes 8 to 16 and 16 to 24, zero-padded;
// and its postings' state. 64 bytes: a slot never straddles two cache
// lines.
type termSlot struct {
	head, meta  uint64
	tail, tail2 uint64
	state       termState
}

func tagOf(h uint32, n int) uint64 { return uint64(h>>8)<<40 | uint64(min(n, 255))<<32 }

// newTermTable makes a table for about n terms, about a third of them
// longer than eight bytes (as in real notes, and the generated ones).
func newTermTable(n int) *termTable {
	short := tableSize(n - n/3)
	return &termTable{
		slots:     make([]termSlot, short+tableSize(n/3)),
		shortSize: short,
		heads:     make([]uint64, 0, n),
		keys:      make([]byte, 0, 8*n),
		ends:      append(make([]uint32, 0, n+1), 0),
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

// idAt is the number of the term in slot ref.
func (t *termTable) idAt(ref uint32) uint32 { return uint32(t.slots[ref].meta) - 1 }

// id is the number of key, whose head8 is head and hashKey h, adding it
// when new.
func (t *termTable) id(key []byte, head uint64, h uint32) uint32 { return t.idAt(t.ref(key, head, h)) }

// ref is the slot of key, whose head8 is head and hashKey h, adding it
// when new. A key of up to eight bytes is known by its head alone (the
// builder passes one unfolded, its head folded).
func (t *termTable) ref(key []byte, head uint64, h uint32) uint32 {
	n := len(key)
	if n <= 8 {
		return t.shortRef(head, n, h)
	}
	want := tagOf(h, n)
	tail, tail2 := head8(key, 8, n), uint64(0)
	if n > 16 {
		tail2 = head8(key, 16, n)
	}
	base, mask := uint32(t.shortSize), uint32(len(t.slots)-t.shortSize-1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[base+i]
		// The same length and first 24 bytes (no term holds a zero byte):
		// the same term, unless it is longer and differs after.
		if s.head == head && s.meta&^0xffffffff == want && s.tail == tail && s.tail2 == tail2 {
			id := uint32(s.meta) - 1
			if n <= 24 || string(t.keys[t.ends[id]+24:t.ends[id+1]]) == string(key[24:]) {
				return base + i
			}
		}
		if s.meta == 0 {
			id := t.add(key, n, head)
			*s = termSlot{head: head, meta: want | uint64(id+1), tail: tail, tail2: tail2, state: termState{last: -1}}
			if t.nLong++; 4*t.nLong >= 3*(len(t.slots)-t.shortSize) {
				return t.grow(false, base+i)
			}
			return base + i
		}
	}
}

// shortRef is ref of a key of n bytes, n at most eight, whose head8 is
// head and hashKey h: the key is its head.
func (t *termTable) shortRef(head uint64, n int, h uint32) uint32 {
	want := tagOf(h, n)
	mask := uint32(t.shortSize - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.head == head && s.meta&^0xffffffff == want {
			return i
		}
		if s.meta == 0 {
			id := t.add(nil, n, head)
			*s = termSlot{head: head, meta: want | uint64(id+1), state: termState{last: -1}}
			if short := t.len() - t.nLong; 4*short >= 3*t.shortSize { // at most three quarters full: probes stay short, the table small
				return t.grow(true, i)
			}
			return i
		}
	}
}

// add numbers a new key of n bytes (key itself only when longer than
// eight; a shorter one is its head).
func (t *termTable) add(key []byte, n int, head uint64) uint32 {
	id := uint32(t.len())
	t.keys = roomFor(t.keys, max(n, 8))
	if at := len(t.keys); n <= 8 {
		t.keys = binary.LittleEndian.AppendUint64(t.keys, head)[:at+n]
	} else {
		t.keys = append(t.keys, key...)
	}
	t.ends = append(roomFor(t.ends, 1), uint32(len(t.keys)))
	t.heads = append(roomFor(t.heads, 1), head)
	return id
}

// grow doubles the short terms' table (short) or the long terms', places
// every slot again, keeps where each went in moved, and returns where
// slot ref went.
func (t *termTable) grow(short bool, ref uint32) uint32 {
	old, oldShort := t.slots, t.shortSize
	shortSize, longSize := oldShort, len(old)-oldShort
	if short {
		shortSize *= 2
	} else {
		longSize *= 2
	}
	t.slots, t.shortSize = make([]termSlot, shortSize+longSize), shortSize
	t.moved = make([]uint32, len(old))
	for i := range old {
		s := &old[i]
		if s.meta == 0 {
			continue
		}
		base, mask := uint32(0), uint32(shortSize-1)
		if i >= oldShort {
			base, mask = uint32(shortSize), uint32(longSize-1)
		}
		j := hashKey(t.key(uint32(s.meta)-1)) & mask
		for t.slots[base+j].meta != 0 {
			j = (j + 1) & mask
		}
		t.slots[base+j] = *s
		t.moved[i] = base + j
	}
	return t.moved[ref]
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
