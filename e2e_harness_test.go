package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/adrg/xdg"
)

// terminal is tubenotes running on the real corpus in a tmux window of
// 120x40, with $BROWSER set to a script that records its arguments: what
// the end-to-end tests drive as a user would.
type terminal struct {
	t       *testing.T
	corpus  string // the vault it runs on
	tmux    string
	socket  string
	browser string // the file the recording script appends to
	exit    string // the file the program's exit status goes to
}

// built is the binary, built once for every end-to-end test.
var built struct {
	once sync.Once
	dir  string
	bin  string
	err  error
	out  []byte
}

// TestMain points the XDG folders at a temporary one, so no test (nor the
// binary the end-to-end tests run) reads or writes the user's config and
// state.
func TestMain(m *testing.M) {
	xdgDir, err := os.MkdirTemp("", "tubenotes-xdg-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, v := range []string{"XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"} {
		os.Setenv(v, filepath.Join(xdgDir, strings.ToLower(strings.TrimPrefix(v, "XDG_"))))
	}
	xdg.Reload()
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.RemoveAll(xdgDir)
	os.Exit(code)
}

// startTerminal builds tubenotes and starts it on the corpus in tmux, or
// skips with the reason when that can't be done here.
func startTerminal(t *testing.T) *terminal { t.Helper(); return startTerminalWith(t, "") }

// startTerminalWith is startTerminal with env assignments (quoted for sh,
// "PATH='/x' XDG_RUNTIME_DIR='/y'") before the program and flags after it.
// The state is kept in a folder of the test's own unless env sets
// XDG_STATE_HOME, so no test resumes where another left off.
func startTerminalWith(t *testing.T, env string, flags ...string) *terminal {
	t.Helper()
	corpus, _ := filepath.Abs(filepath.Join("..", "shared", "corpus", "tubegraph"))
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("corpus not found at %s; skipping the end-to-end test", corpus)
	}
	return startTerminalOn(t, corpus, "1363 notes", env, flags...)
}

// startTerminalOn is startTerminalWith on the vault at dir, ready once
// the screen shows ready.
func startTerminalOn(t *testing.T, corpus, ready, env string, flags ...string) *terminal {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		t.Skip("tmux is not installed (apt-get install -y tmux); skipping the end-to-end test")
	}
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "tubenotes-e2e-"); built.err != nil {
			return
		}
		built.bin = filepath.Join(built.dir, "tubenotes")
		built.out, built.err = exec.Command("go", "build", "-o", built.bin, ".").CombinedOutput()
	})
	if built.err != nil {
		t.Fatalf("build: %v\n%s", built.err, built.out)
	}

	dir := t.TempDir()
	term := &terminal{
		t:      t,
		corpus: corpus,
		tmux:   tmux,
		// unique to this process, test and terminal: other runs have their own server
		socket:  fmt.Sprintf("tubenotes-e2e-%d-%s-%s", os.Getpid(), filepath.Base(filepath.Dir(dir)), filepath.Base(dir)),
		browser: filepath.Join(dir, "browser-args"),
		exit:    filepath.Join(dir, "exit-status"),
	}
	recorder := filepath.Join(dir, "record-browser")
	script := "#!/bin/sh\nprintf '%s\\n' \"$@\" >> '" + term.browser + "'\n"
	if err := os.WriteFile(recorder, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(env, "XDG_STATE_HOME=") { // each test starts afresh unless it says otherwise
		env = "XDG_STATE_HOME='" + filepath.Join(dir, "state") + "' " + env
	}
	shell := "BROWSER='" + recorder + "' TERM=xterm-256color " + env + " '" + built.bin + "' " + strings.Join(flags, " ") + " '" + corpus + "'; echo $? > '" + term.exit + "'; sleep 60"
	term.run("new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40", "sh", "-c", shell)
	t.Cleanup(func() { _ = exec.Command(tmux, "-L", term.socket, "kill-server").Run() })
	term.waitFor("the note count", func() bool { return strings.Contains(term.screen(), ready) })
	return term
}

func (term *terminal) run(args ...string) string {
	term.t.Helper()
	out, err := exec.Command(term.tmux, append([]string{"-L", term.socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
	if err != nil {
		term.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// keys presses keys by tmux's names (Enter, Tab, q).
func (term *terminal) keys(keys ...string) {
	term.t.Helper()
	term.run(append([]string{"send-keys", "-t", "e2e"}, keys...)...)
}

// typeText types text as it is.
func (term *terminal) typeText(text string) {
	term.t.Helper()
	term.run("send-keys", "-t", "e2e", "-l", text)
}

func (term *terminal) screen() string { return term.run("capture-pane", "-p", "-t", "e2e") }

// waitFor polls cond until it holds, failing with the screen after 20 s.
func (term *terminal) waitFor(what string, cond func() bool) {
	term.t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if cond() {
			return
		}
	}
	term.t.Fatalf("timed out waiting for %s; screen:\n%s", what, term.screen())
}

// browserArgs waits for the recording $BROWSER to run and returns what it
// got, one argument a line.
func (term *terminal) browserArgs() string {
	term.t.Helper()
	var args []byte
	term.waitFor("the browser script to run", func() bool {
		args, _ = os.ReadFile(term.browser)
		return len(args) > 0
	})
	return string(args)
}

// exitStatus waits for the program to end and returns its exit status.
func (term *terminal) exitStatus() string {
	term.t.Helper()
	var status []byte
	term.waitFor("the program to exit", func() bool {
		status, _ = os.ReadFile(term.exit)
		return len(status) > 0
	})
	return strings.TrimSpace(string(status))
}
