package search

import (
	"encoding/binary"
	"slices"
	"strings"
	"sync"

	"tubenotes/model/cores"
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
	return cursor{p: ix.postings(id), note: -1}
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

// skip passes over the current note's occurrences: two varints each.
func (c *cursor) skip() {
	k, want := 0, 2*c.count
	for i := 0; i < len(c.p); i++ {
		if c.p[i] < 0x80 {
			k++
			if k == want {
				c.p = c.p[i+1:]
				return
			}
		}
	}
	c.p = nil
}

// read appends the current note's occurrences to dst. One-byte varints,
// most line codes and many positions, are decoded inline.
func (c *cursor) read(dst []occurrence) []occurrence {
	pos, code := uint32(0), uint32(0)
	p := c.p
	for k := 0; k < c.count; k++ {
		if b := p[0]; b < 0x80 {
			pos += uint32(b)
			p = p[1:]
		} else {
			v, n := binary.Uvarint(p)
			pos += uint32(v)
			p = p[n:]
		}
		if b := p[0]; b < 0x80 {
			code += uint32(b)
			p = p[1:]
		} else {
			v, n := binary.Uvarint(p)
			code += uint32(v)
			p = p[n:]
		}
		dst = append(dst, occur(pos, code))
	}
	c.p = p
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
		ws := ix.wordNotes(w, t.PrefixAt(i))
		if set == nil {
			set = ws
		} else {
			set.and(ws)
		}
	}
	return set
}

// run is a list of occurrences in each candidate note: those of the
// candidate of rank r are occ[offs[r]:offs[r+1]], by position.
type run struct {
	offs []int32
	occ  []occurrence
}

func (u *run) at(r int) []occurrence { return u.occ[u.offs[r]:u.offs[r+1]] }

// matches are a term's positions in each candidate note, in one run per
// term id of a short prefix range (positions in order within each run, not
// across runs), else in one run. For a phrase they are the positions of its
// first word. exact counts, per candidate, occurrences of the word as
// written rather than as a prefix.
type matches struct {
	runs  []run
	exact []int32
}

// has reports whether candidate r holds the term.
func (m *matches) has(r int) bool {
	for i := range m.runs {
		if m.runs[i].offs[r] != m.runs[i].offs[r+1] {
			return true
		}
	}
	return false
}

// maxRuns is the longest prefix range read as one run per term; a longer
// one is gathered into one run, which costs a counting pass.
const maxRuns = 8

// wordMatches gathers a word's positions in the candidates; rank maps a
// note to its candidate rank, -1 for others (live of them are not). With
// sorted, the positions come in one ascending run (a phrase needs that).
func (ix *Index) wordMatches(word string, prefix, sorted bool, rank []int32, ncand, live int) matches {
	lo, hi, exact := ix.termRange(word, prefix)
	m := matches{exact: make([]int32, ncand)}
	if hi-lo <= 1 || hi-lo <= maxRuns && !sorted {
		if hi == lo {
			m.runs = []run{{offs: make([]int32, ncand+1)}}
			return m
		}
		m.runs = make([]run, hi-lo)
		cores.Each(hi-lo, func(i int) { m.runs[i] = ix.readRun(lo+i, rank, ncand, live) })
		if exact >= 0 {
			for r := range ncand {
				m.exact[r] = int32(len(m.runs[exact-lo].at(r)))
			}
		}
		return m
	}
	u := run{offs: make([]int32, ncand+1)}
	for id := lo; id < hi; id++ { // count, to lay the positions out by note
		c := ix.cursor(id)
		for c.next() {
			if r := rank[c.note]; r >= 0 {
				u.offs[r+1] += int32(c.count)
				if id == exact {
					m.exact[r] += int32(c.count)
				}
			}
			c.skip()
		}
	}
	for r := 0; r < ncand; r++ {
		u.offs[r+1] += u.offs[r]
	}
	u.occ = getOcc(int(u.offs[ncand]))[:u.offs[ncand]]
	fill := slices.Clone(u.offs[:ncand])
	for id := lo; id < hi; id++ {
		c := ix.cursor(id)
		for c.next() {
			r := rank[c.note]
			if r < 0 {
				c.skip()
				continue
			}
			got := c.read(u.occ[fill[r]:fill[r]])
			fill[r] += int32(len(got))
		}
	}
	if sorted {
		for r := 0; r < ncand; r++ {
			slices.Sort(u.at(r))
		}
	}
	m.runs = []run{u}
	return m
}

// readRun reads the positions of term id in the candidates in one pass:
// its notes come in rank order. live is the number of notes rank keeps.
func (ix *Index) readRun(id int, rank []int32, ncand, live int) run {
	// Every occurrence takes two bytes or more of postings; the room is
	// that share of them the live notes are of the vault (twice, for
	// uneven spreads), and grows if it is short. A long phrase reads
	// common words for a few notes: room for all their occurrences would
	// be most of what it allocates.
	c := ix.cursor(id)
	most := len(c.p) / 2
	u := run{offs: make([]int32, ncand+1), occ: getOcc(min(most, int(int64(most)*int64(2*live)/int64(max(len(ix.notes), 1)))+64))}
	filled := 0 // offs[:filled+1] are set
	for c.next() {
		r := int(rank[c.note])
		if r < 0 {
			c.skip()
			continue
		}
		for ; filled < r; filled++ {
			u.offs[filled+1] = int32(len(u.occ))
		}
		u.occ = c.read(u.occ)
		u.offs[r+1] = int32(len(u.occ))
		filled = r + 1
	}
	for ; filled < ncand; filled++ {
		u.offs[filled+1] = int32(len(u.occ))
	}
	return u
}

