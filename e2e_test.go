package main

import (
	"strings"
	"testing"
)

// TestEndToEndInTmux drives the real program on the real corpus as a user
// would: / and a title, enter, t, o, then q.
func TestEndToEndInTmux(t *testing.T) {
	term := startTerminal(t)
	term.keys("/")
	term.typeText("2025 crypto market predictions")
	term.keys("Enter")
	term.keys("t")
	term.keys("o")

	const want = "https://www.youtube.com/watch?v=1aF62DVp2-c&t=129s\n"
	if got := term.browserArgs(); got != want {
		t.Errorf("$BROWSER got %q, want %q", got, want)
	}
	term.waitFor("the URL in the status line", func() bool { return strings.Contains(term.screen(), "opened "+strings.TrimSpace(want)) })

	term.keys("q")
	if status := term.exitStatus(); status != "0" {
		t.Errorf("exit status %q, want 0", status)
	}
	if s := term.screen(); strings.Contains(s, "1363 notes") {
		t.Errorf("the terminal was not restored after q:\n%s", s)
	}
}
