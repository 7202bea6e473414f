package notes

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
	"sync"

	"tubenotes/model"
	"tubenotes/model/fuzzy"
)

// target is what the filter matches for one note: its title, then its
// channel and video title, in the one string the row shows.
type target struct {
	note *model.Note
	fuzzy.Text
	titleEnd int // bytes of the text that are the title
}

func newTarget(n *model.Note, text, lower string, titleEnd int) target {
	return target{note: n, Text: fuzzy.NewText(text, lower), titleEnd: titleEnd}
}

// targetSep separates the title from where the note lives.
const targetSep = "  "

// buildTargets walks the tree so every note gets the channel and video
// group it is listed under. The texts lie end to end in one string, and
// their lower-cased copies in another, so the filter reads memory in order.
func buildTargets(t []node) []target {
	type placed struct {
		note          *model.Note
		end, titleEnd int
	}
	var all []byte
	var ps []placed
	var channel, video string
	for _, n := range t {
		switch n.kind {
		case channelRow:
			channel, video = n.label, ""
		case videoRow:
			video = n.label
		default:
			all = append(all, n.label...)
			if n.depth > 0 {
				all = append(append(all, targetSep...), channel...)
				if n.depth == 2 && video != "" {
					all = append(append(all, " › "...), video...)
				}
			}
			ps = append(ps, placed{note: n.note, end: len(all), titleEnd: len(n.label)})
		}
	}
	text := string(all)
	lower := fuzzy.ASCIILower(text)
	out := make([]target, len(ps))
	start := 0
	for i, p := range ps {
		out[i] = newTarget(p.note, text[start:p.end], lower[start:p.end], p.titleEnd)
		start = p.end
	}
	return out
}

// match is one note the filter kept, with its fuzzy score.
type match struct {
	target int
	score  int
}

// tier is how a note's title meets the query: a title typed in full, or
// its start, ranks above any fuzzy score, so typing a channel's name puts
// its page first.
type tier uint8

const (
	exactTitle tier = iota
	titlePrefix
	fuzzyOnly
	tiers
)

// titleTier is the tier of t for a query trimmed and lower-cased (ASCII
// letters only, as fuzzy.ASCIILower does: it is called once a match).
func (t *target) titleTier(lowerQuery string) tier {
	switch title := t.Lower()[:t.titleEnd]; {
	case !strings.HasPrefix(title, lowerQuery):
		return fuzzyOnly
	case t.titleEnd == len(lowerQuery):
		return exactTitle
	}
	return titlePrefix
}

// filter ranks the targets among candidates (nil: all of them): exact
// title matches first, then titles that start with the query, then the
// rest, each by fuzzy score, best first; ties keep the tree order. A fuzzy
// match is a subsequence match, so a cheap subsequence test drops most
// targets before they are scored, and the work is shared among the CPUs.
func filter(ts []target, candidates []int, query string) []match {
	query = strings.TrimSpace(query)
	if query == "" {
		return nil
	}
	p, lowerQuery := fuzzy.NewPattern(query), fuzzy.ASCIILower(query)
	n := len(candidates)
	if candidates == nil {
		n = len(ts)
	}
	found := make([][]match, runtime.GOMAXPROCS(0))
	parts := parallel(n, func(part, from, to int) {
		for k := from; k < to; k++ {
			i := k
			if candidates != nil {
				i = candidates[k]
			}
			if !ts[i].Holds(&p) {
				continue
			}
			if sc, ok := ts[i].Score(&p, nil); ok {
				found[part] = append(found[part], match{target: i, score: sc})
			}
		}
	})
	return byTier(ts, slices.Concat(found[:parts]...), lowerQuery)
}

// byTier orders matches by the tier of their title for lowerQuery, then by
// score (see byScore). The tier is worked out here, not kept in each
// match: matches stay small, which the sorts of a big vault feel.
func byTier(ts []target, ms []match, lowerQuery string) []match {
	var count [tiers]int
	for _, m := range ms {
		count[ts[m.target].titleTier(lowerQuery)]++
	}
	if count[fuzzyOnly] == len(ms) {
		return byScore(ms) // the common case: no title starts with the query
	}
	var start, next [tiers]int
	for t := 1; t < int(tiers); t++ {
		start[t] = start[t-1] + count[t-1]
	}
	next = start
	out := make([]match, len(ms))
	for _, m := range ms { // a stable split: tree order stays within a tier
		t := ts[m.target].titleTier(lowerQuery)
		out[next[t]] = m
		next[t]++
	}
	for t := range tiers {
		part := out[start[t] : start[t]+count[t]]
		copy(part, byScore(part))
	}
	return out
}

// byScore sorts matches in tree order by score, best first, keeping tree
// order among equals. Scores mostly lie in a narrow range (a bonus of 10
// or 20 a letter, less a point a character of the text), so a counting
// sort does it in linear time; a wide range, from long adjacent runs whose
// bonuses double, takes a comparison sort.
func byScore(ms []match) []match {
	if len(ms) == 0 {
		return ms
	}
	lo, hi := ms[0].score, ms[0].score
	for _, m := range ms {
		lo, hi = min(lo, m.score), max(hi, m.score)
	}
	if uint64(hi-lo) > uint64(4*len(ms)+1024) { // unsigned: scores may wrap as fuzzy's do
		slices.SortFunc(ms, func(a, b match) int {
			return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.target, b.target))
		})
		return ms
	}
	next := make([]int, hi-lo+2) // where the next match of each score goes, by hi-score
	for _, m := range ms {
		next[hi-m.score+1]++
	}
	for i := 1; i < len(next); i++ {
		next[i] += next[i-1]
	}
	out := make([]match, len(ms))
	for _, m := range ms {
		out[next[hi-m.score]] = m
		next[hi-m.score]++
	}
	return out
}

// matchedOffsets are the byte offsets in t's text of the runes query
// matches, for highlighting a row.
func (t *target) matchedOffsets(query string) []int {
	var at []int
	p := fuzzy.NewPattern(strings.TrimSpace(query))
	t.Score(&p, &at)
	return at
}

// parallel runs work on n items split among the CPUs, in order.
func parallel(n int, work func(part, from, to int)) int {
	parts := min(runtime.GOMAXPROCS(0), max(n/4000, 1))
	var wg sync.WaitGroup
	for p := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work(p, p*n/parts, (p+1)*n/parts)
		}()
	}
	wg.Wait()
	return parts
}
