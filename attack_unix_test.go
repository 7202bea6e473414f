//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"tubenotes/loader"
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
	const ok = `{"document": {"color": "252"}, "h1": {"bold": true}}`
	if data, err := readStyle(write("ok.json", ok)); err != nil || string(data) != ok {
		t.Errorf("a glamour style refused (%v) or misread: %q", err, data)
	}
}

// TestStyleFileReadOnce: the style file is read once, by readStyle; a file
// swapped for a named pipe after that cannot block rendering, which used to
// open the path again (glamour.WithStylePath) and wait on the pipe forever.
func TestStyleFileReadOnce(t *testing.T) {
	v, err := loader.Load(loader.Dir("testdata/cli"), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "style.json")
	if err := os.WriteFile(path, []byte(`{"document": {"color": "252"}, "h2": {"prefix": "H2! "}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := readStyle(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan string, 1)
	go func() {
		var out strings.Builder
		if err := showNote(&out, v, v.Note("talks/gpus.md"), outTerminal{}, 80, path, data); err != nil {
			out.WriteString("error: " + err.Error())
		}
		done <- out.String()
	}()
	select {
	case out := <-done:
		if !strings.Contains(out, "H2! ") || strings.Contains(out, "error: ") {
			t.Errorf("rendered with the style read before:\n%s", out)
		}
	case <-time.After(30 * time.Second): // a hang, not a speed: the pipe never opens
		t.Fatal("rendering opened the style path again and blocks on the named pipe")
	}
}
