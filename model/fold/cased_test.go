package fold

import (
	"slices"
	"testing"
)

func TestCased(t *testing.T) {
	for _, c := range []struct {
		s, want string
		origin  []int32 // nil: s is its own fold
	}{
		{"plain ASCII, kept", "plain ASCII, kept", nil},
		{"Café", "Cafe", []int32{0, 1, 2, 3}},
		{"ﬁnance", "finance", []int32{0, 0, 3, 4, 5, 6, 7}},
		{"Straße", "Strasse", []int32{0, 1, 2, 3, 4, 4, 6}},
		{"ẞ", "SS", []int32{0, 0}},
		{"İz ı", "Iz i", []int32{0, 2, 3, 4}},
		{"\u212a \u017f", "K s", []int32{0, 3, 4}},
		{"a\u0301b", "ab", []int32{0, 3}}, // a decomposed accent
		{"x › y", "x › y", nil},           // not a word rune, not decomposed: kept
		{"\xff é", "\xff e", []int32{0, 1, 2}},
	} {
		got, origin := Cased(c.s)
		if got != c.want || !slices.Equal(origin, c.origin) {
			t.Errorf("Cased(%q) = %q %v, want %q %v", c.s, got, origin, c.want, c.origin)
		}
	}
}

// TestCasedIsTheFold holds Cased to the one fold: the words of a text and
// of its cased fold fold the same.
func TestCasedIsTheFold(t *testing.T) {
	for _, s := range []string{"Café Crème", "ﬁnance Ｇrowth", "İstanbul ıslak", "Straße ẞ", "Ångström", "ǅemal", "naïve façade"} {
		folded, _ := Cased(s)
		if Text(folded) != Text(s) {
			t.Errorf("Cased(%q) = %q folds to %q, want %q", s, folded, Text(folded), Text(s))
		}
	}
}
