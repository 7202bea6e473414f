package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSearchEndToEndInTmux runs the browser on the real corpus in tmux and
// searches as a user would: s, a phrase, the header appears; tab to the
// hits and o opens the first hit's video moment (the URL the search
// command gives for it); enter opens the note in the reader; q quits.
func TestSearchEndToEndInTmux(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		t.Skip("tmux is not installed (apt-get install -y tmux); skipping the end-to-end test")
	}
	corpus, _ := filepath.Abs(filepath.Join("..", "shared", "corpus", "tubegraph"))
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("corpus not found at %s; skipping the end-to-end test", corpus)
	}
	const query = `"arbitrarily close"`
	code, out, errs := runCmd(t, "search", corpus, query, "--json", "--limit", "1")
	var first searchHit
	if code != 0 || json.Unmarshal([]byte(out), &first) != nil || first.URL == nil {
		t.Fatalf("search command: exit %d, %q, %q", code, out, errs)
	}

	dir := t.TempDir()
	bin := filepath.Join(dir, "tubenotes")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	got := filepath.Join(dir, "browser-args")
	recorder := filepath.Join(dir, "record-browser")
	if err := os.WriteFile(recorder, []byte("#!/bin/sh\nprintf '%s\\n' \"$@\" >> '"+got+"'\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	exitFile := filepath.Join(dir, "exit-status")
	socket := "tubenotes-search-e2e-" + filepath.Base(dir)
	tm := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(tmux, append([]string{"-L", socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	shell := "BROWSER='" + recorder + "' TERM=xterm-256color '" + bin + "' '" + corpus + "'; echo $? > '" + exitFile + "'; sleep 60"
	tm("new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40", "sh", "-c", shell)
	t.Cleanup(func() { _ = exec.Command(tmux, "-L", socket, "kill-server").Run() })
	screen := func() string { return tm("capture-pane", "-p", "-t", "e2e") }
	waitFor := func(what string, cond func() bool) {
		t.Helper()
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if cond() {
				return
			}
		}
		t.Fatalf("timed out waiting for %s; screen:\n%s", what, screen())
	}
	waitFor("the note count", func() bool { return strings.Contains(screen(), "1363 notes") })

	tm("send-keys", "-t", "e2e", "s")
	tm("send-keys", "-t", "e2e", "-l", query)
	waitFor("the hits header", func() bool {
		s := screen()
		return strings.Contains(s, "1 match in 1 note") && strings.Contains(s, first.Title[:20])
	})
	tm("send-keys", "-t", "e2e", "Tab")
	tm("send-keys", "-t", "e2e", "o")
	var args []byte
	waitFor("the browser script to run", func() bool {
		args, _ = os.ReadFile(got)
		return len(args) > 0
	})
	if want := *first.URL + "\n"; string(args) != want {
		t.Errorf("$BROWSER got %q, want %q", args, want)
	}

	tm("send-keys", "-t", "e2e", "Enter")
	waitFor("the hit's note in the reader", func() bool {
		s := screen()
		return !strings.Contains(s, "Search:") && strings.Contains(s, "arbitrarily close")
	})
	tm("send-keys", "-t", "e2e", "q")
	waitFor("the program to exit", func() bool {
		status, _ := os.ReadFile(exitFile)
		return strings.TrimSpace(string(status)) == "0"
	})
}
