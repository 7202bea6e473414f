package ui

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"tubenotes/loader/demo"
	"tubenotes/model"
	"tubenotes/ui/notes"
	"tubenotes/ui/start"
	"tubenotes/ui/state"
)

// newStore is a state store for a vault folder, its file in a temporary
// state folder (never the user's).
func newStore(t testing.TB) *state.Store {
	t.Helper()
	s, err := state.OpenIn(t.TempDir(), filepath.Join(t.TempDir(), "vault"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// stateHarness is a browser on the demo vault at 100x30 keeping its state
// in store, started as the program would: the vault and the state read.
// Saves after moves are waited for only a millisecond, so every key's
// debounced save runs within the test.
func stateHarness(t testing.TB, store StateStore, fresh bool) *harness {
	t.Helper()
	return stateHarnessOn(t, demo.FS(), store, fresh)
}

// stateHarnessOn is stateHarness on the vault in fsys.
func stateHarnessOn(t testing.TB, fsys fs.FS, store StateStore, fresh bool) *harness {
	t.Helper()
	v := loadVault(t, fsys)
	op := &fakeOpener{}
	m := New(Options{
		Load:   func(func(int, int)) (*model.Vault, error) { return v, nil },
		Opener: op,
		Style:  "notty",
		State:  store,
		Fresh:  fresh,
	})
	m.mem.delay = time.Millisecond
	h := &harness{t: t, m: m, opener: op}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.send(loadedMsg{vault: v, listing: notes.List(v)})
	if h.note() != "" {
		t.Fatal("a note opened before the state was read")
	}
	h.send(run(h.m.loadStateCmd())...)
	return h
}

// open opens the note at path as the notes pane asks.
func (h *harness) open(path string) {
	h.t.Helper()
	n := h.m.vault.Note(path)
	if n == nil {
		h.t.Fatalf("no note %s", path)
	}
	h.send(run(h.m.act(openNoteRequest(n)))...)
}

func saved(t *testing.T, s *state.Store) *state.State {
	t.Helper()
	st, err := s.Read()
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestResumeWhereYouLeftOff(t *testing.T) {
	store := newStore(t)
	h := stateHarness(t, store, false)
	h.press("j", "enter") // fold 3blue1brown
	h.open(cloudPath)
	h.open(seedPath)
	h.press("ctrl+d", "t", "t", "t")
	want := h.m.resumeHere()
	if want.Note != seedPath || want.Scroll == 0 || want.Timestamp < 0 || want.Pane != "reader" ||
		!reflect.DeepEqual(want.Folds, []string{"3blue1brown"}) || len(want.Back) != 2 {
		t.Fatalf("the place to resume is not what was done: %+v", want)
	}
	h.press("q")
	if !h.quit {
		t.Fatal("q did not quit")
	}
	if got := saved(t, store).Resume; !reflect.DeepEqual(got, want) {
		t.Fatalf("saved on quit\n%+v\nwant\n%+v", got, want)
	}

	again := stateHarness(t, store, false)
	if got := again.m.resumeHere(); !reflect.DeepEqual(got, want) {
		t.Fatalf("started again at\n%+v\nwant\n%+v", got, want)
	}
	if again.m.reader.YOffset() != want.Scroll || again.screen() != h.screen() {
		t.Errorf("the screen is not the one left:\n%s\nwant\n%s", again.screen(), h.screen())
	}
	again.press("backspace") // the history came back too
	if again.note() != cloudPath {
		t.Errorf("back went to %q, want %s", again.note(), cloudPath)
	}
}

func TestFreshStartsAtTheIndexKeepingBookmarks(t *testing.T) {
	store := newStore(t)
	h := stateHarness(t, store, false)
	h.open(seedPath)
	h.press("m", "enter", "q")

	fresh := stateHarness(t, store, true)
	if fresh.note() != "index.md" || fresh.m.focus != focusNotes {
		t.Fatalf("--fresh opened %q with focus %d, want index.md and the notes", fresh.note(), fresh.m.focus)
	}
	if len(fresh.m.listed()) != 1 {
		t.Errorf("--fresh lost the bookmarks: %+v", fresh.m.listed())
	}
	fresh.open(seedPath)
	if fresh.m.reader.YOffset() != 0 {
		t.Errorf("the seed note reopened at %d, want its last place 0", fresh.m.reader.YOffset())
	}
}

func TestAVanishedNoteIsSkippedWithAMessage(t *testing.T) {
	store := newStore(t)
	st := state.New(store.Vault())
	st.Resume = state.Resume{Note: "bankless/deleted since.md", Scroll: 12, Timestamp: -1, Pane: "reader",
		Back: []state.Place{{Note: "gone too.md"}, {Note: cloudPath, Scroll: 3}}}
	if _, err := store.Save(st); err != nil {
		t.Fatal(err)
	}
	h := stateHarness(t, store, false)
	if h.note() != "index.md" {
		t.Errorf("opened %q, want the index", h.note())
	}
	if got := h.statusLine(); !strings.Contains(got, "bankless/deleted since.md, open when you left, is gone; starting at the index") {
		t.Errorf("status line %q", got)
	}
	if len(h.m.back) != 1 || h.m.back[0].note.Path != cloudPath || h.m.back[0].yOffset != 3 {
		t.Errorf("history %+v: want the note that still exists", h.m.back)
	}
}

func TestABadStateFileIsSetAsideAndSaid(t *testing.T) {
	store := newStore(t)
	if err := os.MkdirAll(filepath.Dir(store.Path()), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(store.Path(), []byte(`{"version": 1, "bookm`), 0o600); err != nil {
		t.Fatal(err)
	}
	h := stateHarness(t, store, false)
	// the folder is left out of the file names, so the point fits
	if got := h.statusLine(); !strings.Contains(got, "state file "+filepath.Base(store.Path())+": not valid JSON; kept as") {
		t.Errorf("status line %q, want the state's one-line message", got)
	}
	if h.note() != "index.md" {
		t.Errorf("opened %q", h.note())
	}
	bad, _ := filepath.Glob(store.Path() + ".*.bad")
	if len(bad) != 1 {
		t.Errorf("set aside: %q", bad)
	}
}

func TestEachNoteReopensWhereItWasLeft(t *testing.T) {
	h := stateHarness(t, newStore(t), false)
	h.open(seedPath)
	h.press("ctrl+d", "t")
	seedAt, ts := h.m.reader.YOffset(), h.m.selectedTimestamp()
	if seedAt == 0 || ts < 0 {
		t.Fatalf("the seed note did not scroll (%d) or select (%d)", seedAt, ts)
	}
	h.open(cloudPath)
	if h.m.reader.YOffset() != 0 {
		t.Fatalf("a note never read opened at %d", h.m.reader.YOffset())
	}
	h.press("j")
	h.open(seedPath)
	if h.m.reader.YOffset() != seedAt || h.m.selectedTimestamp() != ts {
		t.Errorf("the seed note reopened at %d with timestamp %d, want %d and %d",
			h.m.reader.YOffset(), h.m.selectedTimestamp(), seedAt, ts)
	}
	if got := h.m.mem.st.Recent; len(got) < 2 || got[0].Note != seedPath || got[1].Note != cloudPath {
		t.Errorf("recent notes %+v", got)
	}
}

func TestMovesAreSavedOnceTheyStop(t *testing.T) {
	store := newStore(t)
	h := stateHarness(t, store, false)
	h.open(seedPath)
	h.press("ctrl+d")
	if got := saved(t, store).Resume; got.Note != seedPath || got.Scroll != h.m.reader.YOffset() {
		t.Fatalf("after a move, the file says %+v", got)
	}
	// A tick of an older move does not save: only the newest one does.
	before, _ := os.Stat(store.Path())
	h.m.mem.gen++
	h.send(saveTickMsg{gen: h.m.mem.gen - 1})
	if after, _ := os.Stat(store.Path()); !after.ModTime().Equal(before.ModTime()) {
		t.Error("a stale tick saved")
	}
}

func TestTheDemoVaultKeepsNothing(t *testing.T) {
	h := demoHarness(t)
	openSeed(h)
	h.press("m")
	if h.m.mode != modeBrowse || !strings.Contains(h.statusLine(), "bookmarks are kept for a vault folder") {
		t.Errorf("m on the demo: mode %d, status %q", h.m.mode, h.statusLine())
	}
	if cmd := h.m.quit(); cmd == nil {
		t.Fatal("no quit")
	} else if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("quit on the demo did not quit")
	}
}

func TestTheStartPageShowsNotesReadLastAndBookmarked(t *testing.T) {
	store, vault := newStore(t), demoWithoutIndex(t)
	h := stateHarnessOn(t, vault, store, false)
	h.open("index.md") // empty: the start page stands for it, so it is not listed
	h.open(seedPath)
	h.press("m", "enter")
	h.open(cloudPath)
	h.press("q")

	again := stateHarnessOn(t, vault, store, true) // --fresh: the start page
	if again.note() != start.Path {
		t.Fatalf("opened %q, want the start page", again.note())
	}
	screen := again.screen()
	read, marked, channels := strings.Index(screen, "Read last"), strings.Index(screen, "Bookmarks"), strings.Index(screen, "Channels")
	if read < 0 || marked < read || channels < marked {
		t.Fatalf("the start page's sections:\n%s", screen)
	}
	if list := screen[read:marked]; strings.Index(list, "Cloud computing") > strings.Index(list, "Importance of GPUs") ||
		!strings.Contains(list, "Importance of GPUs") || strings.Contains(list, "Demo") {
		t.Errorf("read last, newest first:\n%s", list)
	}
	if list := screen[marked:channels]; !strings.Contains(list, "Importance of GPUs") || strings.Contains(list, "Cloud computing") {
		t.Errorf("bookmarked:\n%s", list)
	}
}

func TestStartPageListsRecentAndBookmarkedNotes(t *testing.T) {
	h := stateHarness(t, newStore(t), false)
	h.open(seedPath)
	h.press("m", "enter")
	h.open(cloudPath)
	recent, bookmarked := h.m.startLists()
	paths := func(ns []*model.Note) (out []string) {
		for _, n := range ns {
			out = append(out, n.Path)
		}
		return out
	}
	if got := paths(recent); !reflect.DeepEqual(got[:3], []string{cloudPath, seedPath, "index.md"}) {
		t.Errorf("recent %q", got)
	}
	if got := paths(bookmarked); !reflect.DeepEqual(got, []string{seedPath}) {
		t.Errorf("bookmarked %q", got)
	}
}

func TestEveryPaneHasAName(t *testing.T) {
	for f := range numFocus {
		name := paneName(f)
		if name == "" || paneNamed(name) != f {
			t.Errorf("pane %d is named %q, which gives back %d", f, name, paneNamed(name))
		}
	}
	if paneNamed("a pane of a later version") != focusNotes {
		t.Error("an unknown pane name should give the notes")
	}
}
