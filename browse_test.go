package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tubenotes/ui/config"
)

func TestBrowseRefusesBadArguments(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "note.md")
	if err := os.WriteFile(file, []byte("# x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	locked := filepath.Join(dir, "locked")
	if err := os.Mkdir(locked, 0o000); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		want string
	}{
		{[]string{filepath.Join(dir, "missing")}, "missing: no such directory"},
		{[]string{file}, "note.md: not a directory"},
		{[]string{dir, dir}, "give at most one PATH"},
		{[]string{"--style", "sepia", dir}, "--style sepia"},
		{[]string{"--width", "5", dir}, "--width 5"},
		{[]string{"--player", `"mpv`, dir}, "unclosed quote"},
		{[]string{"--timestamps", "xyz", dir}, "xyz"},
	}
	if os.Geteuid() != 0 { // root reads any directory
		cases = append(cases, struct {
			args []string
			want string
		}{[]string{locked}, "locked: cannot read the directory"})
	}
	for _, c := range cases {
		var out, errb bytes.Buffer
		code := run(c.args, &out, &errb)
		msg := errb.String()
		if code != 2 || !strings.Contains(msg, c.want) || strings.Count(strings.TrimSpace(msg), "\n") != 0 || !strings.HasPrefix(msg, "tubenotes: ") {
			t.Errorf("tubenotes %q: exit %d, stderr %q; want 2 and one line with %q", c.args, code, msg, c.want)
		}
	}
}

func TestVaultChoice(t *testing.T) {
	t.Setenv("TUBENOTES_VAULT", "")
	fsys, demoDir, err := vaultFS(nil, config.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fsys.Open("bankless/importance_of_gpus_for_deep_learning.md"); err != nil || demoDir != "" {
		t.Errorf("with no PATH and no $TUBENOTES_VAULT the demo should be browsed, with no folder (%q) to keep state for: %v", demoDir, err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "mine.md"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TUBENOTES_VAULT", dir)
	fsys, got, err := vaultFS(nil, config.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fsys.Open("mine.md"); err != nil || got != dir {
		t.Errorf("$TUBENOTES_VAULT not used (folder %q): %v", got, err)
	}
	t.Setenv("TUBENOTES_VAULT", filepath.Join(dir, "nope"))
	if _, _, err := vaultFS([]string{dir}, config.Config{}); err != nil {
		t.Errorf("PATH should win over $TUBENOTES_VAULT: %v", err)
	}
	if _, _, err := vaultFS(nil, config.Config{}); err == nil {
		t.Error("a missing $TUBENOTES_VAULT was accepted")
	}
}
