package fuzzy

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"tubenotes/model/fold"

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
		// the library on the folded query and text
		fq, _ := fold.Cased(q)
		want := sahilm.Find(fq, []string{tg.Folded()})
		if ok != (len(want) == 1) || ok && (sc != want[0].Score || !slices.Equal(at, want[0].MatchedIndexes)) {
			t.Fatalf("%q in %q (folded %q in %q): score %d %v %v, fuzzy %v", q, s, fq, tg.Folded(), sc, ok, at, want)
		}
	}
}

// TestMatchesOnTheFold: a query finds what the one fold makes of a text,
// and the matched letters are the runes of the text as given.
func TestMatchesOnTheFold(t *testing.T) {
	for _, c := range []struct {
		query, text string
		lit         string // the text's runes matched, in order
	}{
		{"cafe", "Café crème", "Café"},
		{"café", "cafe", "cafe"},
		{"finance", "ﬁnance report", "ﬁnance"},
		{"strasse", "Straße", "Straße"},
		{"istanbul", "İstanbul", "İstanbul"},
		{"kelvin", "\u212aelvin", "\u212aelvin"},
		{"gr", "Ｇrowth", "Ｇr"},
		{"ssx", "ßx", "ßx"},
	} {
		tg := NewText(c.text, ASCIILower(c.text))
		p := NewPattern(c.query)
		var at []int
		if _, ok := tg.Score(&p, &at); !ok || !tg.Holds(&p) {
			t.Errorf("%q does not find %q", c.query, c.text)
			continue
		}
		given := tg.Given(at)
		var lit strings.Builder
		for _, i := range given {
			r, _ := utf8.DecodeRuneInString(c.text[i:])
			lit.WriteRune(r)
		}
		if lit.String() != c.lit {
			t.Errorf("%q in %q lights %q (at %v), want %q", c.query, c.text, lit.String(), given, c.lit)
		}
	}
}

// TestTextStaysSmall: the notes filter reads 20,000 texts a keystroke, and
// its targets (a Text, a note and an offset) fit a 64-byte cache line.
func TestTextStaysSmall(t *testing.T) {
	if size := unsafe.Sizeof(Text{}); size > 48 {
		t.Errorf("a Text takes %d bytes, want at most 48", size)
	}
}
