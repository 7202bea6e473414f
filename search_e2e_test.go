package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestSearchEndToEndInTmux searches as a user would: s, a phrase, the header
// appears; ctrl+o plays the first hit's moment (the URL the search command
// gives for it) while the query stays editable; enter opens the note in
// the reader; q quits.
func TestSearchEndToEndInTmux(t *testing.T) {
	term := startTerminal(t)
	const query = `"arbitrarily close"`
	code, out, errs := runCmd(t, "search", term.corpus, query, "--json", "--limit", "1")
	var first searchHit
	if code != 0 || json.Unmarshal([]byte(out), &first) != nil || first.URL == nil {
		t.Fatalf("search command: exit %d, %q, %q", code, out, errs)
	}

	term.keys("s")
	term.typeText(query)
	term.waitFor("the hits header", func() bool {
		s := term.screen()
		return strings.Contains(s, "1 match in 1 note") && strings.Contains(s, string(first.Title[:20]))
	})
	term.keys("C-o")
	if got, want := term.browserArgs(), string(*first.URL)+"\n"; got != want {
		t.Errorf("$BROWSER got %q, want %q", got, want)
	}

	term.keys("Enter")
	term.waitFor("the hit's note in the reader", func() bool {
		s := term.screen()
		return !strings.Contains(s, "Search:") && strings.Contains(s, "arbitrarily close")
	})
	term.keys("q")
	if status := term.exitStatus(); status != "0" {
		t.Errorf("exit status %q, want 0", status)
	}
}
