package search

import "testing"

func TestPlain(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"the numbers can get *arbitrarily close* to the limit <a class=\"yt-timestamp\" data-t=\"00:03:33\">[00:03:33]</a>.", "the numbers can get arbitrarily close to the limit."},
		{"**Bold** and `code` and 2*3 and a * b", "Bold and code and 2*3 and a * b"},
		{"[What does it feel like?](https://www.youtube.com/watch?v=XFDM1ip5HdU)", "What does it feel like?"},
		{"*Emphasis*, then more", "Emphasis, then more"},
		{"  spaced\t out  ", "spaced out"},
		{"**One-Way (Infeasible to Reverse)**: for a", "One-Way (Infeasible to Reverse): for a"},
	} {
		if got := Plain(c.in); got != c.want {
			t.Errorf("Plain(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
