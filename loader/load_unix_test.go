//go:build unix

package loader

import (
	"os"
	"path/filepath"
	"reflect"
	"syscall"
	"testing"
)

// TestLoadSkipsFIFO checks that a named pipe called like a note is not
// read: reading it would wait for a writer forever.
func TestLoadSkipsFIFO(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	if err := os.Symlink("pipe.md", filepath.Join(dir, "to-pipe.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "note.md"), []byte("# Note\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, disk := range disks {
		v, err := Load(disk.fs(dir), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := notePaths(v); !reflect.DeepEqual(got, []string{"note.md"}) {
			t.Errorf("%s: notes %q", disk.name, got)
		}
		want := []string{"pipe.md: not a regular file: skipped", "to-pipe.md: not a regular file: skipped"}
		if got := problemStrings(v.Problems); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: problems\n%q, want\n%q", disk.name, got, want)
		}
	}
}
