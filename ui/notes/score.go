package notes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// The bonuses and penalties of github.com/sahilm/fuzzy, whose score
// scoreASCII computes.
const (
	firstCharMatchBonus            = 10
	matchFollowingSeparatorBonus   = 20
	camelCaseMatchBonus            = 20
	adjacentMatchBonus             = 5
	unmatchedLeadingCharPenalty    = -5
	maxUnmatchedLeadingCharPenalty = -15
)

// fuzzyScore is fuzzy's score of t for p, and whether t matches at all;
// with matched non-nil, the byte offsets of the matched runes are appended
// to it. An ASCII query is scored here, without allocating; others by the
// library.
func (t *target) fuzzyScore(p pattern, matched *[]int) (int, bool) {
	if p.ascii && !t.oddFold {
		return scoreASCII(t.text, t.lower, p.lower, matched)
	}
	found := fuzzy.Find(p.text, []string{t.text})
	if len(found) == 0 {
		return 0, false
	}
	if matched != nil {
		*matched = append(*matched, found[0].MatchedIndexes...)
	}
	return found[0].Score, true
}

// scoreASCII is fuzzy's score of text for the lower-cased ASCII query q,
// lower being text with its ASCII letters lower-cased (and no rune that
// folds to one). Fuzzy walks the text rune by rune: each place a query rune
// matches is scored, and the best so far is taken when the next query rune
// comes up (for the last one, at the end). Only those places change
// anything, so this jumps from one to the next with IndexByte.
func scoreASCII(text, lower, q string, matched *[]int) (total int, ok bool) {
	if q == "" {
		return 0, false
	}
	if nul := strings.IndexByte(text, 0); nul >= 0 { // fuzzy stops at a NUL
		text, lower = text[:nul], lower[:nul]
	}
	qi, count, lastMatch := 0, 0, -1
	best, bestAt, adjacent := -1, -1, 0
	candFrom, nextFrom := 0, 1
	for {
		cand := indexFrom(lower, q[qi], candFrom)
		next := len(text) // where the next query rune comes up
		if qi < len(q)-1 {
			if next = indexFrom(lower, q[qi+1], nextFrom); next < 0 {
				return 0, false
			}
		}
		if cand >= 0 && cand < next {
			sc := 0
			if cand == 0 {
				sc += firstCharMatchBonus
			} else {
				last, _ := utf8.DecodeLastRuneInString(text[:cand])
				if unicode.IsLower(last) && unicode.IsUpper(rune(text[cand])) {
					sc += camelCaseMatchBonus
				}
				if isSeparator(last) {
					sc += matchFollowingSeparatorBonus
				}
				if lastMatch == cand-1 {
					// each match next to the last earns more than the one before
					bonus := adjacent*2 + adjacentMatchBonus
					sc += bonus
					adjacent += bonus
				}
			}
			if sc > best {
				best, bestAt = sc, cand
			}
			candFrom, nextFrom = cand+1, cand+1
			continue
		}
		if bestAt >= 0 { // take the best place so far
			if count == 0 {
				best += max(bestAt*unmatchedLeadingCharPenalty, maxUnmatchedLeadingCharPenalty)
			}
			total += best
			count++
			lastMatch = bestAt
			if matched != nil {
				*matched = append(*matched, bestAt)
			}
			best = -1
			qi++
		}
		if next == len(text) {
			return total + count - len(text), count == len(q)
		}
		candFrom, nextFrom = next, next+1
	}
}

// indexFrom is the index of the first c in s at or after from, or -1.
func indexFrom(s string, c byte, from int) int {
	if from >= len(s) {
		return -1
	}
	if i := strings.IndexByte(s[from:], c); i >= 0 {
		return from + i
	}
	return -1
}

func isSeparator(r rune) bool {
	switch r {
	case '/', '-', '_', ' ', '.', '\\':
		return true
	}
	return false
}
