package search

import (
	"encoding/binary"
	"slices"
	"strings"
)

// termRange is the range of dictionary ids a word matches: the word alone,
// or every term it begins when prefix is set. exact is the id of the word
// itself, -1 when it is not a term.
func (ix *Index) termRange(word string, prefix bool) (lo, hi, exact int) {
	lo, found := slices.BinarySearch(ix.terms, word)
	exact = -1
	if found {
		exact = lo
	}
	if !prefix {
		if found {
			return lo, lo + 1, exact
		}
		return lo, lo, exact
	}
	hi = lo
	for hi < len(ix.terms) && strings.HasPrefix(ix.terms[hi], word) {
		hi++
		if hi-lo > 64 { // a long run: find its end by bisection
			hi = lo + sortFind(len(ix.terms)-lo, func(k int) bool { return !strings.HasPrefix(ix.terms[lo+k], word) })
			break
		}
	}
	return lo, hi, exact
}

// sortFind is the smallest k in [0,n) for which f is true, n if none; f
// must be false then true.
func sortFind(n int, f func(int) bool) int {
	lo, hi := 0, n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if !f(m) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// cursor walks the postings of one term.
type cursor struct {
	p     []byte
	note  int32
	count int
}

func (ix *Index) cursor(id int) cursor {
	return cursor{p: ix.post[ix.offs[id]:ix.offs[id+1]], note: -1}
}

// next moves to the next note holding the term, leaving its positions
// unread; it reports false at the end.
func (c *cursor) next() bool {
	if len(c.p) == 0 {
		return false
	}
	d, n := binary.Uvarint(c.p)
	cnt, m := binary.Uvarint(c.p[n:])
	c.p = c.p[n+m:]
	c.note += int32(d)
	c.count = int(cnt)
	return true
}

// skip passes over the current note's positions.
func (c *cursor) skip() {
	k := 0
	for i := 0; i < len(c.p); i++ {
		if c.p[i] < 0x80 {
			k++
			if k == c.count {
				c.p = c.p[i+1:]
				return
			}
		}
	}
	c.p = nil
}

// read appends the current note's positions to dst.
func (c *cursor) read(dst []uint32) []uint32 {
	pos := uint32(0)
	for k := 0; k < c.count; k++ {
		d, n := binary.Uvarint(c.p)
		c.p = c.p[n:]
		pos += uint32(d)
		dst = append(dst, pos)
	}
	return dst
}

// bitset is a set of note numbers.
type bitset []uint64

func newBitset(n int) bitset { return make(bitset, (n+63)/64) }

func (b bitset) set(i int32)      { b[i>>6] |= 1 << (uint(i) & 63) }
func (b bitset) has(i int32) bool { return b[i>>6]&(1<<(uint(i)&63)) != 0 }

func (b bitset) and(o bitset) {
	for i := range b {
		b[i] &= o[i]
	}
}

func (b bitset) andNot(o bitset) {
	for i := range b {
		b[i] &^= o[i]
	}
}

func (b bitset) empty() bool {
	for _, w := range b {
		if w != 0 {
			return false
		}
	}
	return true
}

// wordNotes is the set of notes holding a word.
func (ix *Index) wordNotes(word string, prefix bool) bitset {
	set := newBitset(len(ix.notes))
	lo, hi, _ := ix.termRange(word, prefix)
	for id := lo; id < hi; id++ {
		c := ix.cursor(id)
		for c.next() {
			set.set(c.note)
			c.skip()
		}
	}
	return set
}

// termNotes is a superset of the notes holding a term: those holding all
// its words. Phrases are checked later, on positions.
func (ix *Index) termNotes(t Term) bitset {
	var set bitset
	for i, w := range t.Words {
		ws := ix.wordNotes(w, t.Prefix && i == len(t.Words)-1)
		if set == nil {
			set = ws
		} else {
			set.and(ws)
		}
	}
	return set
}

// matches are a term's positions in each candidate note: the positions of
// the candidate of rank r are pos[offs[r]:offs[r+1]], ascending. For a
// phrase they are the positions of its first word. exact counts, per
// candidate, occurrences of the word as written rather than as a prefix.
type matches struct {
	offs  []int32
	pos   []uint32
	exact []int32
}

func (m *matches) at(r int) []uint32 { return m.pos[m.offs[r]:m.offs[r+1]] }

// wordMatches gathers a word's positions in the candidates; rank maps a
// note to its candidate rank, -1 for others.
func (ix *Index) wordMatches(word string, prefix bool, rank []int32, ncand int) matches {
	lo, hi, exact := ix.termRange(word, prefix)
	m := matches{offs: make([]int32, ncand+1), exact: make([]int32, ncand)}
	for id := lo; id < hi; id++ { // count, to lay the positions out by note
		c := ix.cursor(id)
		for c.next() {
			if r := rank[c.note]; r >= 0 {
				m.offs[r+1] += int32(c.count)
				if id == exact {
					m.exact[r] += int32(c.count)
				}
			}
			c.skip()
		}
	}
	for r := 0; r < ncand; r++ {
		m.offs[r+1] += m.offs[r]
	}
	m.pos = make([]uint32, m.offs[ncand])
	fill := slices.Clone(m.offs[:ncand])
	for id := lo; id < hi; id++ {
		c := ix.cursor(id)
		for c.next() {
			r := rank[c.note]
			if r < 0 {
				c.skip()
				continue
			}
			got := c.read(m.pos[fill[r]:fill[r]])
			fill[r] += int32(len(got))
		}
	}
	if hi-lo > 1 {
		for r := 0; r < ncand; r++ {
			slices.Sort(m.at(r))
		}
	}
	return m
}

// termMatches gathers a term's positions in the candidates; for a phrase,
// the positions where all its words follow each other.
func (ix *Index) termMatches(t Term, rank []int32, ncand int) matches {
	last := len(t.Words) - 1
	first := ix.wordMatches(t.Words[0], t.Prefix && last == 0, rank, ncand)
	if last == 0 {
		return first
	}
	rest := make([]matches, last)
	for i := range rest {
		rest[i] = ix.wordMatches(t.Words[i+1], t.Prefix && i+1 == last, rank, ncand)
	}
	out := matches{offs: make([]int32, ncand+1), exact: make([]int32, ncand)}
	for r := 0; r < ncand; r++ {
		for _, p := range first.at(r) {
			ok := true
			for i := range rest {
				if _, found := slices.BinarySearch(rest[i].at(r), p+uint32(i)+1); !found {
					ok = false
					break
				}
			}
			if ok {
				out.pos = append(out.pos, p)
			}
		}
		out.offs[r+1] = int32(len(out.pos))
		out.exact[r] = out.offs[r+1] - out.offs[r]
	}
	return out
}
