package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestEndToEndInTmux builds tubenotes, runs it on the real corpus in a tmux
// window of 120x40 with $BROWSER set to a script that records its
// arguments, and drives it as a user would: / and a title, enter, t, o,
// then q.
func TestEndToEndInTmux(t *testing.T) {
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
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go is not on PATH; cannot build the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "tubenotes")
	if out, err := exec.Command(goBin, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	got := filepath.Join(dir, "browser-args")
	recorder := filepath.Join(dir, "record-browser")
	script := "#!/bin/sh\nprintf '%s\\n' \"$@\" >> '" + got + "'\n"
	if err := os.WriteFile(recorder, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	exitFile := filepath.Join(dir, "exit-status")

	socket := "tubenotes-e2e-" + filepath.Base(dir)
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

	tm("send-keys", "-t", "e2e", "/")
	tm("send-keys", "-t", "e2e", "-l", "2025 crypto market predictions")
	tm("send-keys", "-t", "e2e", "Enter")
	tm("send-keys", "-t", "e2e", "t")
	tm("send-keys", "-t", "e2e", "o")

	const want = "https://www.youtube.com/watch?v=1aF62DVp2-c&t=129s\n"
	var args []byte
	waitFor("the browser script to run", func() bool {
		args, _ = os.ReadFile(got)
		return len(args) > 0
	})
	if string(args) != want {
		t.Errorf("$BROWSER got %q, want %q", args, want)
	}
	waitFor("the URL in the status line", func() bool { return strings.Contains(screen(), "opened "+strings.TrimSpace(want)) })

	tm("send-keys", "-t", "e2e", "q")
	var status []byte
	waitFor("the program to exit", func() bool {
		status, _ = os.ReadFile(exitFile)
		return len(status) > 0
	})
	if strings.TrimSpace(string(status)) != "0" {
		t.Errorf("exit status %q, want 0", status)
	}
	if s := screen(); strings.Contains(s, "1363 notes") {
		t.Errorf("the terminal was not restored after q:\n%s", s)
	}
}
