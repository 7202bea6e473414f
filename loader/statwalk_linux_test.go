package loader

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"tubenotes/loader/attacktest"
	"tubenotes/loader/loadtest"
)

// TestStatWalkListsWhatReloadLists: the fast walk (Stamped on a vault on
// disk) gives exactly the files and stamps of the walk Reload makes, on a
// vault of every kind of entry the walk treats apart.
func TestStatWalkListsWhatReloadLists(t *testing.T) {
	dir := oddVault(t)
	for _, root := range []string{dir, "testdata/vault", loadtest.CorpusDir(t)} {
		fast, ok := statWalk(Dir(root))
		if !ok {
			t.Fatalf("%s: the fast walk gave up", root)
		}
		sortFiles(fast)
		_, slow, err := stamped(Dir(root))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Errorf("%s: fast walk\n%v\nslow walk\n%v", root, fast, slow)
		}
		for _, f := range fast {
			if f.Stamp == (Stamp{}) {
				t.Errorf("%s: %q has no stamp", root, f.Path)
			}
		}
	}
	got, err := Stamped(Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	sortFiles(got)
	var paths []string
	for _, f := range got {
		paths = append(paths, f.Path)
	}
	want := []string{"a.md", "b/deep/c.md", "b/to-a.md", "c/a\nb.md", "c/caf\xe9.md", "c/e\x1b]0;pwn\x07.md", "c/notes\u202e.md", "c/x\u009b31m.md", "caf\xe9/n.md", "dir.md/in.md", "to-txt.md", "\u2066c\u2069/n.md"}
	if !reflect.DeepEqual(paths, want) {
		t.Errorf("Stamped lists\n%q, want\n%q", paths, want)
	}
}

func sortFiles(files []File) {
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
}

// TestStatWalkStamps: a stamp is the file's size and modification time to
// the nanosecond, the linked file's for a symbolic link.
func TestStatWalkStamps(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "n.md", "twelve bytes")
	when := time.Date(2024, 5, 6, 7, 8, 9, 123456789, time.UTC)
	if err := os.Chtimes(filepath.Join(dir, "n.md"), when, when); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("n.md", filepath.Join(dir, "link.md")); err != nil {
		t.Fatal(err)
	}
	files, ok := statWalk(Dir(dir))
	want := Stamp{Size: 12, ModTime: when.UnixNano()}
	if !ok || len(files) != 2 || files[0].Stamp != want || files[1].Stamp != want {
		t.Errorf("stamps %v (%v), want both %v", files, ok, want)
	}
}

// TestStatWalkGivesUp: a file system not on disk, or a vault root that
// can't be opened, is left to the slow walk, which says what is wrong.
func TestStatWalkGivesUp(t *testing.T) {
	mem := fstest.MapFS{"a.md": {Data: []byte("# A\n")}}
	if _, ok := statWalk(mem); ok {
		t.Error("the fast walk took a file system in memory")
	}
	if files, err := Stamped(mem); err != nil || len(files) != 1 || files[0].Path != "a.md" || files[0].Stamp.Size != 4 {
		t.Errorf("Stamped in memory: %v, %v", files, err)
	}
	missing := filepath.Join(t.TempDir(), "gone")
	if _, ok := statWalk(Dir(missing)); ok {
		t.Error("the fast walk took a missing root")
	}
	if _, err := Stamped(Dir(missing)); err == nil {
		t.Error("Stamped of a missing root gave no error")
	}
	if _, ok := statWalk(Dir("")); ok {
		t.Error(`the fast walk took Dir("")`)
	}
}

// oddVault is a vault of every kind of entry: notes at several depths,
// hidden files and folders, a folder named like a note, links to a note,
// to a folder, to nothing and to themselves, a named pipe named like a
// note, files that are not notes, and the hostile names of attacktest.
func oddVault(t *testing.T) string {
	dir := t.TempDir()
	if _, err := attacktest.Vault(dir); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "a.md", "# A\n")
	writeFile(t, dir, "b/deep/c.md", "# C\n")
	writeFile(t, dir, "dir.md/in.md", "# In\n")
	writeFile(t, dir, ".hidden.md", "# Hidden\n")
	writeFile(t, dir, ".obsidian/x.md", "# X\n")
	writeFile(t, dir, "b/.trash/y.md", "# Y\n")
	writeFile(t, dir, "readme.txt", "not a note\n")
	links := map[string]string{
		"b/to-a.md":     "../a.md",
		"b/to-deep.md":  "deep",
		"b/to-deep":     "deep",
		"b/dangling.md": "nowhere.md",
		"b/dangling":    "nowhere",
		"b/loop.md":     "loop.md",
		"to-txt.md":     "readme.txt",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func writeFile(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
