package editor

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// found pretends every program is installed at /bin/NAME.
func found(name string) (string, error) { return "/bin/" + filepath.Base(name), nil }

func TestChoiceOrder(t *testing.T) {
	cases := []struct {
		vars     map[string]string
		fallback string
		want     []string
	}{
		{map[string]string{"VISUAL": "vim", "EDITOR": "nano"}, "emacs", []string{"vim", "+12", "/v/a.md"}},
		{map[string]string{"EDITOR": "nano"}, "emacs", []string{"nano", "+12", "/v/a.md"}},
		{map[string]string{"VISUAL": "  "}, "emacs -nw", []string{"emacs", "-nw", "+12", "/v/a.md"}},
		{nil, "code --wait", []string{"code", "--wait", "--goto", "/v/a.md:12"}},
		{nil, "hx", []string{"hx", "/v/a.md:12"}},
		{nil, "fake-editor", []string{"fake-editor", "+12", "/v/a.md"}},
	}
	for _, tc := range cases {
		e := Env{Getenv: env(tc.vars), Fallback: tc.fallback, LookPath: found}
		cmd, err := e.Command("/v/a.md", 12)
		if err != nil {
			t.Fatalf("%v %q: %v", tc.vars, tc.fallback, err)
		}
		if !reflect.DeepEqual(cmd.Args, tc.want) || cmd.Path != "/bin/"+tc.want[0] {
			t.Errorf("%v %q: %s %q, want %q", tc.vars, tc.fallback, cmd.Path, cmd.Args, tc.want)
		}
	}
}

func TestNoLineAndOptionLikePath(t *testing.T) {
	e := Env{Getenv: env(nil), Fallback: "vi", LookPath: found}
	cmd, err := e.Command("-rf.md", 0)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"vi", "./-rf.md"}; !reflect.DeepEqual(cmd.Args, want) {
		t.Fatalf("args %q, want %q", cmd.Args, want)
	}
}

func TestMissingEditor(t *testing.T) {
	_, err := Env{Getenv: env(nil)}.Command("a.md", 1)
	if !errors.Is(err, ErrNone) {
		t.Fatalf("err %v, want ErrNone", err)
	}
	t.Setenv("PATH", t.TempDir())
	_, err = New(env(map[string]string{"EDITOR": "no-such-editor-x"}), "").Command("a.md", 1)
	if err == nil || err.Error() != `editor "no-such-editor-x" (from $EDITOR): not found` {
		t.Fatalf("err %v", err)
	}
}

// TestRunsWithoutShell runs a real script: it receives +LINE PATH as two
// arguments, and a path full of shell syntax arrives as written.
func TestRunsWithoutShell(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "args")
	script := filepath.Join(dir, "fake-editor")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> "+out+"; done\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh to run the fake editor")
	}
	path := filepath.Join(dir, "$(touch pwned); a.md")
	cmd, err := New(env(map[string]string{"VISUAL": script}), "").Command(path, 7)
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(out)
	if want := "+7\n" + path + "\n"; string(got) != want {
		t.Fatalf("editor got %q, want %q", got, want)
	}
	for _, p := range []string{filepath.Join(dir, "pwned"), "pwned"} {
		if _, err := os.Stat(p); err == nil || !strings.Contains(err.Error(), "no such") {
			t.Fatal("the path went through a shell")
		}
	}
}
