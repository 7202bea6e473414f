//go:build unix

package regular

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
)

// TestOpenRefusesAPipeAtOnce: a named pipe with no writer is refused, not
// waited on (os.Open would block for ever: the test would time out).
func TestOpenRefusesAPipeAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	if _, err := Open(path); !errors.Is(err, ErrNotRegular) {
		t.Fatalf("got %v, want %v", err, ErrNotRegular)
	}
}
