package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"tubenotes/loader/attacktest"
)

// terminalBytes are bytes a terminal obeys, raw: ESC, BEL and other C0
// controls but newline, DEL, and (as UTF-8) C1 controls and bidi controls.
var terminalBytes = regexp.MustCompile("[\x00-\x09\x0b-\x1f\x7f]|\u0080|[\u0081-\u009f]|[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

// attackVault is attacktest.Vault in a temporary folder, plus a note full
// of terminal controls.
func attackVault(t *testing.T) (dir string, names []string) {
	t.Helper()
	dir = t.TempDir()
	names, err := attacktest.Vault(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "c", "hostile.md"), []byte(attacktest.HostileText+"\nattack word\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, append(names, "c/hostile.md")
}

// TestAttackJSONPaths: export and search --json write each hostile path
// exactly (the same JSON text in both), and nothing a terminal obeys.
func TestAttackJSONPaths(t *testing.T) {
	dir, names := attackVault(t)
	code, exported, errs := runCmd(t, "export", dir)
	if code != 0 || errs != "" {
		t.Fatalf("export: exit %d, %q", code, errs)
	}
	code, found, errs := runCmd(t, "search", dir, "attack", "--json")
	if code != 0 || errs != "" {
		t.Fatalf("search: exit %d, %q", code, errs)
	}
	pathsOf := func(out string) []string {
		var paths []string
		for _, m := range regexp.MustCompile(`\{"path":("(?:[^"\\]|\\.)*")`).FindAllStringSubmatch(out, -1) {
			paths = append(paths, m[1])
		}
		slices.Sort(paths)
		return slices.Compact(paths)
	}
	var want []string
	for _, name := range names {
		text, _ := jsonText(name).MarshalJSON()
		want = append(want, string(text))
	}
	slices.Sort(want)
	if got := pathsOf(exported); !slices.Equal(got, want) {
		t.Errorf("export paths\n%q, want\n%q", got, want)
	}
	if got := pathsOf(found); !slices.Equal(got, want) {
		t.Errorf("search --json paths\n%q, want\n%q", got, want)
	}
	for _, out := range []string{exported, found} {
		if m := terminalBytes.FindString(out); m != "" {
			t.Errorf("raw %q in the JSON output", m)
		}
	}
	for _, escaped := range []string{`c/caf\udce9.md`, `c/a\nb.md`, `c/notes\u202e.md`, `\u2066c\u2069/n.md`, `c/x\u009b31m.md`, `c/e\u001b]0;pwn\u0007.md`} {
		if !strings.Contains(exported, escaped) || !strings.Contains(found, escaped) {
			t.Errorf("%s is not in both outputs", escaped)
		}
	}
}

// TestAttackTextOutputClean: the text output of search shows every hostile
// path cleaned, one hit a line.
func TestAttackTextOutputClean(t *testing.T) {
	dir, names := attackVault(t)
	code, out, _ := runCmd(t, "search", dir, "attack")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if m := terminalBytes.FindString(out); m != "" {
		t.Errorf("raw %q in the text output", m)
	}
	if got := strings.Count(out, "\n"); got != len(names) {
		t.Errorf("%d lines for %d hits: %q", got, len(names), out)
	}
	if !strings.Contains(out, "c/caf\uFFFD.md:") {
		t.Errorf("the Latin-1 name is not shown with U+FFFD: %q", out)
	}
}

// TestAttackErrorsOneLine: every error built from a PATH or a flag the user
// gave is one line, cleaned, with exit status 2.
func TestAttackErrorsOneLine(t *testing.T) {
	hostile := "/nope\x1b]0;pwn\x07\u009b31m\u202e\nsecond line"
	for _, args := range [][]string{
		{hostile},
		{"stats", hostile},
		{"export", hostile},
		{"search", hostile, "word"},
		{"--" + hostile},
		{"export", "--" + hostile, "."},
		{"stats", "--json=" + hostile, "."},
		{"search", "--" + hostile, ".", "word"},
		{"--width", hostile},
		{"--width", "5"},
		{"--timestamps", hostile, "."},
		{"export", "--timestamps", hostile, "."},
		{"search", "--timestamps", hostile, ".", "word"},
		{"search", "--limit", hostile, ".", "word"},
		{"search", ".", `"unclosed` + hostile},
		{"search", ".", strings.Repeat("many ", 100)},
	} {
		code, _, errs := runCmd(t, args...)
		if code != 2 || strings.Count(errs, "\n") != 1 || !strings.HasSuffix(errs, "\n") {
			t.Errorf("%q: exit %d, stderr %q: want 2 and one line", args, code, errs)
		}
		if m := terminalBytes.FindString(errs); m != "" {
			t.Errorf("%q: raw %q in %q", args, m, errs)
		}
	}
}
