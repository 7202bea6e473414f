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

	"golang.org/x/sys/unix"

	"tubenotes/loader/attacktest"
	"tubenotes/loader/loadtest"
)

// TestStatWalkListsWhatReloadLists: the fast walk gives exactly the files
// and stamps of walk and a stat of each, on a vault of every kind of entry
// the walk treats apart, on testdata and on the corpus; and Reload's walk
// (stamped), fast or not, gives what walk gives, problems and all.
func TestStatWalkListsWhatReloadLists(t *testing.T) {
	dir := oddVault(t)
	for _, root := range []string{dir, plainVault(t), "testdata/vault", loadtest.CorpusDir(t)} {
		fast, _, ok := statWalk(Dir(root))
		if !ok {
			t.Fatalf("%s: the fast walk gave up", root)
		}
		sortFiles(fast)
		slowWalk, slow, err := walkStamped(Dir(root))
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
		reloadWalk, reloadFiles, err := stamped(Dir(root))
		if err != nil || !reflect.DeepEqual(reloadFiles, slow) || !reflect.DeepEqual(reloadWalk.files, slowWalk.files) ||
			!reflect.DeepEqual(reloadWalk.problems, slowWalk.problems) {
			t.Errorf("%s: Reload's walk gave %v, %v, %v (%v); walk %v, %v, %v", root, reloadWalk.files, reloadWalk.problems, reloadFiles, err, slowWalk.files, slowWalk.problems, slow)
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

// TestStatWalkPlain: the fast walk calls a vault plain exactly when walk
// reports no problem in it, entry by entry.
func TestStatWalkPlain(t *testing.T) {
	entries := map[string]func(t *testing.T, dir string){
		"note":             func(t *testing.T, dir string) { writeFile(t, dir, "n.md", "# N\n") },
		"deep note":        func(t *testing.T, dir string) { writeFile(t, dir, "a/b/n.md", "# N\n") },
		"other file":       func(t *testing.T, dir string) { writeFile(t, dir, "a/image.png", "png") },
		"hidden":           func(t *testing.T, dir string) { writeFile(t, dir, ".obsidian/x.md", "# X\n") },
		"hidden link":      func(t *testing.T, dir string) { symlink(t, "nowhere", filepath.Join(dir, ".link")) },
		"hostile names":    func(t *testing.T, dir string) { attacktest.Vault(dir) },
		"folder named .md": func(t *testing.T, dir string) { writeFile(t, dir, "d.md/n.md", "# N\n") },
		"link to a note": func(t *testing.T, dir string) {
			writeFile(t, dir, "n.md", "# N\n")
			symlink(t, "n.md", filepath.Join(dir, "l.md"))
		},
		"link to a folder": func(t *testing.T, dir string) {
			writeFile(t, dir, "a/n.md", "# N\n")
			symlink(t, "a", filepath.Join(dir, "l"))
		},
		"dangling link":     func(t *testing.T, dir string) { symlink(t, "nowhere.md", filepath.Join(dir, "l.md")) },
		"dangling, no note": func(t *testing.T, dir string) { symlink(t, "nowhere", filepath.Join(dir, "l")) },
		"link loop":         func(t *testing.T, dir string) { symlink(t, "l", filepath.Join(dir, "l")) },
		"named pipe":        func(t *testing.T, dir string) { mkfifo(t, filepath.Join(dir, "p.md")) },
		"named pipe, other": func(t *testing.T, dir string) { mkfifo(t, filepath.Join(dir, "p")) },
		"link to a pipe": func(t *testing.T, dir string) {
			mkfifo(t, filepath.Join(dir, "p"))
			symlink(t, "p", filepath.Join(dir, "l.md"))
		},
	}
	for name, add := range entries {
		dir := t.TempDir()
		add(t, dir)
		_, plain, ok := statWalk(Dir(dir))
		w, err := walk(Dir(dir))
		if !ok || err != nil {
			t.Fatalf("%s: fast walk ok %v, walk %v", name, ok, err)
		}
		if plain != (len(w.problems) == 0) {
			t.Errorf("%s: plain %v, walk's problems %v", name, plain, w.problems)
		}
	}
}

func sortFiles(files []File) {
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
}

// TestStatWalkStamps: a stamp is the file's size, modification time to
// the nanosecond and change time, the linked file's for a symbolic link.
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
	files, _, ok := statWalk(Dir(dir))
	var st unix.Stat_t
	if err := unix.Stat(filepath.Join(dir, "n.md"), &st); err != nil {
		t.Fatal(err)
	}
	want := Stamp{Size: 12, ModTime: when.UnixNano(), Change: st.Ctim.Nano()}
	if !ok || len(files) != 2 || files[0].Stamp != want || files[1].Stamp != want || want.Change <= when.UnixNano() {
		t.Errorf("stamps %v (%v), want both %v", files, ok, want)
	}
}

// TestStatWalkGivesUp: a file system not on disk, or a vault root that
// can't be opened, is left to the slow walk, which says what is wrong.
func TestStatWalkGivesUp(t *testing.T) {
	mem := fstest.MapFS{"a.md": {Data: []byte("# A\n")}}
	if _, _, ok := statWalk(mem); ok {
		t.Error("the fast walk took a file system in memory")
	}
	if files, err := Stamped(mem); err != nil || len(files) != 1 || files[0].Path != "a.md" || files[0].Stamp.Size != 4 {
		t.Errorf("Stamped in memory: %v, %v", files, err)
	}
	missing := filepath.Join(t.TempDir(), "gone")
	if _, _, ok := statWalk(Dir(missing)); ok {
		t.Error("the fast walk took a missing root")
	}
	if _, err := Stamped(Dir(missing)); err == nil {
		t.Error("Stamped of a missing root gave no error")
	}
	if _, _, ok := statWalk(Dir("")); ok {
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
		symlink(t, target, filepath.Join(dir, name))
	}
	mkfifo(t, filepath.Join(dir, "pipe.md"))
	return dir
}

// plainVault is a vault of nothing walk reports: notes at several
// depths, hidden files and folders, files that are not notes, hostile
// names.
func plainVault(t *testing.T) string {
	dir := t.TempDir()
	if _, err := attacktest.Vault(dir); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "a.md", "# A\n")
	writeFile(t, dir, "b/deep/c.md", "# C\n")
	writeFile(t, dir, ".obsidian/x.md", "# X\n")
	writeFile(t, dir, "b/readme.txt", "not a note\n")
	return dir
}

func symlink(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Fatal(err)
	}
}

func mkfifo(t *testing.T, name string) {
	t.Helper()
	if err := syscall.Mkfifo(name, 0o644); err != nil {
		t.Fatal(err)
	}
}
