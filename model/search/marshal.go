package search

import (
	"encoding/binary"
	"errors"
	"math"
	"unsafe"

	"tubenotes/model"
)

// The index's data, as AppendBinary writes it (all numbers unsigned
// varints, strings as length then bytes); AppendParts writes the same head
// and the postings in blocks, which Open reads:
//
//	notes  count, then per note: lines, firstLine, titleEnd, titleLine, channel, title
//	terms  count, then per term: bytes shared with the previous term, the rest
//	offs   per term, its postings' length
//	post   the postings arena, as it is
//
// A change to the index's structures must change this layout and the cache
// format version that wraps it (loader/cache).

// AppendBinary appends the index's data to b, without its notes: the
// index's canonical form, which two indexes of the same notes share byte
// for byte whatever way they were made (built, opened, patched). Postings
// the index reads on demand are read (see Err).
func (ix *Index) AppendBinary(b []byte) []byte {
	s := ix.settled()
	b = s.appendHead(b)
	if s.post != nil {
		return append(b, s.post...)
	}
	for id := range s.terms {
		b = append(b, s.postings(id)...)
	}
	if err := s.Err(); err != nil {
		ix.fail.set(err)
	}
	return b
}

// appendHead appends the notes, terms and postings lengths of the layout
// above: all but the postings.
func (ix *Index) appendHead(b []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(ix.docs)))
	for _, d := range ix.docs {
		b = binary.AppendUvarint(b, uint64(d.lines))
		b = binary.AppendUvarint(b, uint64(d.firstLine))
		b = binary.AppendUvarint(b, uint64(d.titleEnd))
		b = binary.AppendUvarint(b, uint64(d.titleLine))
		b = appendString(b, d.channel)
		b = appendString(b, d.title)
	}
	b = binary.AppendUvarint(b, uint64(len(ix.terms)))
	prev := ""
	for _, t := range ix.terms {
		shared := commonPrefix(prev, t)
		b = binary.AppendUvarint(b, uint64(shared))
		b = appendString(b, t[shared:])
		prev = t
	}
	for i := range ix.terms {
		b = binary.AppendUvarint(b, uint64(ix.offs[i+1]-ix.offs[i]))
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// ErrBadIndex is the error of Open on data that is not an index of the
// notes given.
var ErrBadIndex = errors.New("not a valid search index")

// decodeHead reads the notes and the terms of the layout above, checking
// every count against the bytes left.
func decodeHead(r *indexReader, notes []*model.Note) (*Index, error) {
	budget := 8*r.left() + 4096
	count := r.count(6) // a note takes six bytes or more
	if r.bad || count != len(notes) {
		return nil, ErrBadIndex
	}
	ix := &Index{notes: notes, docs: make([]doc, count)}
	for i := range ix.docs {
		d := &ix.docs[i]
		d.lines, d.firstLine = r.int32(), r.int32()
		d.titleEnd, d.titleLine = uint32(r.int32()), r.int32()
		d.channel, d.title = r.str(), r.str()
		if d.firstLine != int32(max(notes[i].BodyLine, 1)) || d.titleLine < 1 || d.titleLine > max(d.firstLine-1, 1) || d.lines > math.MaxInt32-d.firstLine {
			r.bad = true // not built from this note: its title is on line 1 or in its frontmatter, its lines are numbered in an int32
		}
	}
	nterms := r.count(2) // a shared length and a suffix length
	if r.bad {
		return nil, ErrBadIndex
	}
	ix.terms = make([]string, nterms)
	// A term sharing bytes with the one before it is written whole in
	// arena, whose bytes never change once written (a grown arena leaves
	// the old array to the terms that point into it): one allocation for
	// them all rather than one each. Shared bytes are copied, so a run of
	// terms each sharing all of the one before would cost the square of
	// the data: the terms' total size is bounded instead.
	arena := make([]byte, 0, min(r.left(), 16*nterms)) // not the postings' bytes, which may follow
	prev := ""
	for i := range ix.terms {
		shared := r.uvarint()
		suffix := r.str()
		budget -= int(shared)
		if r.bad || shared > uint64(len(prev)) || budget < 0 {
			return nil, ErrBadIndex
		}
		term := suffix
		if shared > 0 {
			if len(arena)+int(shared)+len(suffix) > cap(arena) {
				arena = make([]byte, 0, max(2*cap(arena), int(shared)+len(suffix)))
			}
			start := len(arena)
			arena = append(arena, prev[:shared]...)
			arena = append(arena, suffix...)
			term = unsafe.String(&arena[start], len(arena)-start)
		}
		if suffix == "" || i > 0 && prev >= term {
			return nil, ErrBadIndex // terms are distinct, sorted, and not empty
		}
		ix.terms[i], prev = term, term
	}
	return ix, nil
}

// postingsValid reports whether p, the postings of a term, holds only
// whole varints, note numbers rising within docs, and positions and lines
// each note has.
func postingsValid(p []byte, docs []doc) bool {
	// next reads the varint at p[i:]; one byte, most of them, inline.
	next := func(i int) (uint64, int) {
		if i < len(p) && p[i] < 0x80 {
			return uint64(p[i]), i + 1
		}
		v, n := binary.Uvarint(p[i:])
		if n <= 0 {
			return 0, -1
		}
		return v, i + n
	}
	note := int64(-1)
	for i := 0; i < len(p); {
		d, i1 := next(i)
		if i1 < 0 {
			return false
		}
		count, i2 := next(i1)
		if d > uint64(len(docs)) { // and so note can't wrap
			return false
		}
		note += int64(d)
		if i2 < 0 || d == 0 || note >= int64(len(docs)) || count == 0 || count > uint64(len(p)) {
			return false
		}
		i = i2
		lines := uint64(docs[note].lines)
		code := uint64(0)
		for range count {
			_, i = next(i) // a position: any value searches safely
			if i < 0 {
				return false
			}
			var dc uint64
			dc, i = next(i)
			code += dc
			if i < 0 || code > 1<<32-1 || code != 0 && code>>1 >= lines {
				return false
			}
		}
	}
	return true
}

// indexReader reads the numbers and strings of a serialized index; after
// the first fault every read gives zero and bad stays set.
type indexReader struct {
	s   string
	bad bool
}

func (r *indexReader) left() int { return len(r.s) }

func (r *indexReader) uvarint() uint64 {
	if r.bad {
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
	r.bad = true
	return 0
}

func (r *indexReader) int32() int32 {
	v := r.uvarint()
	if v > 1<<31-1 {
		r.bad = true
		return 0
	}
	return int32(v)
}

// count reads a number of items each taking at least size bytes, so no
// count can ask for more than the bytes left could hold.
func (r *indexReader) count(size int) int {
	v := r.uvarint()
	if v > uint64(len(r.s)/size) {
		r.bad = true
		return 0
	}
	return int(v)
}

func (r *indexReader) str() string {
	n := r.uvarint()
	if r.bad || n > uint64(len(r.s)) {
		r.bad = true
		return ""
	}
	s := r.s[:n]
	r.s = r.s[n:]
	return s
}
