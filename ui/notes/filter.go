package notes

import (
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"

	"tubenotes/model"
)

// target is what the filter matches for one note: its title, then its
// channel and video title, in the one string the row shows.
type target struct {
	note     *model.Note
	text     string
	titleEnd int // bytes of text that are the title
}

// targetSep separates the title from where the note lives.
const targetSep = "  "

// buildTargets walks the tree so every note gets the channel and video
// group it is listed under.
func buildTargets(t []node) []target {
	out := make([]target, 0, len(t))
	var channel, video string
	for _, n := range t {
		switch {
		case n.kind == channelRow:
			channel, video = n.label, ""
		case n.kind == videoRow:
			video = n.label
		case n.depth == 0:
			out = append(out, target{note: n.note, text: n.label, titleEnd: len(n.label)})
		default:
			where := channel
			if n.depth == 2 && video != "" {
				where += " › " + video
			}
			out = append(out, target{note: n.note, text: n.label + targetSep + where, titleEnd: len(n.label)})
		}
	}
	return out
}

// subset is a list of target indexes, in tree order, that fuzzy.Source
// reads.
type subset struct {
	ts  []target
	idx []int
}

func (s subset) String(i int) string { return s.ts[s.idx[i]].text }
func (s subset) Len() int            { return len(s.idx) }

// match is one note the filter kept, with the byte offsets of the matched
// characters in its target text.
type match struct {
	target  int
	matched []int
}

// filter ranks the targets among candidates (nil: all of them) by fuzzy
// score for query, best first; ties keep the tree order. A fuzzy match is
// a subsequence match, so a cheap subsequence test drops most targets before
// they are scored, and scoring is shared among the CPUs.
func filter(ts []target, candidates []int, query string) []match {
	query = strings.TrimSpace(query)
	if query == "" {
		return nil
	}
	pattern := []rune(query)
	n := len(candidates)
	if candidates == nil {
		n = len(ts)
	}
	parts := min(runtime.GOMAXPROCS(0), max(n/4000, 1))
	found := make([]fuzzy.Matches, parts)
	var wg sync.WaitGroup
	for p := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var kept []int
			for k := p * n / parts; k < (p+1)*n/parts; k++ {
				i := k
				if candidates != nil {
					i = candidates[k]
				}
				if subsequence(ts[i].text, pattern) {
					kept = append(kept, i)
				}
			}
			found[p] = fuzzy.FindFromNoSort(query, subset{ts, kept})
			for i := range found[p] {
				found[p][i].Index = kept[found[p][i].Index]
			}
		}()
	}
	wg.Wait()
	var all fuzzy.Matches
	for _, f := range found {
		all = append(all, f...)
	}
	sort.Stable(all)
	out := make([]match, len(all))
	for i, f := range all {
		out[i] = match{target: f.Index, matched: f.MatchedIndexes}
	}
	return out
}

// subsequence reports whether the runes of pattern appear in s in order,
// folding case as fuzzy does; it is exactly fuzzy's condition for a match.
func subsequence(s string, pattern []rune) bool {
	i := 0
	p := pattern[0]
	lower := p | 0x20 // p as a lower-case ASCII letter, when it is one
	letter := lower >= 'a' && lower <= 'z'
	for j := 0; j < len(s); {
		c := rune(s[j])
		size := 1
		var hit bool
		switch {
		case c < utf8.RuneSelf && letter:
			hit = c|0x20 == lower
		case c < utf8.RuneSelf && p < utf8.RuneSelf:
			hit = c == p
		default:
			if c >= utf8.RuneSelf {
				c, size = utf8.DecodeRuneInString(s[j:])
			}
			hit = c == p || strings.EqualFold(string(c), string(p))
		}
		j += size
		if hit {
			if i++; i == len(pattern) {
				return true
			}
			p = pattern[i]
			lower = p | 0x20
			letter = lower >= 'a' && lower <= 'z'
		}
	}
	return false
}
