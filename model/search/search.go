package search

import (
	"math"
	"math/bits"
	"runtime"
	"slices"
	"strings"

	"tubenotes/model"
	"tubenotes/model/cores"
)

// Hit is one line of a note where a term of the query matches. A note whose
// only match is in its title gets one hit, on its frontmatter title line
// (or line 1).
type Hit struct {
	Note *model.Note
	Line int
}

// Result is the answer to a query: hits grouped by note, the notes in rank
// order; within a note, the lines holding the most terms of the query come
// first, then line order.
type Result struct {
	Hits  []Hit
	Notes int // notes with at least one hit
}

// Ranking, per note, summed over the query's terms: a term in the title
// scores titleScore, in a heading headingScore, and each body occurrence
// one point up to bodyCap; a term found as a whole word (not only as the
// start of a longer one) adds exactScore. With two terms or more, each line
// holding all of them adds nearScore, up to nearCap lines. Ties keep the
// order the notes were given in (the vault's path order).
const (
	titleScore   = 100
	headingScore = 40
	bodyCap      = 20
	exactScore   = 15
	nearScore    = 25
	nearCap      = 3
)

// Search runs q over the index.
func (ix *Index) Search(q *Query) Result {
	if q.Empty() || len(ix.notes) == 0 {
		return Result{}
	}
	terms := q.Terms
	if len(terms) > MaxTerms { // a Query not made by Parse; score's masks hold 64
		terms = terms[:MaxTerms]
	}
	cand := ix.filter(q)
	if len(terms) > 1 || len(terms) == 1 && len(terms[0].Words) > 1 {
		// Narrow to the notes holding the rarest word before reading
		// positions: one cheap pass that spares decoding the positions of
		// common words in notes that can't match.
		cand.and(ix.wordNotes(ix.rarest(terms)))
	}
	for _, t := range q.Excludes {
		if len(t.Words) == 1 {
			cand.andNot(ix.termNotes(t))
		}
	}
	rank, notes := ix.ranks(cand)
	if len(notes) == 0 {
		return Result{}
	}
	for _, t := range q.Excludes {
		if len(t.Words) > 1 { // a phrase: drop only the notes that have it
			m := ix.termMatches(t, rank, len(notes))
			for r, n := range notes {
				if m.has(r) {
					cand[n>>6] &^= 1 << (uint(n) & 63)
				}
			}
			m.release()
		}
	}
	if len(q.Excludes) > 0 {
		rank, notes = ix.ranks(cand)
	}
	found := make([]matches, len(terms))
	cores.Each(len(terms), func(i int) { found[i] = ix.termMatches(terms[i], rank, len(notes)) })

	// Score the candidates in as many parts as there are cores. A note has
	// at most one hit line an occurrence, or one for its title.
	occurrences := 0
	for i := range found {
		for _, u := range found[i].runs {
			occurrences += len(u.occ)
		}
	}
	parts := make([]part, min(runtime.GOMAXPROCS(0), len(notes)))
	cores.Each(len(parts), func(w int) {
		p := &parts[w]
		p.lines = make([]int32, 0, (occurrences+len(notes))/len(parts)+64)
		p.ranked = make([]scored, 0, len(notes)/len(parts)+1)
		masks := lineMasks{dense: make([]uint64, 256)}
		scratch := make([]uint32, 0, 256)
		for r := w * len(notes) / len(parts); r < (w+1)*len(notes)/len(parts); r++ {
			n := notes[r]
			masks.fit(int(ix.docs[n].lines))
			from := len(p.lines)
			s, ls, ok := ix.score(n, r, found, &masks, scratch, p.lines)
			if !ok {
				continue
			}
			p.lines = ls
			p.ranked = append(p.ranked, scored{note: n, score: int32(s), part: int32(w), from: int32(from), to: int32(len(ls))})
		}
	})
	for i := range found {
		found[i].release()
	}
	var ranked []scored
	hits := 0
	for _, p := range parts {
		ranked = append(ranked, p.ranked...)
		hits += len(p.lines)
	}
	// Sort keys: score descending, then the order of ranked, which is note
	// order; plain integers sort several times faster than structs.
	keys := make([]uint64, len(ranked))
	for i, sc := range ranked {
		keys[i] = uint64(math.MaxInt32-sc.score)<<32 | uint64(i)
	}
	slices.Sort(keys)
	// Lay the hits out in rank order, in as many parts as there are cores.
	starts := make([]int, len(keys)+1)
	for i, k := range keys {
		sc := ranked[uint32(k)]
		starts[i+1] = starts[i] + int(sc.to-sc.from)
	}
	res := Result{Hits: make([]Hit, hits), Notes: len(ranked)}
	cores.Each(len(parts), func(w int) {
		for i := w * len(keys) / len(parts); i < (w+1)*len(keys)/len(parts); i++ {
			sc := ranked[uint32(keys[i])]
			note := ix.notes[sc.note]
			out := res.Hits[starts[i]:starts[i+1]]
			for j, l := range parts[sc.part].lines[sc.from:sc.to] {
				out[j] = Hit{Note: note, Line: int(l)}
			}
		}
	})
	return res
}

