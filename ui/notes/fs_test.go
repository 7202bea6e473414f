package notes

import (
	"io/fs"
	"os"
	"testing"
	"testing/fstest"

	"tubenotes/loader"
	"tubenotes/model"
)

func dirFS(dir string) fs.FS { return os.DirFS(dir) }

func mustLoad(t testing.TB, fsys fs.FS) *model.Vault {
	t.Helper()
	v, err := loader.Load(fsys, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
