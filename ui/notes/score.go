package notes

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// pattern is a query made ready for matching.
type pattern struct {
	lower string   // the query with ASCII letters lower-cased
	folds [][]rune // for each rune of the query, the runes equal to it under simple case folding
	bytes uint64   // byteSet(lower)
	ascii bool
}

func newPattern(query string) pattern {
	p := pattern{lower: asciiLower(query), ascii: isASCII(query)}
	p.bytes = byteSet(p.lower)
	for _, r := range query {
		folds := []rune{r}
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			folds = append(folds, f)
		}
		p.folds = append(p.folds, folds)
	}
	return p
}

// find is the byte offset in t's text of the first rune at or after from
// that folds to rune i of p, or -1. An ASCII query matches only ASCII runes
// unless the text holds long s or the Kelvin sign, so it is found in lower
// with IndexByte.
func (p *pattern) find(t *target, i, from int) int {
	if p.ascii && !t.oddFold {
		if from >= len(t.lower) {
			return -1
		}
		if at := strings.IndexByte(t.lower[from:], p.lower[i]); at >= 0 {
			return from + at
		}
		return -1
	}
	for at := from; at < len(t.text); {
		c, size := runeAt(t.text, at)
		if slices.Contains(p.folds[i], c) {
			return at
		}
		at += size
	}
	return -1
}

// holds reports whether t holds p as a subsequence, as fuzzy folds case:
// fuzzy's condition for a match, cheaper to test than the score.
func (t *target) holds(p *pattern) bool {
	if p.ascii && !t.oddFold {
		if p.bytes&^t.bytes != 0 {
			return false
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
	from := 0
	for i := range p.folds {
		at := p.find(t, i, from)
		if at < 0 {
			return false
		}
		from = after(t.text, at)
	}
	return true
}

// The bonuses and penalties of github.com/sahilm/fuzzy, whose score
// target.score computes.
const (
	firstCharMatchBonus            = 10
	matchFollowingSeparatorBonus   = 20
	camelCaseMatchBonus            = 20
	adjacentMatchBonus             = 5
	unmatchedLeadingCharPenalty    = -5
	maxUnmatchedLeadingCharPenalty = -15

	// maxLaterBonus is the most a place after the first one for a query rune
	// can earn, unless it is next to the last match (only the first can
	// be): a rune after a separator does not follow a lower-case letter.
	maxLaterBonus = max(camelCaseMatchBonus, matchFollowingSeparatorBonus)
)

// score is fuzzy's score of t for p, and whether t matches at all; with
// matched non-nil, the byte offsets of the matched runes are appended to
// it. Fuzzy walks the text rune by rune: each place a query rune matches is
// scored, and the best so far is taken when the next query rune comes up
// (for the last one, at the end). Only those places change anything, so
// this jumps from one to the next (see find), without allocating.
func (t *target) score(p *pattern, matched *[]int) (total int, ok bool) {
	if len(p.folds) == 0 {
		return 0, false
	}
	if nul := strings.IndexByte(t.text, 0); nul >= 0 { // fuzzy stops at a NUL
		cut := *t
		cut.text, cut.lower = t.text[:nul], t.lower[:nul]
		t = &cut
	}
	text := t.text
	qi, count, lastMatchEnd := 0, 0, -1
	best, bestAt, adjacent := -1, -1, 0
	// upcoming is where the query rune after qi comes up at or after from;
	// for the last one, the end
	upcoming := func(from int) int {
		if qi == len(p.folds)-1 {
			return len(text)
		}
		return p.find(t, qi+1, from)
	}
	cand := p.find(t, 0, 0)
	if cand < 0 {
		return 0, false
	}
	// the next query rune coming up before the first place takes nothing
	next := upcoming(after(text, cand))
	for next >= 0 {
		if cand >= 0 && cand < next {
			sc := 0
			if cand == 0 {
				sc += firstCharMatchBonus
			} else {
				last, _ := utf8.DecodeLastRuneInString(text[:cand])
				c, _ := runeAt(text, cand)
				if unicode.IsLower(last) && unicode.IsUpper(c) {
					sc += camelCaseMatchBonus
				}
				if isSeparator(last) {
					sc += matchFollowingSeparatorBonus
				}
				if cand == lastMatchEnd {
					// each match next to the last earns more than the one before
					bonus := adjacent*2 + adjacentMatchBonus
					sc += bonus
					adjacent += bonus
				}
			}
			if sc > best {
				best, bestAt = sc, cand
			}
			if best >= maxLaterBonus {
				cand = -1 // no later place can beat it
			} else {
				cand = p.find(t, qi, after(text, cand))
			}
			continue
		}
		if bestAt >= 0 { // take the best place so far
			if count == 0 {
				best += max(bestAt*unmatchedLeadingCharPenalty, maxUnmatchedLeadingCharPenalty)
			}
			total += best
			count++
			lastMatchEnd = after(text, bestAt)
			if matched != nil {
				*matched = append(*matched, bestAt)
			}
			best = -1
			qi++
			cand = next // the rune that came up is the next one to place
		}
		if next == len(text) {
			return total + count - len(text), count == len(p.folds)
		}
		next = upcoming(after(text, next))
	}
	return 0, false
}

// runeAt decodes the rune at byte i of s.
func runeAt(s string, i int) (rune, int) {
	if s[i] < utf8.RuneSelf {
		return rune(s[i]), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// after is the offset of the rune after the one at byte i of s.
func after(s string, i int) int {
	_, size := runeAt(s, i)
	return i + size
}

func isSeparator(r rune) bool {
	switch r {
	case '/', '-', '_', ' ', '.', '\\':
		return true
	}
	return false
}
