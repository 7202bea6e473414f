package loader

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"testing/fstest"

	"tubenotes/model"
)

// vaultSummary is every answer of a vault a refresh must get right.
func vaultSummary(v *model.Vault) []string {
	var out []string
	for _, n := range v.Notes {
		var links []string
		for _, l := range n.Links {
			links = append(links, l.Target+"->"+l.Resolved)
		}
		out = append(out, fmt.Sprintf("note %s %q ch=%s ts=%d links=%q", n.Path, n.Title, n.Channel, len(n.Timestamps), links))
		for _, b := range v.Backlinks(n.Path) {
			out = append(out, "  from "+b.From.Path)
		}
	}
	for _, c := range v.Channels {
		page := ""
		if c.Page != nil {
			page = c.Page.Path
		}
		out = append(out, fmt.Sprintf("channel %s page=%s notes=%d", c.Name, page, len(c.Notes)))
	}
	for _, vid := range v.Videos {
		out = append(out, fmt.Sprintf("video %s %q notes=%q", vid.ID, vid.Title, notePathsOf(vid.Notes)))
	}
	return append(out, problemStrings(v.Problems)...)
}

// TestRefreshMatchesALoad changes the sample vault in each way a watcher
// reports and checks that refreshing the changed paths gives what a whole
// new load gives.
func TestRefreshMatchesALoad(t *testing.T) {
	cases := []struct {
		name   string
		change func(fstest.MapFS)
		paths  []string
	}{
		{"edit", func(m fstest.MapFS) { m["ch/one.md"] = file("# One again\n[[three]] [[new]]\n") }, []string{"ch/one.md"}},
		{"edit channel page", func(m fstest.MapFS) {
			m["ch/ch.md"] = file("### [Only](https://www.youtube.com/watch?v=CCCCCCCCCCC)\n- [[two_words]]\n")
		}, []string{"ch/ch.md"}},
		{"new note makes a link resolve", func(m fstest.MapFS) { m["nowhere.md"] = file("# Now here\n") }, []string{"nowhere.md"}},
		{"new note shadows another", func(m fstest.MapFS) { m["ch/sub/one.md"] = file("[[one]]\n") }, []string{"ch/sub/one.md"}},
		{"delete", func(m fstest.MapFS) { delete(m, "ch/two_words.md") }, []string{"ch/two_words.md"}},
		{"rename", func(m fstest.MapFS) {
			m["ch/renamed.md"] = m["ch/one.md"]
			delete(m, "ch/one.md")
		}, []string{"ch/one.md", "ch/renamed.md"}},
		{"new folder", func(m fstest.MapFS) {
			m["new/a.md"] = file("[[b]]\n")
			m["new/deep/b.md"] = file("[[a]]\n")
			m["new/x.png"] = file("png")
		}, []string{"new"}},
		{"delete folder", func(m fstest.MapFS) {
			delete(m, "ch/sub/three.md")
			delete(m, "ch/dir.md/inner.md")
		}, []string{"ch/sub", "ch/dir.md"}},
		{"folder changed under", func(m fstest.MapFS) {
			delete(m, "ch/sub/three.md")
			m["ch/sub/four.md"] = file("[[one]]\n")
		}, []string{"ch/sub"}},
		{"note becomes binary", func(m fstest.MapFS) { m["index.md"] = file("\x00") }, []string{"index.md"}},
		{"binary becomes note", func(m fstest.MapFS) { m["ch/bin.md"] = file("# Bin\n") }, []string{"ch/bin.md"}},
		{"empty problem goes", func(m fstest.MapFS) { m["ch/empty.md"] = file("text\n") }, []string{"ch/empty.md"}},
		{"hidden ignored", func(m fstest.MapFS) { m[".hidden/new.md"] = file("# x\n") }, []string{".hidden/new.md", ".hidden"}},
		{"not a note ignored", func(m fstest.MapFS) { m["notes.txt"] = file("changed") }, []string{"notes.txt"}},
		{"whole root", func(m fstest.MapFS) {
			delete(m, "index.md")
			m["z/z.md"] = file("[[one]]\n")
		}, []string{"."}},
		{"path given twice and unclean", func(m fstest.MapFS) { m["ch/one.md"] = file("# x\n") }, []string{"ch/one.md", "ch/./one.md", "ch//one.md"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fsys := sampleVault()
			before, err := Load(fsys, Options{})
			if err != nil {
				t.Fatal(err)
			}
			old := vaultSummary(before)
			tc.change(fsys)
			want, err := Load(fsys, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if ignored := tc.name == "hidden ignored" || tc.name == "not a note ignored"; ignored == !reflect.DeepEqual(vaultSummary(want), old) {
				t.Fatalf("the change changed the vault: %v, want %v", !ignored, ignored)
			}
			got := Refresh(fsys, before, tc.paths, Options{})
			if g, w := vaultSummary(got), vaultSummary(want); !reflect.DeepEqual(g, w) {
				t.Fatalf("refreshed\n%q\nloaded\n%q", g, w)
			}
			if !reflect.DeepEqual(vaultSummary(before), old) {
				t.Fatal("the vault refreshed from was changed")
			}
		})
	}
}

// TestRefreshDisk: a note replaced by an atomic save (a temporary file
// renamed over it) and a symbolic link to a folder, on a real disk.
func TestRefreshDisk(t *testing.T) {
	dir := t.TempDir()
	write := func(p, text string) { t.Helper(); writeFile(t, dir, p, text) }
	write("a.md", "# A\n[[b]]\n")
	write("sub/b.md", "# B\n")
	fsys := Dir(dir)
	v, err := Load(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	write(".a.md.swp", "# Draft\n")
	if err := os.Rename(filepath.Join(dir, ".a.md.swp"), filepath.Join(dir, "a.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "sub"), filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	v = Refresh(fsys, v, []string{".a.md.swp", "a.md", "link"}, Options{})
	want, _ := Load(fsys, Options{})
	if g, w := vaultSummary(v), vaultSummary(want); !reflect.DeepEqual(g, w) {
		t.Fatalf("refreshed\n%q\nloaded\n%q", g, w)
	}
	if v.Note("a.md").Title != "Draft" {
		t.Fatalf("title %q", v.Note("a.md").Title)
	}
}
