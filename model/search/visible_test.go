package search

import (
	"strings"
	"testing"
)

// markupFinder answers what strings.IndexAny would, from every place a
// reader of the line stops at, in order.
func TestMarkupFinder(t *testing.T) {
	for _, s := range []string{
		"", "plain words only", "<", "a<b[c&d", "&&&&&&&&&&", "[[x]] <y> &amp;", strings.Repeat("&", 1000) + "<",
		"ends with [", "<<[[&&", "x\x00<\xff[",
	} {
		for step := 1; step <= 3; step++ {
			m := markupFinder{s: s, at: [3]int{-1, -1, -1}}
			for i := 0; i <= len(s); i += step {
				want := strings.IndexAny(s[i:], "<[&")
				if want >= 0 {
					want += i
				}
				if got := m.next(i); got != want {
					t.Fatalf("%q, from %d (steps of %d): %d, want %d", s, i, step, got, want)
				}
			}
		}
	}
}

func FuzzMarkupFinder(f *testing.F) {
	f.Add("a<b[c&d", uint8(1))
	f.Fuzz(func(t *testing.T, s string, step uint8) {
		m := markupFinder{s: s, at: [3]int{-1, -1, -1}}
		for i := 0; i <= len(s); i += int(step%7) + 1 {
			want := strings.IndexAny(s[i:], "<[&")
			if want >= 0 {
				want += i
			}
			if got := m.next(i); got != want {
				t.Fatalf("%q from %d: %d, want %d", s, i, got, want)
			}
		}
	})
}
