package cache

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
	"tubenotes/model"
	"tubenotes/model/search"
)

// TestLookupAnswersAsALoad: a search through a lookup of an up-to-date
// cache finds what a search of the loaded vault finds, and each hit's note
// read from the cache is the note a load gives, text and all.
func TestLookupAnswersAsALoad(t *testing.T) {
	lk, fresh := lookupAndLoad(t, newVault(t))
	built := search.Build(fresh.Notes)
	for _, query := range []string{"interest", `"interest rates"`, "alpha", "demo"} {
		q, err := search.Parse(query)
		if err != nil {
			t.Fatal(err)
		}
		got, want := lk.Index.Search(q), built.Search(q)
		if len(got.Hits) != len(want.Hits) || len(got.Hits) == 0 {
			t.Fatalf("%q: %d hits, want %d (and some)", query, len(got.Hits), len(want.Hits))
		}
		for i, h := range got.Hits {
			n, err := lk.Note(h.Note)
			if err != nil {
				t.Fatal(err)
			}
			if h.Line != want.Hits[i].Line || !reflect.DeepEqual(eagerNotes([]*model.Note{n}), eagerNotes([]*model.Note{want.Hits[i].Note})) {
				t.Errorf("%q hit %d: %s:%d, want %s:%d, or its note differs", query, i, n.Path, h.Line, want.Hits[i].Note.Path, want.Hits[i].Line)
			}
		}
	}
	if lk.Index.Err() != nil {
		t.Error(lk.Index.Err())
	}
}

// lookupAndLoad warms the cache of the vault at root up, then opens a
// lookup of it and loads the vault.
func lookupAndLoad(t *testing.T, root string) (*Lookup, *model.Vault) {
	t.Helper()
	warmUp(t, root)
	lk, err := OpenLookup(root, loader.Dir(root), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := loader.Load(loader.Dir(root), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return lk, fresh
}

// TestLookupNotesFromManyGoroutines: a search reads its hits' notes on
// every core. Asked for every note from eight goroutines at once (over
// more than one chunk of fields), a lookup gives each stand-in one note,
// the same to every goroutine, and it is the note a load gives.
func TestLookupNotesFromManyGoroutines(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	root := t.TempDir()
	for name, f := range loadtest.Generate(3*notesPerChunk, 1) {
		writeNote(t, root, name, string(f.Data))
	}
	lk, fresh := lookupAndLoad(t, root)
	if len(lk.notes) != len(fresh.Notes) || len(lk.notes) <= 2*notesPerChunk {
		t.Fatalf("%d stand-ins for %d notes (want over %d)", len(lk.notes), len(fresh.Notes), 2*notesPerChunk)
	}
	const goroutines = 8
	got := make([][]*model.Note, goroutines)
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for i := range lk.notes {
				k := (i + g*7) % len(lk.notes) // each goroutine in its own order
				n, err := lk.Note(lk.notes[k])
				if err != nil {
					t.Error(err)
					return
				}
				if got[g] == nil {
					got[g] = make([]*model.Note, len(lk.notes))
				}
				got[g][k] = n
			}
		})
	}
	wg.Wait()
	for i, want := range fresh.Notes {
		for g := range goroutines {
			if got[g][i] != got[0][i] {
				t.Fatalf("note %d: goroutines %d and 0 were given different notes", i, g)
			}
		}
		if !reflect.DeepEqual(eagerNotes([]*model.Note{got[0][i]}), eagerNotes([]*model.Note{want})) {
			t.Fatalf("note %s read from the cache differs from the load's", want.Path)
		}
	}
}

// TestLookupRefusesAStaleCache: a lookup answers only for the vault as the
// cache holds it; a change, a new file or a missing index sends the
// caller to a load.
func TestLookupRefusesAStaleCache(t *testing.T) {
	root := newVault(t)
	if _, err := OpenLookup(root, loader.Dir(root), loader.Options{}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("no cache yet: %v", err)
	}
	warmUp(t, root)
	writeNote(t, root, "topics/new.md", "# New\nnothing\n")
	if _, err := OpenLookup(root, loader.Dir(root), loader.Options{}); !errors.Is(err, errStale) {
		t.Errorf("a file came: %v, want the cache stale", err)
	}
	os.Remove(filepath.Join(root, "topics/new.md"))
	if _, err := OpenLookup(root, loader.Dir(root), loader.Options{}); err != nil {
		t.Errorf("back as it was: %v", err)
	}
	res := load(t, root, loader.Options{})
	res.upToDate, res.hadIndex = false, false
	if err := res.Save(nil); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenLookup(root, loader.Dir(root), loader.Options{}); err == nil {
		t.Error("a cache without index answered")
	}
}

