package reader

import (
	"io/fs"
	"strings"
	"testing"

	"tubenotes/loader/loadtest"
	"tubenotes/model"
)

// typicalNote is a generated note of about 7 KB, the size of a real one.
func typicalNote(b *testing.B) (*model.Vault, *model.Note) {
	fsys := loadtest.Generate(40, 1)
	var best []byte
	var path string
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") || strings.Count(p, "/") != 1 {
			return nil
		}
		data, _ := fs.ReadFile(fsys, p)
		if best == nil || abs(len(data)-7000) < abs(len(best)-7000) {
			best, path = data, p
		}
		return nil
	})
	n := parse(b, path, string(best))
	b.Logf("%s: %d bytes, %d timestamps, %d links", path, len(best), len(n.Timestamps), len(n.Links))
	return vaultOf(n), n
}

func abs(x int) int { return max(x, -x) }

// BenchmarkOpenToScreen7KB is the whole way from Open to a drawn pane: the
// render command, its message through Update, and View.
func BenchmarkOpenToScreen7KB(b *testing.B) {
	v, n := typicalNote(b)
	for b.Loop() {
		m := New(Options{Style: "dark"})
		m.SetSize(100, 40)
		m = settle(b, m, m.Open(v, n, 0))
		if m.View() == "" {
			b.Fatal("empty view")
		}
	}
}

// BenchmarkViewScrolled is one frame of a rendered note with a selection
// and find matches on screen.
func BenchmarkViewScrolled(b *testing.B) {
	v, n := typicalNote(b)
	m := New(Options{Style: "dark"})
	m.SetSize(100, 40)
	m = settle(b, m, m.Open(v, n, 0))
	m.NextTimestamp()
	m.SetFind("the")
	for b.Loop() {
		m.ScrollBy(1)
		_ = m.View()
	}
}
