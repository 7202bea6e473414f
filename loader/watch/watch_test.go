package watch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"tubenotes/loader"
	"tubenotes/model"
)

// vault is a temporary vault with a watcher on it.
type vault struct {
	t   *testing.T
	dir string
	w   *Watcher
}

func newVault(t *testing.T, files ...string) *vault {
	t.Helper()
	v := &vault{t: t, dir: t.TempDir()}
	for _, f := range files {
		v.write(f, "# "+f+"\n")
	}
	w, err := New(v.dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	v.w = w
	return v
}

func (v *vault) abs(p string) string { return filepath.Join(v.dir, filepath.FromSlash(p)) }

func (v *vault) write(p, text string) {
	v.t.Helper()
	if err := os.MkdirAll(filepath.Dir(v.abs(p)), 0o755); err != nil {
		v.t.Fatal(err)
	}
	if err := os.WriteFile(v.abs(p), []byte(text), 0o644); err != nil {
		v.t.Fatal(err)
	}
}

// waitFor gathers batches until every path of want has come, and returns
// them all. It fails after a long while, only so that a bug can't hang the
// test: how soon batches come is measured by the benchmarks, not asserted.
func (v *vault) waitFor(want ...string) [][]string {
	v.t.Helper()
	var batches [][]string
	seen := map[string]bool{}
	deadline := time.After(20 * time.Second)
	for {
		missing := slices.DeleteFunc(slices.Clone(want), func(p string) bool { return seen[p] })
		if len(missing) == 0 {
			return batches
		}
		select {
		case b := <-v.w.Batches():
			batches = append(batches, b)
			for _, p := range b {
				seen[p] = true
			}
		case err := <-v.w.Errors():
			v.t.Fatalf("watch error: %v", err)
		case <-deadline:
			v.t.Fatalf("waited long for %q; batches %q", missing, batches)
		}
	}
}

// quiet checks that no batch comes for a moment: used only to check that
// nothing is reported, never for how fast.
func (v *vault) quiet() {
	v.t.Helper()
	select {
	case b := <-v.w.Batches():
		v.t.Fatalf("unexpected batch %q", b)
	case <-time.After(3 * Debounce):
	}
}

func TestEdit(t *testing.T) {
	v := newVault(t, "a.md", "sub/b.md")
	v.write("sub/b.md", "# B again\n")
	batches := v.waitFor("sub/b.md")
	for _, b := range batches {
		if !slices.IsSorted(b) || len(slices.Compact(slices.Clone(b))) != len(b) {
			t.Fatalf("batch %q not sorted and unique", b)
		}
	}
}

func TestAtomicSave(t *testing.T) {
	v := newVault(t, "a.md")
	v.write(".a.md.swp", "draft")
	v.write("a.md~", "backup")
	if err := os.Rename(v.abs(".a.md.swp"), v.abs("a.md")); err != nil {
		t.Fatal(err)
	}
	for _, b := range v.waitFor("a.md") {
		for _, p := range b {
			if p != "a.md" {
				t.Errorf("reported %q: hidden files and files other than notes are not", p)
			}
		}
	}
}

func TestNewFolders(t *testing.T) {
	v := newVault(t, "a.md")
	if err := os.MkdirAll(v.abs("new/deep"), 0o755); err != nil {
		t.Fatal(err)
	}
	v.waitFor("new")
	// the new folders are watched: a note written there later is seen
	v.write("new/deep/x.md", "# x\n")
	v.waitFor("new/deep/x.md")
}

func TestDelete(t *testing.T) {
	v := newVault(t, "a.md", "sub/b.md", "sub/c.md")
	if err := os.Remove(v.abs("a.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(v.abs("sub")); err != nil {
		t.Fatal(err)
	}
	v.waitFor("a.md", "sub")
}

func TestHiddenFoldersAreNotWatched(t *testing.T) {
	v := newVault(t, "a.md", ".git/x.md")
	v.write(".git/x.md", "changed")
	v.write("notes.txt", "not a note")
	v.quiet()
}

// TestBurst writes 1,000 notes in 10 new folders at once, as a git pull
// does: refreshing with the batches that come brings in every note, and
// the batches are few.
func TestBurst(t *testing.T) {
	v := newVault(t, "a.md")
	fsys := loader.Dir(v.dir)
	vault, err := loader.Load(fsys, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 1000 {
		v.write(fmt.Sprintf("d%d/n%04d.md", i%10, i), "# note\n")
	}
	batches := 0
	deadline := time.After(20 * time.Second)
	for len(vault.Notes) < 1001 {
		select {
		case b := <-v.w.Batches():
			batches++
			vault = loader.Refresh(fsys, vault, b, loader.Options{})
		case err := <-v.w.Errors():
			t.Fatal(err)
		case <-deadline:
			t.Fatalf("waited long: %d notes after %d batches", len(vault.Notes), batches)
		}
	}
	if batches > 100 {
		t.Errorf("%d batches for 1,000 files: they were not coalesced", batches)
	}
	t.Logf("1,000 files in %d batches", batches)
}

// TestWatchAndRefresh follows a vault through edits, an atomic save, a new
// folder and deletes with loader.Refresh, and compares with a new load
// after each step.
func TestWatchAndRefresh(t *testing.T) {
	v := newVault(t, "a.md", "sub/b.md")
	fsys := loader.Dir(v.dir)
	vault, err := loader.Load(fsys, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		change func()
		paths  []string
	}{
		{func() { v.write("a.md", "# A\n[[b]] [[c]]\n") }, []string{"a.md"}},
		{func() {
			v.write(".tmp", "# B\n")
			if err := os.Rename(v.abs(".tmp"), v.abs("sub/b.md")); err != nil {
				t.Fatal(err)
			}
		}, []string{"sub/b.md"}},
		{func() { v.write("new/c.md", "# C\n") }, []string{"new"}},
		{func() {
			if err := os.RemoveAll(v.abs("sub")); err != nil {
				t.Fatal(err)
			}
		}, []string{"sub"}},
	}
	for i, s := range steps {
		s.change()
		for _, b := range v.waitFor(s.paths...) {
			vault = loader.Refresh(fsys, vault, b, loader.Options{})
		}
		want, _ := loader.Load(fsys, loader.Options{})
		if g, w := summary(vault), summary(want); !reflect.DeepEqual(g, w) {
			t.Fatalf("step %d: refreshed %q, loaded %q", i, g, w)
		}
	}
	if l := vault.Note("a.md").Links; l[1].Resolved != "new/c.md" || l[0].Resolved != "" {
		t.Fatalf("links %+v", l)
	}
}

func summary(v *model.Vault) []string {
	var out []string
	for _, n := range v.Notes {
		var links []string
		for _, l := range n.Links {
			links = append(links, l.Resolved)
		}
		out = append(out, n.Path+" "+n.Title+" "+strings.Join(links, ","))
	}
	return out
}

func TestErrors(t *testing.T) {
	if _, err := New(filepath.Join(t.TempDir(), "missing")); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Fatalf("missing root: %v", err)
	}
	err := explain("/v/sub", syscall.ENOSPC)
	if !errors.Is(err, ErrLimit) || err.Error() != "watching /v/sub: too many folders to watch (the system's limit)" {
		t.Fatalf("ENOSPC: %v", err)
	}
}

func TestClose(t *testing.T) {
	v := newVault(t, "a.md")
	if err := v.w.Close(); err != nil {
		t.Fatal(err)
	}
	if _, ok := <-v.w.Batches(); ok {
		t.Fatal("Batches still open after Close")
	}
	if err := v.w.Close(); err != nil {
		t.Fatal("a second Close:", err)
	}
}

// deepFolder makes a chain of folders under dir whose path is longer than
// the system takes (PATH_MAX), one openat at a time, and returns its top.
func deepFolder(t *testing.T, dir string) string {
	t.Helper()
	r, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	for range 2100 { // "/d" 2,100 times: 4,200 bytes
		if err := r.Mkdir("d", 0o755); err != nil {
			t.Fatal(err)
		}
		next, err := r.OpenRoot("d")
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		r = next
	}
	r.Close()
	return filepath.Join(dir, "d")
}

// TestUnwatchableFolderIsSkipped: a folder that can't be watched (its path
// too long here; one the user may not read elsewhere) is said once on
// Errors and left out, and the rest of the vault is still followed: it
// stopped the whole watcher, so that one such folder turned live reload
// off. The system's limits still do (TestErrors).
func TestUnwatchableFolderIsSkipped(t *testing.T) {
	dir := t.TempDir()
	deepFolder(t, dir)
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("# A\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := New(dir)
	if err != nil {
		t.Fatalf("one folder that can't be watched stopped the watcher: %v", err)
	}
	t.Cleanup(func() { w.Close() })
	select {
	case err := <-w.Errors():
		var left *LeftOutError
		if !strings.Contains(err.Error(), "watching "+filepath.Join(dir, "d")) || !errors.As(err, &left) {
			t.Errorf("error %q does not name the folder, or is not a LeftOutError", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the folder left out was not said")
	}
	v := &vault{t: t, dir: dir, w: w}
	v.write("a.md", "# A again\n")
	v.waitFor("a.md")
}
