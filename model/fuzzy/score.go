// Package fuzzy scores a query against texts the way github.com/sahilm/fuzzy
// does (same matches, same scores, same matched letters), without reading
// every character: it jumps between the places a query letter matches. The
// notes filter ranks with it; tests hold it equal to the library.
package fuzzy

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pattern is a query made ready for matching.
type Pattern struct {
	lower string   // the query with ASCII letters lower-cased
	folds [][]rune // for each rune of the query, the runes equal to it under simple case folding
	bytes uint64   // byteSet(lower)
	ascii bool
}

// NewPattern makes query ready for matching.
func NewPattern(query string) Pattern {
	p := Pattern{lower: ASCIILower(query), ascii: isASCII(query)}
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
func (p *Pattern) find(t *Text, i, from int) int {
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

// Holds reports whether t holds p as a subsequence, as fuzzy folds case:
// fuzzy's condition for a match, cheaper to test than the score.
func (t *Text) Holds(p *Pattern) bool {
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
// Text.Score computes.
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

// Score is fuzzy's score of t for p, and whether t matches at all; with
// matched non-nil, the byte offsets of the matched runes are appended to
// it. Fuzzy walks the text rune by rune: each place a query rune matches is
// scored, and the best so far is taken when the next query rune comes up
// (for the last one, at the end). Only those places change anything, so
// this jumps from one to the next (see find), without allocating.
func (t *Text) Score(p *Pattern, matched *[]int) (total int, ok bool) {
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

// Text is one text made ready to be matched many times.
type Text struct {
	text    string
	lower   string // text with ASCII letters lower-cased
	oddFold bool   // text holds a non-ASCII rune that folds to an ASCII letter
	bytes   uint64 // byteSet(lower)
}

// NewText makes text ready for matching; lower is ASCIILower(text), taken
// as an argument so many texts can share one lower-cased string.
func NewText(text, lower string) Text {
	return Text{text: text, lower: lower, oddFold: foldsToASCII(text), bytes: byteSet(lower)}
}

// String is the text as given.
func (t *Text) String() string { return t.text }

// Lower is the text with ASCII letters lower-cased.
func (t *Text) Lower() string { return t.lower }

// byteSet has bit b%64 set for each byte b of s: a text lacking a bit of
// an ASCII query cannot match it, which one AND tells.
func byteSet(s string) uint64 {
	var set uint64
	for i := 0; i < len(s); i++ {
		set |= 1 << (s[i] % 64)
	}
	return set
}

// ASCIILower lower-cases ASCII letters only, so byte offsets stay put.
func ASCIILower(s string) string {
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
