package model

import "testing"

func TestIndexCloseAnchor(t *testing.T) {
	for _, c := range []struct {
		s    string
		want int
	}{
		{"[00:01:00]</a>.", 10},
		{"x</A>", 1},
		{"</b></a>", 4},
		{"</abbr></a>", 7},
		{"</a", -1},
		{"no close", -1},
		{"</", -1},
	} {
		if got := IndexCloseAnchor(c.s); got != c.want {
			t.Errorf("IndexCloseAnchor(%q) = %d, want %d", c.s, got, c.want)
		}
	}
}
