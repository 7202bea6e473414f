//go:build unix

package cache

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"tubenotes/loader"
	"tubenotes/loader/regular"
	"tubenotes/model/search"
)

// TestCacheFileAPipe: a named pipe where the cache file goes is ignored
// (a start or a search opening it the usual way waited for a writer for
// ever), and a save replaces it with a cache.
func TestCacheFileAPipe(t *testing.T) {
	root := newVault(t)
	path, err := File(root)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	type answer struct {
		res       Result
		loadErr   error
		lookupErr error
	}
	got := make(chan answer, 1)
	go func() {
		var a answer
		_, a.lookupErr = OpenLookup(root, loader.Dir(root), loader.Options{})
		a.res, a.loadErr = Load(root, loader.Dir(root), loader.Options{})
		got <- a
	}()
	var a answer
	select {
	case a = <-got:
	case <-time.After(time.Minute): // a guard, not a measure: it waits for ever when it fails
		t.Fatal("still waiting on the pipe after a minute")
	}
	if !errors.Is(a.lookupErr, regular.ErrNotRegular) {
		t.Errorf("lookup: %v, want %v", a.lookupErr, regular.ErrNotRegular)
	}
	if a.loadErr != nil {
		t.Fatal(a.loadErr)
	}
	if want := "ignored: not a regular file; rebuilt"; a.res.Status != want {
		t.Errorf("status %q, want %q", a.res.Status, want)
	}
	if err := a.res.Save(search.Build(a.res.Vault.Notes)); err != nil {
		t.Fatal(err)
	}
	if again := load(t, root, loader.Options{}); again.Index == nil {
		t.Errorf("not rebuilt: %q", again.Status)
	}
}
