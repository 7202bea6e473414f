package search

import (
	"slices"
	"sort"
	"strings"

	"tubenotes/model"
)

// Hit is one line of a note where a term of the query matches. A note whose
// only match is in its title gets one hit, on its frontmatter title line
// (or line 1).
type Hit struct {
	Note *model.Note
	Line int
}

// Result is the answer to a query: hits grouped by note, the notes in rank
// order and each note's hits in line order.
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
	maxTerms     = 64
)

// Search runs q over the index.
func (ix *Index) Search(q *Query) Result {
	if q.Empty() || len(ix.notes) == 0 {
		return Result{}
	}
	terms := q.Terms
	if len(terms) > maxTerms {
		terms = terms[:maxTerms]
	}
	cand := ix.filter(q)
	for _, t := range terms {
		if cand.empty() {
			return Result{}
		}
		cand.and(ix.termNotes(t))
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
				if len(m.at(r)) > 0 {
					cand[n>>6] &^= 1 << (uint(n) & 63)
				}
			}
		}
	}
	if len(q.Excludes) > 0 {
		rank, notes = ix.ranks(cand)
	}
	found := make([]matches, len(terms))
	for i, t := range terms {
		found[i] = ix.termMatches(t, rank, len(notes))
	}
	type scored struct {
		note  int32
		score int
		lines []int32
	}
	var ranked []scored
	var lines []int32
	total := 0
	for r, n := range notes {
		s, ls, ok := ix.score(n, r, found, lines[:0])
		if !ok {
			continue
		}
		lines = ls
		ranked = append(ranked, scored{note: n, score: s, lines: slices.Clone(ls)})
		total += len(ls)
	}
	sort.SliceStable(ranked, func(i, j int) bool { return ranked[i].score > ranked[j].score })
	res := Result{Hits: make([]Hit, 0, total), Notes: len(ranked)}
	for _, sc := range ranked {
		note := ix.notes[sc.note]
		for _, l := range sc.lines {
			res.Hits = append(res.Hits, Hit{Note: note, Line: int(l)})
		}
	}
	return res
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
// words in order, the last one as a prefix when the term allows.
func titleHas(title string, t Term) bool {
	want := strings.Join(t.Words, " ")
	for i := 0; ; {
		j := strings.Index(title[i:], want)
		if j < 0 {
			return false
		}
		at := i + j
		end := at + len(want)
		if (at == 0 || title[at-1] == ' ') && (t.Prefix || end == len(title) || title[end] == ' ') {
			return true
		}
		i = at + 1
	}
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

// score ranks candidate r (note n) and lists its hit lines into lines. It
// reports false when a term has no match in it (a phrase whose words are
// all there, but apart).
func (ix *Index) score(n int32, r int, found []matches, lines []int32) (int, []int32, bool) {
	d := &ix.docs[n]
	note := ix.notes[n]
	if len(found) == 0 { // filters alone: the note itself is the hit
		return 0, append(lines, d.titleLine), true
	}
	score := 0
	var marks []uint64 // line<<6 | term, to find lines holding every term
	for i := range found {
		ps := found[i].at(r)
		if len(ps) == 0 {
			return 0, nil, false
		}
		if found[i].exact[r] > 0 {
			score += exactScore
		}
		inTitle, inHeading, body := false, false, 0
		li := 0
		for _, p := range ps {
			if p < d.titleEnd {
				inTitle = true
				continue
			}
			for li+1 < len(d.lineStart) && d.lineStart[li+1] <= p {
				li++
			}
			line := d.firstLine + int32(li)
			if isHeading(note, int(line)) {
				inHeading = true
			} else {
				body++
			}
			if len(found) > 1 {
				marks = append(marks, uint64(line)<<6|uint64(i))
			} else if len(lines) == 0 || lines[len(lines)-1] != line {
				lines = append(lines, line)
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
	if len(found) > 1 {
		slices.Sort(marks)
		near := 0
		for k := 0; k < len(marks); {
			line := marks[k] >> 6
			var mask uint64
			for ; k < len(marks) && marks[k]>>6 == line; k++ {
				mask |= 1 << (marks[k] & 63)
			}
			lines = append(lines, int32(line))
			if mask == uint64(1)<<len(found)-1 { // 1<<64 is 0, so 64 terms give all ones
				near++
			}
		}
		score += nearScore * min(near, nearCap)
	}
	if len(lines) == 0 { // every match is in the title
		lines = append(lines, d.titleLine)
	}
	return score, lines, true
}

func isHeading(n *model.Note, line int) bool {
	i := n.SectionAt(line)
	return i >= 0 && n.Sections[i].Line == line
}
