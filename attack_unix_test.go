//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestAttackStyleFile: --style reads at most 1 MB of a regular file that is
// a glamour style; a named pipe, /dev/zero, a huge file or any other file
// is refused at once with one line and exit 2.
func TestAttackStyleFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	fifo := filepath.Join(dir, "pipe.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	huge := write("huge.json", `{"document": {"color": "`+strings.Repeat("1", 2<<20)+`"}}`)
	for _, c := range []struct{ file, why string }{
		{fifo, "not a regular file"},
		{"/dev/zero", "not a regular file"},
		{huge, "larger than 1 MB"},
		{write("notes.md", "# not a style\n"), "not a glamour style"},
		{write("other.json", `{"name": "x"}`), "not a glamour style"},
		{write("two.json", `{} {}`), "not a glamour style"},
		{filepath.Join(dir, "missing.json"), "cannot be read"},
	} {
		code, _, errs := runCmd(t, "--style", c.file, dir)
		if code != 2 || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, c.why) {
			t.Errorf("--style %s: exit %d, %q; want 2 and %q", c.file, code, errs, c.why)
		}
	}
	if err := checkStyle(write("ok.json", `{"document": {"color": "252"}, "h1": {"bold": true}}`)); err != nil {
		t.Errorf("a glamour style refused: %v", err)
	}
}