// part is the scoring of one run of candidates.
type part struct {
	ranked []scored
	lines  []int32
}

// scored is a note's rank and its hit lines, lines[from:to] of a buffer
// shared by the notes of one part.
type scored struct {
	note, score, part, from, to int32
}

// rarest is the word of terms with the fewest postings bytes, and whether
// it is matched as a prefix.
func (ix *Index) rarest(terms []Term) (string, bool) {
	best, prefix, size := "", false, -1
	for _, t := range terms {
		for i, w := range t.Words {
			p := t.PrefixAt(i)
			lo, hi, _ := ix.termRange(w, p)
			if n := int(ix.offs[hi] - ix.offs[lo]); size < 0 || n < size {
				best, prefix, size = w, p, n
			}
		}
	}
	return best, prefix
}

// filter is the set of notes passing the channel and title filters.
func (ix *Index) filter(q *Query) bitset {
	set := newBitset(len(ix.notes))
	for i := range ix.docs {
		d := &ix.docs[i]
		if passes(d, q) {
			set.set(int32(i))
		}
	}
	return set
}

func passes(d *doc, q *Query) bool {
	if len(q.Channels) > 0 && !slices.ContainsFunc(q.Channels, func(c string) bool { return strings.Contains(d.channel, c) }) {
		return false
	}
	if slices.ContainsFunc(q.NotChannels, func(c string) bool { return strings.Contains(d.channel, c) }) {
		return false
	}
	for _, t := range q.Titles {
		if !titleHas(d.title, t) {
			return false
		}
	}
	for _, t := range q.NotTitles {
		if titleHas(d.title, t) {
			return false
		}
	}
	return true
}

// titleHas reports whether the space-joined folded title holds the term's
// words in order, each whole, or as a prefix where the term allows.
func titleHas(title string, t Term) bool {
	for start := 0; start < len(title); {
		if titleHasAt(title[start:], t) {
			return true
		}
		next := strings.IndexByte(title[start:], ' ')
		if next < 0 {
			return false
		}
		start += next + 1
	}
	return false
}

// titleHasAt reports whether the term's words start title.
func titleHasAt(title string, t Term) bool {
	for i, w := range t.Words {
		word, rest, _ := strings.Cut(title, " ")
		if word != w && !(t.PrefixAt(i) && strings.HasPrefix(word, w)) {
			return false
		}
		title = rest
	}
	return true
}

// ranks numbers the notes of set in path order: rank[note] is its rank or
// -1, and notes lists them by rank.
func (ix *Index) ranks(set bitset) (rank []int32, notes []int32) {
	rank = make([]int32, len(ix.notes))
	for i := range rank {
		if set.has(int32(i)) {
			rank[i] = int32(len(notes))
			notes = append(notes, int32(i))
		} else {
			rank[i] = -1
		}
	}
	return rank, notes
}

