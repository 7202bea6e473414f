package cache

import (
	"encoding/binary"
	"errors"
	"math"
)

// writer appends the numbers and strings of the format to a buffer.
type writer struct{ b []byte }

func (w *writer) uvarint(v uint64) { w.b = binary.AppendUvarint(w.b, v) }
func (w *writer) varint(v int64)   { w.b = binary.AppendVarint(w.b, v) }
func (w *writer) int(v int)        { w.varint(int64(v)) }
func (w *writer) uint32(v uint32)  { w.b = binary.LittleEndian.AppendUint32(w.b, v) }

func (w *writer) bool(v bool) {
	if v {
		w.b = append(w.b, 1)
	} else {
		w.b = append(w.b, 0)
	}
}

func (w *writer) str(s string) {
	w.uvarint(uint64(len(s)))
	w.b = append(w.b, s...)
}

// errCorrupt is what a reader gives for bytes that are not what the format
// says: a cache that is damaged, or not one of ours.
var errCorrupt = errors.New("corrupt")

// reader reads what a writer wrote from a string, whose substrings become
// the strings read (no copies). After the first fault every read gives zero
// and err stays set, so a decoder checks once at the end of a record.
type reader struct {
	s   string
	err error
}

func (r *reader) fail() { r.err = errCorrupt }

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	var v uint64
	for i := 0; i < len(r.s) && i < binary.MaxVarintLen64; i++ {
		c := r.s[i]
		v |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			r.s = r.s[i+1:]
			return v
		}
	}
	r.fail()
	return 0
}

func (r *reader) varint() int64 {
	u := r.uvarint()
	return int64(u>>1) ^ -int64(u&1)
}

// int reads a number that must fit in 32 bits: every line, level and index
// of a note does.
func (r *reader) int() int {
	v := r.varint()
	if v < math.MinInt32 || v > math.MaxInt32 {
		r.fail()
		return 0
	}
	return int(v)
}

func (r *reader) bool() bool {
	if r.err != nil || len(r.s) == 0 || r.s[0] > 1 {
		r.fail()
		return false
	}
	v := r.s[0] == 1
	r.s = r.s[1:]
	return v
}

func (r *reader) str() string {
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.s)) {
		r.fail()
		return ""
	}
	s := r.s[:n]
	r.s = r.s[n:]
	return s
}

// count reads the length of a list whose items take at least size bytes
// each, so that no count asks for more room than the bytes left could
// fill: what bounds a decoder's allocations whatever the bytes.
func (r *reader) count(size int) int {
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.s)/size) {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *reader) byte() byte {
	if r.err != nil || len(r.s) == 0 {
		r.fail()
		return 0
	}
	c := r.s[0]
	r.s = r.s[1:]
	return c
}

func (r *reader) uint32() uint32 {
	if r.err != nil || len(r.s) < 4 {
		r.fail()
		return 0
	}
	v := binary.LittleEndian.Uint32([]byte(r.s[:4]))
	r.s = r.s[4:]
	return v
}