// TestLookupRefusesEveryChange: each change to the vault's note files
// since the cache was written sends a search to a load; a change to what
// is not a note does not.
func TestLookupRefusesEveryChange(t *testing.T) {
	changes := []struct {
		name  string
		stale bool
		do    func(t *testing.T, root string)
	}{
		{"edited, same size", true, func(t *testing.T, root string) {
			if err := os.WriteFile(filepath.Join(root, "topics/beta.md"), []byte("# Beta\nBack to [[alpha]]. Interest rates fall.\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{"touched, same bytes", true, func(t *testing.T, root string) {
			if err := os.Chtimes(filepath.Join(root, "topics/beta.md"), past.Add(time.Second), past.Add(time.Second)); err != nil {
				t.Fatal(err)
			}
		}},
		{"grown", true, func(t *testing.T, root string) {
			writeNote(t, root, "topics/beta.md", "# Beta\nBack to [[alpha]]. Interest rates rise and rise.\n")
		}},
		{"deleted", true, func(t *testing.T, root string) { mustRemove(t, filepath.Join(root, "topics/beta.md")) }},
		{"renamed", true, func(t *testing.T, root string) {
			mustRename(t, filepath.Join(root, "topics/beta.md"), filepath.Join(root, "topics/beta2.md"))
		}},
		{"folder renamed", true, func(t *testing.T, root string) {
			mustRename(t, filepath.Join(root, "topics"), filepath.Join(root, "subjects"))
		}},
		{"added deep", true, func(t *testing.T, root string) { writeNote(t, root, "a/b/c/new.md", "# New\n") }},
		{"linked note added", true, func(t *testing.T, root string) {
			if err := os.Symlink("topics/beta.md", filepath.Join(root, "link.md")); err != nil {
				t.Fatal(err)
			}
		}},
		{"hidden note added", false, func(t *testing.T, root string) { writeNote(t, root, ".trash/old.md", "# Old\n") }},
		{"other file added", false, func(t *testing.T, root string) { writeNote(t, root, "topics/image.png", "png") }},
		{"empty folder added", false, func(t *testing.T, root string) {
			if err := os.Mkdir(filepath.Join(root, "empty"), 0o755); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, c := range changes {
		t.Run(c.name, func(t *testing.T) {
			root := newVault(t)
			warmUp(t, root)
			if _, err := OpenLookup(root, loader.Dir(root), loader.Options{}); err != nil {
				t.Fatalf("before the change: %v", err)
			}
			c.do(t, root)
			_, err := OpenLookup(root, loader.Dir(root), loader.Options{})
			if c.stale && !errors.Is(err, errStale) {
				t.Errorf("got %v, want the cache stale", err)
			}
			if !c.stale && err != nil {
				t.Errorf("got %v, want the cache used", err)
			}
		})
	}
}

// TestSameFiles: the files found match the cached ones in any order, each
// path once with its stamp, and never when a stamp is not to be trusted.
func TestSameFiles(t *testing.T) {
	file := func(p string, size int64) loader.File {
		return loader.File{Path: p, Known: loader.Known{Stamp: loader.Stamp{Size: size, ModTime: 7}}}
	}
	cached := []loader.File{file("a.md", 1), file("b/c.md", 2), file("b.md", 3)}
	cases := []struct {
		name   string
		cached []loader.File
		found  []loader.File
		want   bool
	}{
		{"same order", cached, []loader.File{file("a.md", 1), file("b/c.md", 2), file("b.md", 3)}, true},
		{"other order", cached, []loader.File{file("b.md", 3), file("a.md", 1), file("b/c.md", 2)}, true},
		{"a stamp differs", cached, []loader.File{file("b.md", 3), file("a.md", 9), file("b/c.md", 2)}, false},
		{"one more", cached, []loader.File{file("b.md", 3), file("a.md", 1), file("b/c.md", 2), file("d.md", 4)}, false},
		{"one less", cached, []loader.File{file("b.md", 3), file("a.md", 1)}, false},
		{"one other", cached, []loader.File{file("b.md", 3), file("a.md", 1), file("d.md", 2)}, false},
		{"cached twice", []loader.File{file("a.md", 1), file("a.md", 1), file("b.md", 3)}, []loader.File{file("a.md", 1), file("b.md", 3), file("c.md", 3)}, false},
		{"no stamp", []loader.File{{Path: "a.md"}}, []loader.File{{Path: "a.md"}}, false},
		{"none", nil, nil, true},
	}
	for _, c := range cases {
		if got := sameFiles(c.cached, c.found); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

func mustRemove(t *testing.T, p string) {
	t.Helper()
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
}

func mustRename(t *testing.T, from, to string) {
	t.Helper()
	if err := os.Rename(from, to); err != nil {
		t.Fatal(err)
	}
}

// slowNote is a vault's file system whose one note opens slowly and is
// counted: a search's goroutines asking for it at once all wait on it.
type slowNote struct {
	fs.FS
	path  string
	opens atomic.Int64
}

func (s *slowNote) Open(p string) (fs.File, error) {
	if p == s.path {
		s.opens.Add(1)
		time.Sleep(50 * time.Millisecond)
	}
	return s.FS.Open(p)
}

// TestLookupReadsANoteOnceForHitsAtOnce: the hits of one note described
// at once, on every core, read its file once: a note of many hit lines
// is read by each core's goroutine at the same time, and each reading it
// for itself held a copy of up to 64 MB a core.
func TestLookupReadsANoteOnceForHitsAtOnce(t *testing.T) {
	root := newVault(t)
	slow := &slowNote{FS: loader.Dir(root), path: "topics/beta.md"}
	warmUpWith(t, root, slow) // stamps without change times, as slow gives them
	lk, err := OpenLookup(root, slow, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	slow.opens.Store(0)
	i, ok := slices.BinarySearchFunc(lk.notes, slow.path, func(n *model.Note, p string) int { return strings.Compare(n.Path, p) })
	if !ok {
		t.Fatal("no stand-in for", slow.path)
	}
	const goroutines = 8
	got := make([]*model.Note, goroutines)
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			n, err := lk.Note(lk.notes[i])
			if err != nil {
				t.Error(err)
			}
			got[g] = n
		})
	}
	wg.Wait()
	if opens := slow.opens.Load(); opens != 1 {
		t.Errorf("the note's file was opened %d times, want once", opens)
	}
	for g := range got {
		if got[g] != got[0] || got[0] == nil || got[0].Text() == "" {
			t.Fatalf("goroutine %d was given note %p, goroutine 0 %p: want the one note, with its text", g, got[g], got[0])
		}
	}
}
