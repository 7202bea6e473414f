package loader

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"tubenotes/loader/attacktest"
)

// TestAttackFileClaimsHugeSize: a file whose Stat claims far more than it
// holds, and that streams more than the note limit, becomes a "too large"
// problem, and the reader stops soon after the limit instead of
// allocating what Stat claims or reading what the file streams; one whose
// Stat claims more than the limit is not read past a chunk (a folder of
// sparse files of gigabytes cost 64 MB of reads and allocation each).
func TestAttackFileClaimsHugeSize(t *testing.T) {
	for _, c := range []struct {
		name            string
		claims, streams int64
		want            string
		readMost        int64
	}{
		{"claims a little more than it streams", maxNoteSize + 64<<20, maxNoteSize + 32<<20, fmt.Sprintf("too large: %d MB, limit %d MB", (maxNoteSize+64<<20)>>20, maxNoteSize>>20), chunkSize},
		{"claims an exabyte", 1 << 60, maxNoteSize + 32<<20, fmt.Sprintf("too large: %d MB, limit %d MB", int64(1<<60)>>20, maxNoteSize>>20), chunkSize},
		{"claims less than it streams", 1000, maxNoteSize + 32<<20, fmt.Sprintf("too large: over %d MB, limit %d MB", maxNoteSize>>20, maxNoteSize>>20), maxNoteSize + chunkSize},
	} {
		t.Run(c.name, func(t *testing.T) {
			var read int64
			fsys := attacktest.NewLyingFS("c/huge.md", c.claims, c.streams, &read)
			v, err := Load(fsys, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(v.Notes) != 0 {
				t.Errorf("loaded %d notes from a file over the limit", len(v.Notes))
			}
			if got := problemStrings(v.Problems); !reflect.DeepEqual(got, []string{"c/huge.md: " + c.want}) {
				t.Errorf("problems %q, want %q", got, "c/huge.md: "+c.want)
			}
			if read > c.readMost {
				t.Errorf("read %d bytes of the file, want at most %d", read, c.readMost)
			}
			// A note read alone, as the cache reads one, is bounded alike.
			for _, again := range []func() error{
				func() error { _, err := ReadText(fsys, "c/huge.md"); return err },
				func() error { _, err := ReadNote(fsys, "c/huge.md", 0); return err },
			} {
				read = 0
				if err := again(); err == nil || !strings.HasPrefix(err.Error(), "too large") || read > c.readMost {
					t.Errorf("read alone: %v after %d bytes; want too large, after %d at most", err, read, c.readMost)
				}
			}
		})
	}
}

// TestAttackSparseFile: a real sparse file (truncate -s) over the limit is
// a "too large" problem, read only up to the limit, whatever its size.
func TestAttackSparseFile(t *testing.T) {
	for _, size := range []int64{maxNoteSize + 1, 6 << 30} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "ok.md"), []byte("# ok\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := attacktest.SparseFile(filepath.Join(dir, "huge.md"), size); err != nil {
			t.Skipf("no sparse files here: %v", err)
		}
		v, err := Load(Dir(dir), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := notePaths(v); !reflect.DeepEqual(got, []string{"ok.md"}) {
			t.Errorf("%d bytes: notes %q", size, got)
		}
		want := []string{fmt.Sprintf("huge.md: too large: %d MB, limit %d MB", size>>20, maxNoteSize>>20)}
		if got := problemStrings(v.Problems); !reflect.DeepEqual(got, want) {
			t.Errorf("%d bytes: problems %q, want %q", size, got, want)
		}
	}
}

// TestAttackNotUTF8Name: a file whose name is not UTF-8 (caf\xe9.md, as
// Latin-1 systems write it) loads under its exact name, like every other
// hostile name.
func TestAttackNotUTF8Name(t *testing.T) {
	dir := t.TempDir()
	made, err := attacktest.Vault(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(made) < 2 {
		t.Skipf("this file system refuses the hostile names: made %q", made)
	}
	v, err := Load(Dir(dir), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range made {
		if v.Note(name) == nil {
			t.Errorf("%q not loaded; problems %q", name, problemStrings(v.Problems))
		}
	}
	if len(v.Problems) != 0 {
		t.Errorf("problems %q", problemStrings(v.Problems))
	}
	if !strings.Contains(strings.Join(made, ""), "\xe9") {
		t.Error("the file system did not keep the Latin-1 name: the test proves nothing")
	}
}
