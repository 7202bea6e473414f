package ui

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"tubenotes/loader/demo"
	"tubenotes/ui/start"
)

// demoWithoutIndex is the demo vault with an index.md of frontmatter only.
func demoWithoutIndex(t testing.TB) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(demo.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(demo.FS(), p)
		out[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	out["index.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Demo\n---\n\n")}
	return out
}

func TestEmptyIndexOpensTheStartPage(t *testing.T) {
	h := newHarness(t, loadVault(t, demoWithoutIndex(t)), 100, 30)
	if h.note() != start.Path {
		t.Fatalf("opened %q, want the start page", h.note())
	}
	for _, want := range []string{"Demo", "8 notes in 2 channels", "3blue1brown · 1 note · 1 video", "bankless · 4 notes · 2 videos"} {
		if !strings.Contains(h.screen(), want) {
			t.Errorf("start page lacks %q:\n%s", want, h.screen())
		}
	}
	h.press("shift+tab", "]", "]", "enter") // the second channel's entry
	if h.note() != "bankless/bankless.md" {
		t.Errorf("enter on bankless opened %q", h.note())
	}
	h.press("backspace")
	if h.note() != start.Path {
		t.Errorf("back went to %q", h.note())
	}
}

func TestIndexWithTextStaysTheFirstNote(t *testing.T) {
	h := demoHarness(t)
	if h.note() != "index.md" {
		t.Errorf("opened %q", h.note())
	}
}

// TestHintLineAt80Columns: the least useful hints go first; help, quit
// and search stay.
func TestHintLineAt80Columns(t *testing.T) {
	h := newHarness(t, loadVault(t, demo.FS()), 80, 24)
	lines := strings.Split(h.screen(), "\n")
	hint := lines[len(lines)-1]
	for _, want := range []string{"? help", "q quit", "s search", "enter open"} {
		if !strings.Contains(hint, want) {
			t.Errorf("hint line at 80 columns lacks %q: %q", want, hint)
		}
	}
	if strings.Contains(hint, "-/= all") {
		t.Errorf("fold all should go before search: %q", hint)
	}
	h = newHarness(t, loadVault(t, demo.FS()), 120, 40)
	lines = strings.Split(h.screen(), "\n")
	if hint := lines[len(lines)-1]; !strings.Contains(hint, "h/l fold") || !strings.Contains(hint, "{/} channels") {
		t.Errorf("at 120 columns the tree's keys show: %q", hint)
	}
}
