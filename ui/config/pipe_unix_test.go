//go:build unix

package config

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestPipeIsAnError: a named pipe in the config file's place is an error
// at once (opening it the usual way waited for a writer for ever).
func TestPipeIsAnError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	got := make(chan error, 1)
	go func() { _, _, err := Load(path, actions); got <- err }()
	select {
	case err := <-got:
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Fatalf("err %v, want not a regular file", err)
		}
	case <-time.After(time.Minute): // a guard, not a measure: it waits for ever when it fails
		t.Fatal("still waiting on the pipe after a minute")
	}
}
