package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestEndToEndResumeAndBookmarks: open a note, scroll, quit, start again:
// the same screen shows; then m keeps the moment, ' lists it, and the
// bookmarks command reads it from the same state file.
func TestEndToEndResumeAndBookmarks(t *testing.T) {
	stateDir := t.TempDir()
	env := "XDG_STATE_HOME='" + stateDir + "'"
	term := startTerminalWith(t, env)
	term.keys("/")
	term.typeText("galperins discovery")
	term.keys("Enter")
	term.waitFor("the note", func() bool { return strings.Contains(term.screen(), "› Mathematician Gregory Galperin") })
	term.keys("C-d", "C-d", "t")
	term.waitFor("the scroll", func() bool { return !strings.Contains(term.screen(), "# Mathematician Gregory") })
	before := readerSide(settled(term)) // the notes filter typed to get there is not kept
	term.keys("q")
	if status := term.exitStatus(); status != "0" {
		t.Fatalf("exit status %q, want 0", status)
	}

	again := startTerminalWith(t, env)
	again.waitFor("the place left", func() bool { return readerSide(again.screen()) == before })

	again.keys("m")
	again.waitFor("the name input", func() bool { return strings.Contains(again.screen(), "bookmark as: ") })
	again.keys("C-u")
	again.typeText("e2e mark")
	again.keys("Enter", "'")
	again.waitFor("the list", func() bool {
		s := again.screen()
		return strings.Contains(s, "Bookmarks (1)") && strings.Contains(s, "e2e mark  Mathematician Gregory Galperin")
	})

	cmd := exec.Command(built.bin, "bookmarks", again.corpus)
	cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+stateDir)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "3blue1brown/mathematician_gregory_galperins_discovery.md:") || !strings.Contains(string(out), "\te2e mark\n") {
		t.Errorf("tubenotes bookmarks: %v\n%s", err, out)
	}
	again.keys("q")
	if status := again.exitStatus(); status != "0" {
		t.Errorf("exit status %q, want 0", status)
	}
}

// settled is the screen once it has stopped changing for a moment: every
// key sent has been acted on.
func settled(term *terminal) string {
	term.t.Helper()
	last := term.screen()
	term.waitFor("the screen to settle", func() bool {
		time.Sleep(300 * time.Millisecond)
		now := term.screen()
		same := now == last
		last = now
		return same
	})
	return last
}

// readerSide is the screen right of the sidebar, with the status line.
func readerSide(screen string) string {
	var out []string
	for _, l := range strings.Split(screen, "\n") {
		if _, right, ok := strings.Cut(l, "│"); ok {
			l = right
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
