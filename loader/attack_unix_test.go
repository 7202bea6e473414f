//go:build unix

package loader

import (
	"os"
	"path/filepath"
	"reflect"
	"syscall"
	"testing"
	"time"

	"tubenotes/loader/attacktest"
)

// TestAttackFIFOGivenToReader: a named pipe handed straight to the reader
// (as after a swap) is an error at once, not a wait for a writer.
func TestAttackFIFOGivenToReader(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "x.md"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	errc := make(chan error, 1)
	go func() {
		var r reader
		_, err := r.read(Dir(dir), "x.md")
		errc <- err
	}()
	select {
	case err := <-errc:
		if err == nil || errorText(err) != "not a regular file: skipped" {
			t.Errorf("reading a FIFO: %v, want not a regular file", err)
		}
	case <-time.After(hangGuard):
		t.Fatal("reading a FIFO still waits: it would hang the load")
	}
}

// TestAttackFIFOSwap swaps a note for a named pipe between the walk and the
// read: the load finishes, the pipe a problem, the other note loaded.
func TestAttackFIFOSwap(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.md", "b.md"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("# "+name+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	errc := make(chan error, 1)
	var v any
	go func() {
		vault, err := Load(Dir(dir), Options{Progress: func(done, total int) {
			if done == 0 { // the walk is over, no file is read yet
				if err := attacktest.SwapForFIFO(filepath.Join(dir, "b.md")); err != nil {
					t.Error(err)
				}
			}
		}})
		if err == nil {
			if got := notePaths(vault); !reflect.DeepEqual(got, []string{"a.md"}) {
				t.Errorf("notes %q", got)
			}
			want := []string{"b.md: not a regular file: skipped"}
			if got := problemStrings(vault.Problems); !reflect.DeepEqual(got, want) {
				t.Errorf("problems %q, want %q", got, want)
			}
		}
		v = vault
		errc <- err
	}()
	select {
	case err := <-errc:
		if err != nil || v == nil {
			t.Fatal(err)
		}
	case <-time.After(hangGuard):
		t.Fatal("the load still waits on the pipe")
	}
}

// hangGuard ends a test that would otherwise wait forever: far longer than
// any of these reads takes, so it only ever fires on a hang.
const hangGuard = 30 * time.Second
