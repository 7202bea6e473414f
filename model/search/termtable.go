package search

import "encoding/binary"

// termTable numbers distinct folded terms in the order they first come:
// an open-addressing hash table over one arena of the terms' bytes, so
// that a lookup allocates nothing and a new term costs no string. The
// builder computes a word's hash (hashStep from hashSeed) as it scans the
// word; lookups are most of an index build. A slot holds a term's first
// eight bytes, so that a short word (most are) is found without reading
// the arena.
type termTable struct {
	slots []slot
	keys  []byte   // the terms' bytes, one after another
	ends  []uint32 // term i is keys[ends[i]:ends[i+1]]; ends[0] is 0
}

// slot is a term's place in the table: tag is 24 bits of its hash, its
// length (255 for any longer), and its number+1, 0 when the slot is free;
// head is its first eight bytes, little-endian, zero-padded (a folded term
// never holds a zero byte).
type slot struct {
	tag, head uint64
}

func tagOf(h uint32, n int, id uint32) uint64 {
	return uint64(h>>8)<<40 | uint64(min(n, 255))<<32 | uint64(id+1)
}

const (
	hashSeed  = 2166136261 // FNV-1a, 32 bits
	hashPrime = 16777619
)

// hashStep adds byte c to hash h.
func hashStep(h uint32, c byte) uint32 { return (h ^ uint32(c)) * hashPrime }

// hashBytes is the hash of key, as hashStep makes it byte by byte.
func hashBytes(key []byte) uint32 {
	h := uint32(hashSeed)
	for _, c := range key {
		h = hashStep(h, c)
	}
	return h
}

// mix spreads the bits of an FNV hash, whose low bits (the slot) are weak.
func mix(h uint32) uint32 {
	h ^= h >> 16
	h *= 0x85ebca6b
	h ^= h >> 13
	return h
}

func newTermTable(slots int) *termTable {
	n := 1024
	for n < slots {
		n *= 2
	}
	return &termTable{slots: make([]slot, n), ends: []uint32{0}}
}

// len is the number of terms.
func (t *termTable) len() int { return len(t.ends) - 1 }

// key is the bytes of term id; they never change.
func (t *termTable) key(id uint32) []byte { return t.keys[t.ends[id]:t.ends[id+1]] }

// head8 is the first eight bytes of buf[start:end], zero-padded, reading
// past end (never past buf's capacity) rather than byte by byte.
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

// id is the number of key, whose hashBytes is h and head8 head, adding it
// when new.
func (t *termTable) id(key []byte, head uint64, h uint32) uint32 {
	h = mix(h)
	want := tagOf(h, len(key), 0) >> 32
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.tag == 0 {
			return t.insert(s, key, head, h)
		}
		if s.tag>>32 == want && s.head == head {
			id := uint32(s.tag) - 1
			if len(key) <= 8 || string(t.keys[t.ends[id]:t.ends[id+1]]) == string(key) {
				return id
			}
		}
	}
}

func (t *termTable) insert(s *slot, key []byte, head uint64, h uint32) uint32 {
	id := uint32(t.len())
	t.keys = append(t.keys, key...)
	t.ends = append(t.ends, uint32(len(t.keys)))
	*s = slot{tag: tagOf(h, len(key), id), head: head}
	if 2*t.len() > len(t.slots) { // at most half full, so that probes stay short
		t.grow()
	}
	return id
}

func (t *termTable) grow() {
	old := t.slots
	t.slots = make([]slot, 2*len(old))
	mask := uint32(len(t.slots) - 1)
	for _, s := range old {
		if s.tag == 0 {
			continue
		}
		id := uint32(s.tag) - 1
		i := mix(hashBytes(t.key(id))) & mask
		for t.slots[i].tag != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
	}
}
