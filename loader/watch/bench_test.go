package watch

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
)

// BenchmarkEditToVault20k is the time from a note's save to the vault
// refreshed with it, in the generated 20,000-note vault on disk: the
// watcher's debounce (100 ms) and the re-read of one note. The UI adds a
// render of the note to reach the screen.
func BenchmarkEditToVault20k(b *testing.B) {
	dir := b.TempDir()
	if err := writeVault(dir, loadtest.Generate(20_000, 1)); err != nil {
		b.Fatal(err)
	}
	fsys := loader.Dir(dir)
	v, err := loader.Load(fsys, loader.Options{})
	if err != nil {
		b.Fatal(err)
	}
	w, err := New(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	p := v.Notes[len(v.Notes)/2].Path
	data, _ := os.ReadFile(filepath.Join(dir, p))
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		text := append(data, []byte("\nedit "+string(rune('a'+i%26))+"\n")...)
		if err := os.WriteFile(filepath.Join(dir, p), text, 0o644); err != nil {
			b.Fatal(err)
		}
		select {
		case batch := <-w.Batches():
			v = loader.Refresh(fsys, v, batch, loader.Options{})
		case err := <-w.Errors():
			b.Fatal(err)
		}
		if v.Note(p).Text() != string(text) {
			b.Fatal("the refreshed note is not the saved one")
		}
	}
}

func writeVault(dir string, fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == "." {
			return err
		}
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.Mkdir(dst, 0o755)
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
}
