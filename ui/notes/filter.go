package notes

import (
	"runtime"
	"slices"
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
	lower    string // text with ASCII letters lower-cased
	oddFold  bool   // text holds a non-ASCII rune that folds to an ASCII letter
	titleEnd int    // bytes of text that are the title
}

func newTarget(n *model.Note, text string, titleEnd int) target {
	return target{note: n, text: text, lower: asciiLower(text), oddFold: foldsToASCII(text), titleEnd: titleEnd}
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
			out = append(out, newTarget(n.note, n.label, len(n.label)))
		default:
			where := channel
			if n.depth == 2 && video != "" {
				where += " › " + video
			}
			out = append(out, newTarget(n.note, n.label+targetSep+where, len(n.label)))
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

// scoreLimit is how many matches get a fuzzy score; beyond it (a letter
// or two typed into a big vault) the rest follow unscored, so a keystroke
// stays cheap.
const scoreLimit = 2000

// filter ranks the targets among candidates (nil: all of them) by fuzzy
// score for query, best first; ties keep the tree order. A fuzzy match is
// a subsequence match, so a cheap subsequence test drops most targets before
// they are scored, and the work is shared among the CPUs. When more than
// scoreLimit match, those holding the query as a substring (earliest first)
// are the ones scored.
func filter(ts []target, candidates []int, query string) []match {
	query = strings.TrimSpace(query)
	if query == "" {
		return nil
	}
	kept := keep(ts, candidates, newPattern(query))
	var rest []int
	if len(kept) > scoreLimit {
		kept = byEarliest(ts, kept, query)
		kept, rest = kept[:scoreLimit], kept[scoreLimit:]
		slices.Sort(kept) // tree order again, so equal scores keep it
	}
	all := score(ts, kept, query)
	out := make([]match, 0, len(all)+len(rest))
	for _, f := range all {
		out = append(out, match{target: f.Index, matched: f.MatchedIndexes})
	}
	for _, i := range rest {
		out = append(out, match{target: i})
	}
	return out
}

// byEarliest orders kept by where the query first appears in each target,
// those holding it only as a subsequence last and shortest first; ties
// keep the order of kept. Each key goes above its index in one integer, so
// one plain sort does it.
func byEarliest(ts []target, kept []int, query string) []int {
	lq := asciiLower(query)
	order := make([]uint64, len(kept))
	parallel(len(kept), func(_, from, to int) {
		for k := from; k < to; k++ {
			t := &ts[kept[k]]
			key := 1<<20 + len(t.text)
			if at := strings.Index(t.lower, lq); at >= 0 {
				key = at
			}
			order[k] = uint64(key)<<32 | uint64(k)
		}
	})
	slices.Sort(order)
	out := make([]int, len(kept))
	for k, o := range order {
		out[k] = kept[uint32(o)]
	}
	return out
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

// pattern is a query made ready for the subsequence test.
type pattern struct {
	runes []rune
	lower string // the query with ASCII letters lower-cased
	ascii bool
}

func newPattern(query string) pattern {
	return pattern{runes: []rune(query), lower: asciiLower(query), ascii: isASCII(query)}
}

// holds reports whether t holds p as a subsequence, as fuzzy folds case.
// An ASCII query can only match ASCII letters (bar two odd runes), so it is
// matched byte by byte in lower, each byte found with a fast IndexByte.
func (t *target) holds(p pattern) bool {
	if t.oddFold || !p.ascii {
		return subsequence(t.text, p.runes)
	}
	s := t.lower
	for i := 0; i < len(p.lower); i++ {
		at := strings.IndexByte(s, p.lower[i])
		if at < 0 {
			return false
		}
		s = s[at+1:]
	}
	return true
}

// keep is the candidates (nil: all targets) that hold p as a subsequence,
// in order.
func keep(ts []target, candidates []int, p pattern) []int {
	n := len(candidates)
	if candidates == nil {
		n = len(ts)
	}
	kept := make([][]int, runtime.GOMAXPROCS(0))
	parts := parallel(n, func(part, from, to int) {
		for k := from; k < to; k++ {
			i := k
			if candidates != nil {
				i = candidates[k]
			}
			if ts[i].holds(p) {
				kept[part] = append(kept[part], i)
			}
		}
	})
	var out []int
	for _, k := range kept[:parts] {
		out = append(out, k...)
	}
	return out
}

// score ranks the targets in kept by fuzzy score, best first.
func score(ts []target, kept []int, query string) fuzzy.Matches {
	found := make([]fuzzy.Matches, runtime.GOMAXPROCS(0))
	parts := parallel(len(kept), func(p, from, to int) {
		chunk := kept[from:to]
		found[p] = fuzzy.FindFromNoSort(query, subset{ts, chunk})
		for i := range found[p] {
			found[p][i].Index = chunk[found[p][i].Index]
		}
	})
	var all fuzzy.Matches
	for _, f := range found[:parts] {
		all = append(all, f...)
	}
	sort.Stable(all)
	return all
}

// asciiLower lower-cases ASCII letters only, so byte offsets stay put.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldsToASCII reports whether s holds one of the two non-ASCII runes
// that fold to an ASCII letter: long s and the Kelvin sign.
func foldsToASCII(s string) bool { return strings.ContainsAny(s, "\u017f\u212a") }

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
