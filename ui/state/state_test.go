package state

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

var t0 = time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)

func at(minutes int) time.Time { return t0.Add(time.Duration(minutes) * time.Minute) }

// newStore is a store for a new vault folder with its state in another
// temporary folder.
func newStore(t *testing.T) *Store {
	t.Helper()
	s, err := OpenIn(t.TempDir(), filepath.Join(t.TempDir(), "my vault"))
	if err != nil {
		t.Fatal(err)
	}
	s.now = func() time.Time { return t0 }
	return s
}

func load(t *testing.T, s *Store) *State {
	t.Helper()
	st, msg, err := s.Load()
	if err != nil || msg != "" {
		t.Fatalf("Load: %v %q", err, msg)
	}
	return st
}

func save(t *testing.T, s *Store, st *State) {
	t.Helper()
	if msg, err := s.Save(st); err != nil || msg != "" {
		t.Fatalf("Save: %v %q", err, msg)
	}
}

func TestRoundTrip(t *testing.T) {
	s := newStore(t)
	st := load(t, s)
	if st.Vault != s.Vault() || st.Resume.Timestamp != -1 || len(st.Bookmarks) != 0 {
		t.Fatalf("a new vault's state: %+v", st)
	}
	st.Resume = Resume{Note: "a/b.md", Scroll: 40, Timestamp: 3, Pane: "reader", Folds: []string{"a"},
		Back: []Place{{"index.md", 0}}, Forward: []Place{{"c.md", 7}}}
	st.SetPosition(Position{Note: "a/b.md", Scroll: 40, Timestamp: 3, Seen: at(1)})
	st.Opened("a/b.md", at(1))
	b := st.AddBookmark(Bookmark{Note: "a/b.md", Line: 12, Seconds: 62, Raw: "01:02", Name: "GPUs"}, at(2))
	save(t, s, st)

	got := load(t, s)
	if !reflect.DeepEqual(got, st) {
		t.Fatalf("read back\n%+v\nwant\n%+v", got, st)
	}
	if b.ID == "" || !b.Created.Equal(at(2)) || got.Bookmarks[0].ID != b.ID {
		t.Fatalf("bookmark %+v", got.Bookmarks)
	}
	if !strings.HasPrefix(filepath.Base(s.Path()), "my_vault-") || !strings.HasSuffix(s.Path(), ".json") {
		t.Fatalf("file name %s", s.Path())
	}
	// nothing else is left in the folder: no temporary files
	entries, _ := os.ReadDir(filepath.Dir(s.Path()))
	for _, e := range entries {
		if e.Name() != filepath.Base(s.Path()) && e.Name() != filepath.Base(s.Path())+".lock" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestOneFileAVault(t *testing.T) {
	dir := t.TempDir()
	a, _ := OpenIn(dir, "/x/notes")
	b, _ := OpenIn(dir, "/y/notes")
	c, _ := OpenIn(dir, "/x/../x/notes")
	if a.Path() == b.Path() || a.Path() != c.Path() {
		t.Fatalf("paths %s %s %s: want one file per absolute vault path", a.Path(), b.Path(), c.Path())
	}
}

func TestRefusesStateInsideTheVault(t *testing.T) {
	vault := t.TempDir()
	if _, err := OpenIn(filepath.Join(vault, ".state"), vault); err == nil || !strings.Contains(err.Error(), "inside the vault") {
		t.Fatalf("err %v", err)
	}
}

// TestALinkedVaultIsOneVault: a vault reached through a symbolic link
// has the state file of its real path, and a state folder reached
// through a link into the vault is still refused.
func TestALinkedVaultIsOneVault(t *testing.T) {
	vault, dir := t.TempDir(), t.TempDir()
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(vault, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	a, _ := OpenIn(dir, vault)
	b, _ := OpenIn(dir, link)
	if a.Path() != b.Path() {
		t.Errorf("two state files for one vault: %s and %s", a.Path(), b.Path())
	}
	if err := os.Mkdir(filepath.Join(vault, "state"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenIn(filepath.Join(link, "state"), vault); err == nil || !strings.Contains(err.Error(), "inside the vault") {
		t.Errorf("a state folder inside the vault through a link: err %v", err)
	}
}

func TestDirFollowsXDG(t *testing.T) {
	if !strings.HasSuffix(Dir(), string(filepath.Separator)+"tubenotes") {
		t.Fatalf("Dir() = %s", Dir())
	}
}

func TestBadFilesAreSetAside(t *testing.T) {
	cases := []struct{ name, text, why string }{
		{"corrupt", `{"version": 1, "bookm`, "not valid JSON"},
		{"array", `[]`, "not a state file"},
		{"no version", `{"bookmarks": []}`, "not a state file"},
		{"wrong types", `{"version": 1, "bookmarks": 7}`, "not a state file"},
		{"future", `{"version": 99, "bookmarks": [{"id": "x"}]}`, "written by a newer tubenotes (version 99)"},
		{"another vault", `{"version": 1, "vault": "/elsewhere"}`, `the state of another vault ("/elsewhere")`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			if err := os.MkdirAll(filepath.Dir(s.Path()), 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(s.Path(), []byte(tc.text), 0o600); err != nil {
				t.Fatal(err)
			}
			st, msg, err := s.Load()
			if err != nil || len(st.Bookmarks) != 0 {
				t.Fatalf("Load: %v %+v", err, st)
			}
			bad := s.Path() + ".20261201T100000.bad"
			want := fmt.Sprintf("state file %s: %s; kept as %s, starting afresh", s.Path(), tc.why, bad)
			if msg != want {
				t.Fatalf("message %q\nwant    %q", msg, want)
			}
			if data, _ := os.ReadFile(bad); string(data) != tc.text {
				t.Fatalf("the bad file was not kept as it was: %q", data)
			}
			// A second bad file gets its own name: the first is not lost.
			if err := os.WriteFile(s.Path(), []byte(tc.text), 0o600); err != nil {
				t.Fatal(err)
			}
			if _, msg, _ := s.Load(); !strings.Contains(msg, ".20261201T100000-2.bad") {
				t.Fatalf("second set-aside: %q", msg)
			}
			save(t, s, st)
			load(t, s)
		})
	}
}

func TestSaveSetsAsideAFileBrokenSinceLoad(t *testing.T) {
	s := newStore(t)
	st := load(t, s)
	st.AddBookmark(Bookmark{Note: "n.md", Line: 1, Seconds: -1}, at(1))
	save(t, s, st)
	if err := os.WriteFile(s.Path(), []byte("garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	msg, err := s.Save(st)
	if err != nil || !strings.Contains(msg, "not valid JSON; kept as") {
		t.Fatalf("Save: %v %q", err, msg)
	}
	if got := load(t, s); len(got.Bookmarks) != 1 {
		t.Fatalf("bookmarks after: %+v", got.Bookmarks)
	}
}

func TestTooBigFileIsSetAside(t *testing.T) {
	s := newStore(t)
	if err := os.MkdirAll(filepath.Dir(s.Path()), 0o700); err != nil {
		t.Fatal(err)
	}
	big := `{"version":1,"x":"` + strings.Repeat("a", maxSize) + `"}`
	if err := os.WriteFile(s.Path(), []byte(big), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, msg, err := s.Load(); err != nil || !strings.Contains(msg, "larger than") {
		t.Fatalf("Load: %v %q", err, msg)
	}
}

// TestTwoInstancesKeepEachOthersBookmarks: both load the same file, each
// adds, renames and deletes; after both save, every change holds.
func TestTwoInstancesKeepEachOthersBookmarks(t *testing.T) {
	s := newStore(t)
	st := load(t, s)
	keep := st.AddBookmark(Bookmark{Note: "n.md", Line: 1, Seconds: -1}, at(0))
	gone := st.AddBookmark(Bookmark{Note: "n.md", Line: 2, Seconds: -1}, at(0))
	save(t, s, st)

	a, b := load(t, s), load(t, s)
	fromA := a.AddBookmark(Bookmark{Note: "a.md", Line: 5, Seconds: 10, Raw: "0:10"}, at(1))
	a.RenameBookmark(keep.ID, "renamed by a", at(2))
	a.SetPosition(Position{Note: "a.md", Scroll: 3, Seen: at(1)})
	fromB := b.AddBookmark(Bookmark{Note: "b.md", Line: 6, Seconds: -1}, at(1))
	b.DeleteBookmark(gone.ID, at(3))
	b.SetPosition(Position{Note: "a.md", Scroll: 9, Seen: at(4)})
	b.SetPosition(Position{Note: "b.md", Scroll: 1, Seen: at(0)})
	save(t, s, a)
	save(t, s, b)

	got := load(t, s)
	ids := map[string]string{}
	for _, bm := range got.Bookmarks {
		ids[bm.ID] = bm.Name
	}
	if len(got.Bookmarks) != 3 || ids[keep.ID] != "renamed by a" || ids[fromA.ID] != "" || ids[fromB.ID] != "" {
		t.Fatalf("bookmarks %+v", got.Bookmarks)
	}
	if _, ok := ids[gone.ID]; ok {
		t.Fatal("a deleted bookmark came back")
	}
	if p, _ := got.PositionOf("a.md"); p.Scroll != 9 {
		t.Fatalf("the newer position should win: %+v", p)
	}
	if len(got.Positions) != 2 || got.Positions[0].Note != "a.md" {
		t.Fatalf("positions newest first: %+v", got.Positions)
	}
	// b's own state is the merged one after its save
	if len(b.Bookmarks) != 3 {
		t.Fatalf("b after saving: %+v", b.Bookmarks)
	}
	// a saving again (it never saw the delete) does not bring it back
	save(t, s, a)
	if got := load(t, s); len(got.Bookmarks) != 3 {
		t.Fatalf("after a's second save: %+v", got.Bookmarks)
	}
}

// TestConcurrentSaves: many savers at once, each with its own bookmark,
// lose none.
func TestConcurrentSaves(t *testing.T) {
	s := newStore(t)
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			st := New(s.Vault())
			st.AddBookmark(Bookmark{Note: fmt.Sprintf("n%d.md", i), Seconds: -1}, at(i))
			if _, err := s.Save(st); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got := load(t, s); len(got.Bookmarks) != 20 {
		t.Fatalf("%d bookmarks, want 20", len(got.Bookmarks))
	}
}

func TestBounds(t *testing.T) {
	st := New("/v")
	for i := range MaxPositions + 50 {
		st.SetPosition(Position{Note: fmt.Sprintf("%d.md", i), Seen: at(i)})
		st.Opened(fmt.Sprintf("%d.md", i), at(i))
	}
	st.SetPosition(Position{Note: "200.md", Scroll: 5, Seen: at(1000)})
	if len(st.Positions) != MaxPositions || st.Positions[0].Note != "200.md" || st.Positions[MaxPositions-1].Note != "50.md" {
		t.Fatalf("%d positions, first %s, last %s", len(st.Positions), st.Positions[0].Note, st.Positions[len(st.Positions)-1].Note)
	}
	if len(st.Recent) != MaxRecent || st.Recent[0].Note != fmt.Sprintf("%d.md", MaxPositions+49) {
		t.Fatalf("recent %+v", st.Recent[:2])
	}
	if _, ok := st.PositionOf("0.md"); ok {
		t.Fatal("the oldest position should be gone")
	}
}

func TestBookmarkEdits(t *testing.T) {
	st := New("/v")
	b1 := st.AddBookmark(Bookmark{Note: "n.md", Line: 9, Seconds: -1}, at(0))
	st.AddBookmark(Bookmark{Note: "n.md", Line: 3, Seconds: -1}, at(1))
	st.AddBookmark(Bookmark{Note: "m.md", Line: 1, Seconds: -1}, at(2))
	if got := st.BookmarksOf("n.md"); len(got) != 2 || got[0].Line != 3 {
		t.Fatalf("BookmarksOf: %+v", got)
	}
	if !st.RenameBookmark(b1.ID, "x", at(5)) || st.Bookmarks[0].Name != "x" || !st.Bookmarks[0].Changed.Equal(at(5)) {
		t.Fatalf("rename: %+v", st.Bookmarks[0])
	}
	if st.RenameBookmark("nope", "x", at(5)) || st.DeleteBookmark("nope", at(5)) {
		t.Fatal("edited a bookmark that isn't there")
	}
	if !st.DeleteBookmark(b1.ID, at(6)) || len(st.Bookmarks) != 2 || st.Deleted[0].ID != b1.ID {
		t.Fatalf("delete: %+v %+v", st.Bookmarks, st.Deleted)
	}
}

func TestFileIsPlainJSON(t *testing.T) {
	s := newStore(t)
	st := load(t, s)
	st.AddBookmark(Bookmark{Note: "a\"b.md", Line: 1, Seconds: -1, Name: "<\x1b[31m>"}, at(0))
	save(t, s, st)
	data, _ := os.ReadFile(s.Path())
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"version", "vault", "resume", "positions", "bookmarks", "recent", "deleted"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("no %q in the file", k)
		}
	}
	if strings.Contains(string(data), "\x1b") {
		t.Error("a control character was written raw")
	}
}
