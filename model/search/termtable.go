package search

// termTable numbers distinct folded terms in the order they first come:
// an open-addressing hash table over one arena of the terms' bytes, so
// that a lookup allocates nothing and a new term costs no string. The
// builder computes a word's hash (hashStep from hashSeed) as it scans the
// word; lookups are most of an index build.
type termTable struct {
	slots []uint64 // a term's hash<<32 | its number+1; 0 when free
	keys  []byte   // the terms' bytes, one after another
	ends  []uint32 // term i is keys[ends[i]:ends[i+1]]; ends[0] is 0
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
	return &termTable{slots: make([]uint64, n), ends: []uint32{0}}
}

// len is the number of terms.
func (t *termTable) len() int { return len(t.ends) - 1 }

// key is the bytes of term id; they never change.
func (t *termTable) key(id uint32) []byte { return t.keys[t.ends[id]:t.ends[id+1]] }

// id is the number of key, whose hashBytes is h, adding it when new.
func (t *termTable) id(key []byte, h uint32) uint32 {
	h = mix(h)
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return t.insert(i, key, h)
		}
		if uint32(s>>32) == h {
			id := uint32(s) - 1
			if string(t.keys[t.ends[id]:t.ends[id+1]]) == string(key) {
				return id
			}
		}
	}
}

func (t *termTable) insert(slot uint32, key []byte, h uint32) uint32 {
	id := uint32(t.len())
	t.keys = append(t.keys, key...)
	t.ends = append(t.ends, uint32(len(t.keys)))
	t.slots[slot] = uint64(h)<<32 | uint64(id+1)
	if 2*t.len() > len(t.slots) { // at most half full, so that probes stay short
		t.grow()
	}
	return id
}

func (t *termTable) grow() {
	old := t.slots
	t.slots = make([]uint64, 2*len(old))
	mask := uint32(len(t.slots) - 1)
	for _, s := range old {
		if s == 0 {
			continue
		}
		i := uint32(s>>32) & mask
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
	}
}
