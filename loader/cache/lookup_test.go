package cache

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"tubenotes/loader"
	"tubenotes/model"
	"tubenotes/model/search"
)

// TestLookupAnswersAsALoad: a search through a lookup of an up-to-date
// cache finds what a search of the loaded vault finds, and each hit's note
// read from the cache is the note a load gives, text and all.
func TestLookupAnswersAsALoad(t *testing.T) {
	root := newVault(t)
	warmUp(t, root)
	lk, err := OpenLookup(root, loader.Dir(root), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := loader.Load(loader.Dir(root), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
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
