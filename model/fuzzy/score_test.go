package fuzzy

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	sahilm "github.com/sahilm/fuzzy"
)

// TestScoreAgreesWithFuzzy tries random texts and queries made of letters
// of both cases, separators, runes that fold to ASCII letters, other
// non-ASCII runes, invalid UTF-8 and NUL.
func TestScoreAgreesWithFuzzy(t *testing.T) {
	ascii := []string{"a", "A", "b", "B", "k", "K", "s", "S", "x", " ", "_", "-", ".", "/", "\\"}
	other := []string{"é", "É", "ß", "›", "\u212a", "\u017f", "\ufffd", "\x00", "\xff", "\xe2\x84"}
	rng := rand.New(rand.NewPCG(1, 2))
	word := func(n int, pieces ...[]string) string {
		var b strings.Builder
		for range n {
			p := pieces[rng.IntN(len(pieces))]
			b.WriteString(p[rng.IntN(len(p))])
		}
		return b.String()
	}
	for i := range 100000 {
		s, q := word(rng.IntN(16), ascii, ascii, other), word(1+rng.IntN(4), ascii)
		if i%2 == 0 {
			q = word(1+rng.IntN(3), ascii, other)
		}
		var at []int
		tg := NewText(s, ASCIILower(s))
		p := NewPattern(q)
		sc, ok := tg.Score(&p, &at)
		want := sahilm.Find(q, []string{s})
		if ok != (len(want) == 1) || ok && (sc != want[0].Score || !slices.Equal(at, want[0].MatchedIndexes)) {
			t.Fatalf("%q in %q: score %d %v %v, fuzzy %v", q, s, sc, ok, at, want)
		}
	}
}