// score ranks candidate r (note n) and appends its hit lines to lines. It
// reports false when a term has no match in it (a phrase whose words are
// all there, but apart). masks is zeroed scratch fit to the note, and is
// left zeroed; scratch is room for the lines touched.
func (ix *Index) score(n int32, r int, found []matches, masks *lineMasks, scratch []uint32, lines []int32) (int, []int32, bool) {
	d := &ix.docs[n]
	if len(found) == 0 { // filters alone: the note itself is the hit
		return 0, append(lines, d.titleLine), true
	}
	for i := range found {
		if !found[i].has(r) {
			return 0, lines, false
		}
	}
	score := 0
	touched := scratch[:0] // lines with a match, by index from BodyLine
	for i := range found {
		if found[i].exact[r] > 0 {
			score += exactScore
		}
		inTitle, inHeading, body := false, false, 0
		for u := range found[i].runs {
			for _, o := range found[i].runs[u].at(r) {
				if posOf(o) < d.titleEnd {
					inTitle = true
					continue
				}
				code := uint32(o)
				li := code >> 1
				if code&1 != 0 {
					inHeading = true
				} else {
					body++
				}
				if masks.add(li, 1<<uint(i)) {
					touched = append(touched, li)
				}
			}
		}
		if inTitle {
			score += titleScore
		}
		if inHeading {
			score += headingScore
		}
		score += min(body, bodyCap)
	}
	all := uint64(1)<<len(found) - 1 // 1<<64 is 0, so 64 terms give all ones
	near, before := 0, len(lines)
	if len(found) > 1 && d.lines < 1<<25 {
		// Lines holding more of the terms first, then in line order.
		for k, li := range touched {
			touched[k] = uint32(64-bits.OnesCount64(masks.get(li)))<<25 | li
		}
		slices.Sort(touched)
		for k := range touched {
			touched[k] &= 1<<25 - 1
		}
	} else if len(found) > 1 || len(found[0].runs) > 1 {
		slices.Sort(touched) // one run of positions touches lines in order
	}
	for _, li := range touched {
		if masks.get(li) == all {
			near++
		}
		masks.clear(li)
		lines = append(lines, d.firstLine+int32(li))
	}
	if len(found) > 1 {
		score += nearScore * min(near, nearCap)
	}
	if len(lines) == before { // every match is in the title
		lines = append(lines, d.titleLine)
	}
	return score, lines, true
}

// lineMasks is, per body line of a note, the query terms found on it: one
// word a line, or a map for a note longer than maxDenseLines lines (so
// that no note, nor a damaged cache's claim of one, costs memory beyond
// its matches).
type lineMasks struct {
	dense  []uint64
	sparse map[uint32]uint64 // when not nil, in use instead of dense
}

const maxDenseLines = 1 << 20

// fit readies m for a note of lines body lines.
func (m *lineMasks) fit(lines int) {
	m.sparse = nil
	switch {
	case lines > maxDenseLines:
		m.sparse = map[uint32]uint64{}
	case lines > len(m.dense):
		m.dense = make([]uint64, lines)
	}
}

// add sets bit on line li and reports whether the line had none before.
func (m *lineMasks) add(li uint32, bit uint64) bool {
	if m.sparse != nil {
		was := m.sparse[li]
		m.sparse[li] = was | bit
		return was == 0
	}
	was := m.dense[li]
	m.dense[li] = was | bit
	return was == 0
}

func (m *lineMasks) get(li uint32) uint64 {
	if m.sparse != nil {
		return m.sparse[li]
	}
	return m.dense[li]
}

func (m *lineMasks) clear(li uint32) {
	if m.sparse == nil {
		m.dense[li] = 0
	}
}
