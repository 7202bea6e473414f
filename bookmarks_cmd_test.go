package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/adrg/xdg"

	"tubenotes/ui/state"
)

// tempStateHome points $XDG_STATE_HOME at a new temporary folder.
func tempStateHome(t *testing.T) {
	t.Helper()
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	xdg.Reload()
	t.Cleanup(xdg.Reload)
}

func TestBookmarksCommand(t *testing.T) {
	tempStateHome(t)
	vault := t.TempDir()
	code, out, errs := runCmd(t, "bookmarks", vault)
	if code != 0 || out != "" || errs != "" {
		t.Fatalf("no bookmarks yet: exit %d, out %q, err %q", code, out, errs)
	}

	store, err := state.Open(vault)
	if err != nil {
		t.Fatal(err)
	}
	st, _, _ := store.Load()
	at := time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)
	st.AddBookmark(state.Bookmark{Note: "talks/gpus.md", Line: 13, Seconds: 62, Raw: "00:01:02", Name: "the <GPU> part"}, at)
	st.AddBookmark(state.Bookmark{Note: "evil\x1b[2J.md", Line: 1, Seconds: -1, Name: "tab\there"}, at.Add(time.Minute))
	if _, err := store.Save(st); err != nil {
		t.Fatal(err)
	}

	code, out, errs = runCmd(t, "bookmarks", vault)
	want := "talks/gpus.md:13\t00:01:02\tthe <GPU> part\nevil.md:1\t-\ttab here\n"
	if code != 0 || out != want || errs != "" {
		t.Fatalf("exit %d, err %q, out\n%q\nwant\n%q", code, errs, out, want)
	}

	code, out, _ = runCmd(t, "bookmarks", "--json", vault)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	id0, id1 := st.Bookmarks[0].ID, st.Bookmarks[1].ID
	wantJSON := []string{
		`{"id":"` + id0 + `","note":"talks/gpus.md","line":13,"seconds":62,"raw":"00:01:02","name":"the <GPU> part","created":"2026-12-01T09:30:00Z"}`,
		`{"id":"` + id1 + `","note":"evil\u001b[2J.md","line":1,"seconds":null,"raw":null,"name":"tab\there","created":"2026-12-01T09:31:00Z"}`,
	}
	if code != 0 || len(lines) != 2 || lines[0] != wantJSON[0] || lines[1] != wantJSON[1] {
		t.Fatalf("--json:\n%s\nwant\n%s", out, strings.Join(wantJSON, "\n"))
	}
}

func TestBookmarksCommandLeavesABadFile(t *testing.T) {
	tempStateHome(t)
	vault := t.TempDir()
	store, _ := state.Open(vault)
	if err := os.MkdirAll(filepath.Dir(store.Path()), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(store.Path(), []byte("{oops"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runCmd(t, "bookmarks", vault)
	if code != 1 || errs != "tubenotes bookmarks: state file "+store.Path()+": not valid JSON\n" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if data, _ := os.ReadFile(store.Path()); string(data) != "{oops" {
		t.Fatal("the listing changed the state file")
	}
	for _, args := range [][]string{{"bookmarks"}, {"bookmarks", filepath.Join(vault, "nope")}} {
		if code, _, errs := runCmd(t, args...); code != 2 || strings.Count(errs, "\n") != 1 {
			t.Errorf("%q: exit %d, stderr %q", args, code, errs)
		}
	}
}

// TestBookmarksJSONEscapesWhatTerminalsObey: a bookmark of a note whose
// name holds a C1 CSI or a bidi override (a vault's file name, kept in
// the state file) is written by --json as \u escapes, as every other
// command's JSON writes them, and decodes to the same strings.
func TestBookmarksJSONEscapesWhatTerminalsObey(t *testing.T) {
	tempStateHome(t)
	vault := t.TempDir()
	store, err := state.Open(vault)
	if err != nil {
		t.Fatal(err)
	}
	st, _, _ := store.Load()
	hostile := "a\u009b31m\u202egpj.md\u2028"
	st.AddBookmark(state.Bookmark{Note: hostile, Line: 2, Seconds: 5, Raw: "0:05\u0085", Name: "n\u009b2J\u2066"}, time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC))
	if _, err := store.Save(st); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCmd(t, "bookmarks", "--json", vault)
	if code != 0 || strings.ContainsAny(out, "\u009b\u202e\u2028\u0085\u2066") {
		t.Fatalf("exit %d, --json writes a character a terminal obeys raw: %q", code, out)
	}
	var got struct{ Note, Raw, Name string }
	if err := json.Unmarshal([]byte(out), &got); err != nil || got.Note != hostile || got.Raw != "0:05\u0085" || got.Name != "n\u009b2J\u2066" {
		t.Errorf("decoded %+v (%v), want the bookmark's strings", got, err)
	}
}
