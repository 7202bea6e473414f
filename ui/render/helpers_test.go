package render

import (
	"io/fs"
	"os"
	"testing"

	"tubenotes/loader"
	"tubenotes/loader/demo"
	"tubenotes/model"
)

// seedNote is the project's seed note, as the demo vault carries it.
func seedNote(t testing.TB) (*model.Vault, *model.Note) {
	t.Helper()
	const path = "bankless/importance_of_gpus_for_deep_learning.md"
	data, err := fs.ReadFile(demo.FS(), path)
	if err != nil {
		t.Fatal(err)
	}
	n := parse(t, path, string(data))
	return vaultOf(n), n
}

// parse makes a note of text as the loader would, at path.
func parse(t testing.TB, path, text string) *model.Note {
	t.Helper()
	n, _ := loader.ParseNote(path, []byte(text), loader.TimestampsAuto)
	if n == nil {
		t.Fatalf("%s: not a note", path)
	}
	return n
}

// vaultOf is a vault of the given notes.
func vaultOf(notes ...*model.Note) *model.Vault { return model.NewVault(notes, nil, nil) }

// readNote loads a file as a note of a one-note vault.
func readNote(t testing.TB, file, path string) (*model.Vault, *model.Note) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	n := parse(t, path, string(data))
	return vaultOf(n), n
}

// notty renders n at width in the plain style.
func notty(v *model.Vault, n *model.Note, width int) *Doc {
	return Render(v, Key{Note: n, Width: width, Style: "notty"}, NewStyles("notty", true))
}
