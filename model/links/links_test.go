package links

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"tubenotes/loader"
	"tubenotes/model"
	"tubenotes/model/search"
)

func loadVault(t testing.TB, dir string) *model.Vault {
	t.Helper()
	v, err := loader.Load(os.DirFS(dir), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func describe(ms []Mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%s %s:%d %s", m.Kind, m.Note.Path, m.Line, m.Text))
	}
	return out
}

func TestBacklinks(t *testing.T) {
	v := loadVault(t, "testdata/vault")
	got := describe(Backlinks(v, v.Note("ch/target.md")))
	want := []string{ // by file name, by slug of the title, with a heading; two on one line are two
		"link ch/a.md:6 See target and again.",
		"link ch/a.md:6 See target and again.",
		"link ch/a.md:9 Later a part.",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("backlinks\n%q\nwant\n%q", got, want)
	}
	if got := Backlinks(v, v.Note("ch/c.md")); len(got) != 0 {
		t.Errorf("a note nothing links: %q", describe(got))
	}
}

// TestBacklinksReadTheSpans: a backlink's line is read along the loader's
// spans, so an anchor (with the markdown link around it) is dropped whole,
// as search's snippets drop it.
func TestBacklinksReadTheSpans(t *testing.T) {
	v := loadVault(t, "testdata/spans")
	got := describe(Backlinks(v, v.Note("ch/target.md")))
	if want := []string{"link ch/a.md:6 Last target, at."}; !reflect.DeepEqual(got, want) {
		t.Errorf("backlinks\n%q\nwant\n%q", got, want)
	}
}

func TestMentions(t *testing.T) {
	v := loadVault(t, "testdata/vault")
	ix := search.Build(v.Notes)
	target := v.Note("ch/target.md")
	got := describe(MentionsOf(ix, v, target, 10))
	want := []string{ // not target.md itself, not a.md that links it, not inside links, whole words only
		"mention ch/b.md:6 We talked about growth loops today.",
		"mention ch/c.md:7 GROWTH LOOPS matter.",
	}
	slicesSort(got)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("mentions\n%q\nwant\n%q", got, want)
	}
	if got := MentionsOf(ix, v, target, 1); len(got) != 1 {
		t.Errorf("capped at 1: %q", describe(got))
	}
	if got := MentionsOf(ix, v, &model.Note{Path: "x.md", Title: "!!"}, 10); got != nil {
		t.Errorf("a title without words: %q", describe(got))
	}
}

func slicesSort(s []string) {
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
}

func TestUnlinked(t *testing.T) {
	for in, want := range map[string]string{
		"a [[x | y]] b":        "a   b",
		"a [t](u) b [c] d":     "a   b [c] d",
		"open [[ never closed": "open [[ never closed",
		"[a] [b](c)":           "[a]  ",
	} {
		if got := unlinked(in); got != want {
			t.Errorf("unlinked(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMentionsLeaveOutLineMarkers: a line of a list or a heading reads as
// its text, as search's snippets read it, not "- …" or "## …".
func TestMentionsLeaveOutLineMarkers(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"ch/target.md": "---\ntitle: Growth loops\n---\nbody\n",
		"ch/list.md":   "---\ntitle: List\n---\n- [[target|the loops]] in a list\n",
		"ch/head.md":   "---\ntitle: Head\n---\n## Why growth loops win\n",
	} {
		if err := os.MkdirAll(filepath.Join(dir, "ch"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	v := loadVault(t, dir)
	n := v.Note("ch/target.md")
	got := describe(append(Backlinks(v, n), MentionsOf(search.Build(v.Notes), v, n, 10)...))
	want := []string{"link ch/list.md:4 the loops in a list", "mention ch/head.md:4 Why growth loops win"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}
