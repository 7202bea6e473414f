package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tubenotes/loader/loadtest"
)

// hitPaths are the paths of the plain output's hit lines, each once, in
// order.
func hitPaths(lines []string) []string {
	var paths []string
	for _, l := range lines {
		p, _, _ := strings.Cut(l, ":")
		if !slices.Contains(paths, p) {
			paths = append(paths, p)
		}
	}
	return paths
}

// TestSearchFilesListsTheHitsNotes: --files prints the notes of the
// hits, each once in rank order, cold, warm and without the cache alike;
// --limit counts notes; nothing found is exit 1.
func TestSearchFilesListsTheHitsNotes(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	vault := t.TempDir()
	for name, text := range map[string]string{
		"a.md": "---\ntitle: Grinding\n---\n\nEspresso wants a fine grind.\n\nA long espresso is a lungo.\n\nespresso again\n",
		"b.md": "---\ntitle: Espresso\n---\n\n## Espresso at home\n\nespresso machines\n",
		"c.md": "---\ntitle: Tea\n---\n\nNot even espresso.\n",
		"d.md": "---\ntitle: Water\n---\n\nNothing here.\n",
	} {
		if err := os.WriteFile(filepath.Join(vault, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, hits, _ := searchLines(t, vault, "espresso")
	want := hitPaths(hits)
	if len(want) < 2 || len(hits) <= len(want) {
		t.Fatalf("the test wants several notes and more hits than notes: %q", hits)
	}
	for _, args := range [][]string{
		{"--files", vault, "espresso"}, // cold: the cache is written
		{"-l", vault, "espresso"},      // warm: answered by the cache's index
		{vault, "espresso", "--files", "--no-cache"},
	} {
		code, got, errs := searchLines(t, args...)
		if code != 0 || !slices.Equal(got, want) {
			t.Errorf("search %q: exit %d %q (stderr %q), want %q", args, code, got, errs, want)
		}
	}
	if _, got, _ := searchLines(t, "-l", vault, "espresso", "--limit", "1"); !slices.Equal(got, want[:1]) {
		t.Errorf("--limit 1: %q, want %q", got, want[:1])
	}
	if code, got, _ := searchLines(t, "-l", vault, "nothingmatchesthis"); code != 1 || len(got) != 0 {
		t.Errorf("no hits: exit %d %q", code, got)
	}
	if code, _, errs := searchLines(t, "--files=yes", vault, "espresso"); code != 2 || !strings.Contains(errs, "takes no value") {
		t.Errorf("--files=yes: exit %d, stderr %q", code, errs)
	}
}

// TestSearchFilesNamesAreSafe: a file name holding an escape sequence is
// cleaned in the text output and escaped, exact, in JSON.
func TestSearchFilesNamesAreSafe(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	dir := t.TempDir()
	name := "evil \x1b[31mred\u009b.md"
	if err := os.WriteFile(filepath.Join(dir, name), []byte("---\ntitle: Evil\n---\n\nespresso here\n"), 0o644); err != nil {
		t.Skip("this file system refuses the name:", err)
	}
	code, out, _ := runCmd(t, "search", "-l", dir, "espresso")
	if code != 0 || strings.ContainsAny(out, "\x1b\u009b") || !strings.Contains(out, "evil") {
		t.Errorf("text: exit %d %q", code, out)
	}
	code, out, _ = runCmd(t, "search", "-l", "--json", dir, "espresso")
	var f searchFile
	if code != 0 || json.Unmarshal([]byte(out), &f) != nil || string(f.Path) != name || strings.ContainsAny(out, "\x1b\u009b") {
		t.Errorf("JSON: exit %d %q", code, out)
	}
}

// TestSearchFilesCorpus: on the real corpus --files finds the notes the
// hits are in, for a phrase found in many notes.
func TestSearchFilesCorpus(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	dir := loadtest.CorpusDir(t)
	_, hits, _ := searchLines(t, dir, "--no-cache", `"product market fit"`)
	want := hitPaths(hits)
	for i := range 2 { // cold, then warm
		if code, got, _ := searchLines(t, "-l", dir, `"product market fit"`); code != 0 || !slices.Equal(got, want) {
			t.Errorf("round %d: exit %d, %d notes, want %d", i, code, len(got), len(want))
		}
	}
}
