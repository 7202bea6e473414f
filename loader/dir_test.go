package loader

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDirReadsAsDirFS reads files through Dir and os.DirFS: the same bytes,
// and for a missing file the same error words (which become problems).
func TestDirReadsAsDirFS(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("# A\nbody\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var fromDir, fromOS reader
	got, err := fromDir.read(Dir(dir), "a.md")
	want, _ := fromOS.read(os.DirFS(dir), "a.md")
	if err != nil || string(got) != string(want) {
		t.Errorf("Dir read %q, %v; os.DirFS read %q", got, err, want)
	}
	_, errDir := fromDir.read(Dir(dir), "missing.md")
	_, errOS := fromOS.read(os.DirFS(dir), "missing.md")
	if errDir == nil || errOS == nil || errorText(errDir) != errorText(errOS) {
		t.Errorf("missing file: Dir %v, os.DirFS %v", errDir, errOS)
	}
	if _, err := fromDir.read(Dir(""), "a.md"); err == nil {
		t.Error("Dir(\"\") read a file (os.DirFS(\"\") reads none)")
	}
}
