package reader

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tubenotes/loader"
	"tubenotes/loader/demo"
	"tubenotes/model"
)

// seedNote is the project's seed note, as the demo vault carries it (a
// byte-for-byte copy of ../shared/seeds, checked in loader/demo), so these
// tests run in any clone.
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

// testdataNote loads testdata/name as note path.
func testdataNote(t testing.TB, name string) (*model.Vault, *model.Note) {
	t.Helper()
	return readNote(t, filepath.Join("testdata", name), "chan/"+strings.TrimSuffix(name, ".md")+".md")
}

// settle runs cmd and feeds the reader every message it yields until no
// more rendering is pending (spinner ticks are dropped).
func settle(t testing.TB, m Model, cmd tea.Cmd) Model {
	t.Helper()
	m = drain(m, cmd)
	if m.note != nil && !m.ready() {
		t.Fatalf("note %s not rendered after its commands ran", m.note.Path)
	}
	return m
}

// drain runs cmd and feeds the reader its render results, checking nothing.
func drain(m Model, cmd tea.Cmd) Model {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case renderedMsg, skippedMsg:
			var next tea.Cmd
			m, next = m.Update(msg)
			queue = append(queue, next)
		}
	}
	return m
}

// open makes a reader of size w×h showing n, rendered.
func open(t testing.TB, opts Options, v *model.Vault, n *model.Note, w, h int) Model {
	t.Helper()
	m := New(opts)
	m.SetSize(w, h)
	return settle(t, m, m.Open(v, n, 0))
}

// sourceLine is the 1-based line of n's text that holds text.
func sourceLine(t testing.TB, n *model.Note, text string) int {
	t.Helper()
	for i, l := range strings.Split(n.Text(), "\n") {
		if strings.Contains(l, text) {
			return i + 1
		}
	}
	t.Fatalf("%s has no line with %q", n.Path, text)
	return 0
}

// hasTagChar reports whether s holds a Unicode tag character, of which
// ui/render builds its sentinels: none may reach the screen.
func hasTagChar(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 0xE0000 && r <= 0xE007F })
}
