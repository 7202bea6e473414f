//go:build unix

package state

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestPipeIsSetAside: a named pipe in the state file's place is set aside
// like any unusable file (opening it the usual way waited for a writer for
// ever).
func TestPipeIsSetAside(t *testing.T) {
	s := newStore(t)
	if err := os.MkdirAll(filepath.Dir(s.Path()), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(s.Path(), 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	type answer struct {
		msg string
		err error
	}
	got := make(chan answer, 1)
	go func() { _, msg, err := s.Load(); got <- answer{msg, err} }()
	select {
	case a := <-got:
		if a.err != nil || !strings.Contains(a.msg, "not a regular file") {
			t.Fatalf("Load: %v %q", a.err, a.msg)
		}
	case <-time.After(time.Minute): // a guard, not a measure: it waits for ever when it fails
		t.Fatal("still waiting on the pipe after a minute")
	}
	if info, err := os.Lstat(s.Path()); err == nil && info.Mode()&os.ModeNamedPipe != 0 {
		t.Error("the pipe is still in the state file's place")
	}
}