// termMatches gathers a term's positions in the candidates; for a phrase,
// the positions where all its words follow each other.
func (ix *Index) termMatches(t Term, rank []int32, ncand int) matches {
	if len(t.Words) == 1 {
		return ix.wordMatches(t.Words[0], t.PrefixAt(0), false, rank, ncand, ncand)
	}
	return ix.phraseMatches(t, rank, ncand)
}

// phraseWord is a distinct word of a phrase and where it stands in it.
type phraseWord struct {
	word    string
	prefix  bool
	offsets []uint32
	size    uint32 // postings bytes, to read the rarest first
}

// phraseMatches finds where a phrase starts in the candidates: the
// positions of its first word (with that word's line) where every word
// follows at its offset. Each distinct word's postings are read once,
// rarest first, and narrow the starts found so far; a note with no start
// left is not read again, and the search stops when none has one. So the
// work is linear in the postings read, and memory is one word's positions
// at a time, however long the phrase.
func (ix *Index) phraseMatches(t Term, rank []int32, ncand int) matches {
	var words []phraseWord
	for i, w := range t.Words {
		k := slices.IndexFunc(words, func(pw phraseWord) bool { return pw.word == w && pw.prefix == t.PrefixAt(i) })
		if k < 0 {
			lo, hi, _ := ix.termRange(w, t.PrefixAt(i))
			words = append(words, phraseWord{word: w, prefix: t.PrefixAt(i), size: ix.offs[hi] - ix.offs[lo]})
			k = len(words) - 1
		}
		words[k].offsets = append(words[k].offsets, uint32(i))
	}
	slices.SortStableFunc(words, func(a, b phraseWord) int { return int(a.size) - int(b.size) })

	live := slices.Clone(rank) // -1 once a note has no start left
	notes := make([]int32, ncand)
	for n, r := range rank {
		if r >= 0 {
			notes[r] = int32(n)
		}
	}
	var starts run
	left := ncand
	for k, pw := range words {
		w := ix.wordMatches(pw.word, pw.prefix, true, live, ncand, left).runs[0]
		offsets := pw.offsets
		if k == 0 {
			starts = shiftedRun(w, offsets[0])
			offsets = offsets[1:]
		}
		for _, off := range offsets {
			narrow(&starts, w, off)
		}
		putOcc(w.occ)
		left = 0
		for r := range ncand {
			if starts.offs[r] == starts.offs[r+1] {
				live[notes[r]] = -1
			} else {
				left++
			}
		}
		if left == 0 {
			break
		}
	}
	exact := make([]int32, ncand)
	for r := range ncand {
		exact[r] = starts.offs[r+1] - starts.offs[r]
	}
	return matches{runs: []run{starts}, exact: exact}
}

// shiftedRun is the phrase starts word occurrences w give when the word
// stands at offset off: each position moved back by off, its line kept
// (the first word's line, when off is 0).
func shiftedRun(w run, off uint32) run {
	out := run{offs: make([]int32, len(w.offs)), occ: getOcc(len(w.occ))}
	for r := range len(w.offs) - 1 {
		for _, o := range w.at(r) {
			if p := posOf(o); p >= off {
				out.occ = append(out.occ, occur(p-off, uint32(o)))
			}
		}
		out.offs[r+1] = int32(len(out.occ))
	}
	return out
}

// narrow keeps, in place, the starts s at which w has an occurrence at
// s+off; at offset 0 a start takes that occurrence's line. It merges the
// two sorted lists, or looks each start up when the starts are much fewer.
func narrow(starts *run, w run, off uint32) {
	kept := 0
	for r := range len(starts.offs) - 1 {
		from := kept
		ss, ws := starts.at(r), w.at(r)
		if len(ss)*16 < len(ws) {
			for _, s := range ss {
				if o, ok := findPos(ws, posOf(s)+off); ok {
					starts.occ[kept] = keepStart(s, o, off)
					kept++
				}
			}
		} else {
			j := 0
			for _, s := range ss {
				p := posOf(s) + off
				for j < len(ws) && posOf(ws[j]) < p {
					j++
				}
				if j < len(ws) && posOf(ws[j]) == p {
					starts.occ[kept] = keepStart(s, ws[j], off)
					kept++
				}
			}
		}
		starts.offs[r] = int32(from)
	}
	starts.offs[len(starts.offs)-1] = int32(kept)
	starts.occ = starts.occ[:kept]
}

// keepStart is start s once word occurrence o confirms it.
func keepStart(s, o occurrence, off uint32) occurrence {
	if off == 0 {
		return o
	}
	return s
}

// findPos is the occurrence at position p of occurrences sorted by
// position.
func findPos(occ []occurrence, p uint32) (occurrence, bool) {
	i, _ := slices.BinarySearch(occ, occur(p, 0))
	if i < len(occ) && posOf(occ[i]) == p {
		return occ[i], true
	}
	return 0, false
}

// occPool recycles the occurrence buffers of searches: they are the bulk
// of what a search allocates, and each GC cycle rescans the whole vault.
var occPool sync.Pool // of *[]occurrence

// getOcc is an empty occurrence buffer with room for n.
func getOcc(n int) []occurrence {
	if p, ok := occPool.Get().(*[]occurrence); ok && cap(*p) >= n {
		return (*p)[:0]
	}
	return make([]occurrence, 0, n)
}

// putOcc gives a buffer back once nothing refers to it.
func putOcc(s []occurrence) {
	if cap(s) > 0 {
		occPool.Put(&s)
	}
}

// release gives back the buffers of matches.
func (m *matches) release() {
	for _, u := range m.runs {
		putOcc(u.occ)
	}
}
