package render

import (
	"io/fs"
	"path/filepath"
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

func benchmarkRender(b *testing.B, v *model.Vault, n *model.Note) {
	b.SetBytes(int64(len(n.Text())))
	st := NewStyles("dark", true)
	for b.Loop() {
		r := Render(v, Key{Note: n, Width: 100, Style: "dark"}, st)
		if len(r.Lines) == 0 {
			b.Fatal("nothing rendered")
		}
	}
}

func BenchmarkRenderSeed(b *testing.B) {
	v, n := seedNote(b)
	benchmarkRender(b, v, n)
}

func BenchmarkRenderTypical7KB(b *testing.B) {
	v, n := typicalNote(b)
	benchmarkRender(b, v, n)
}

func BenchmarkRender1MB(b *testing.B) {
	dir := loadtest.CorpusDir(b)
	v, n := readNote(b, filepath.Join(dir, "lennyspodcast", "differences_between_mission_and_vision_in_product_management.md"),
		"lennyspodcast/differences_between_mission_and_vision_in_product_management.md")
	benchmarkRender(b, v, n)
}

// BenchmarkRenderHostileLine renders a note of one 600 KB line of "`a":
// shown as written (markupLimit), it costs its length; read as markdown,
// glamour took minutes.
func BenchmarkRenderHostileLine(b *testing.B) {
	n := parse(b, "c/hostile.md", "# Hostile\n\n"+strings.Repeat("`a", 300_000)+"\n")
	benchmarkRender(b, vaultOf(n), n)
}
