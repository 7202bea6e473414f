package start

import (
	"strings"
	"testing"
	"testing/fstest"

	"tubenotes/loader"
	"tubenotes/model"
	"tubenotes/ui/common"
)

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

func vault(t *testing.T) *model.Vault {
	t.Helper()
	v, err := loader.Load(fstest.MapFS{
		"index.md":       file("---\ntitle: Tubegraph\n---\n\n"),
		"alpha/alpha.md": file("---\ntitle: alpha\n---\n### [Talk](https://www.youtube.com/watch?v=AAAAAAAAAAA)\n- [[a1]]\n"),
		"alpha/a1.md":    file("---\ntitle: A one\nvideoId: AAAAAAAAAAA\n---\n"),
		"alpha/a2.md":    file("---\ntitle: A two\nvideoId: BBBBBBBBBBB\n---\n"),
		"b]]|[[x/n.md":   file("---\ntitle: odd\nvideoId: CCCCCCCCCCC\n---\n"),
	}, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestIsEmpty(t *testing.T) {
	v := vault(t)
	if !IsEmpty(v.Note("index.md")) || !IsEmpty(nil) || IsEmpty(v.Note("alpha/alpha.md")) {
		t.Error("IsEmpty: an index of frontmatter only and no index are empty, a page is not")
	}
}

func TestPageListsChannelsWithCountsAndLinks(t *testing.T) {
	v := vault(t)
	p := Page(v, Options{Title: "Tubegraph", Keys: common.DefaultKeyMap()})
	for _, want := range []string{
		"3 videos", // alpha's two, the odd channel's one
		"- [[entry 1|alpha]] · 2 notes · 2 videos",
		"- [[entry 2|b] ]|[ [x]] · 1 note · 1 video", // the name cannot end the link
		"shift+tab", "]", "enter",
	} {
		if !strings.Contains(p.Text(), want) {
			t.Errorf("page lacks %q:\n%s", want, p.Text())
		}
	}
	if len(p.Links) != 2 || p.Links[0].Resolved != "alpha/alpha.md" || p.Links[1].Resolved != "b]]|[[x/n.md" {
		t.Fatalf("links %+v", p.Links)
	}
	lines := strings.Split(p.Text(), "\n")
	for _, l := range p.Links {
		if !strings.Contains(lines[l.Line-1], "[["+l.Target+"|") {
			t.Errorf("link %q is not on its line %d: %q", l.Target, l.Line, lines[l.Line-1])
		}
	}
	if len(p.Sections) != 1 || lines[p.Sections[0].Line-1] != "## Channels" {
		t.Errorf("sections %+v", p.Sections)
	}
	if v.Note(p.Path) != nil {
		t.Error("the page's path names a note of the vault")
	}
}

func TestPageShowsRecentAndBookmarks(t *testing.T) {
	v := vault(t)
	p := Page(v, Options{Keys: common.DefaultKeyMap(), Recent: []*model.Note{v.Note("alpha/a2.md")}, Bookmarks: []*model.Note{v.Note("alpha/a1.md")}})
	text := p.Text()
	r, b, c := strings.Index(text, "## Read last"), strings.Index(text, "## Bookmarks"), strings.Index(text, "## Channels")
	if r < 0 || b < r || c < b {
		t.Fatalf("sections out of order:\n%s", text)
	}
	if p.Title != "Start" || len(p.Links) != 4 || p.Links[0].Resolved != "alpha/a2.md" || p.Links[1].Resolved != "alpha/a1.md" {
		t.Errorf("title %q, links %+v", p.Title, p.Links)
	}
	if !strings.Contains(text, "[[entry 1|A two]] · alpha") {
		t.Errorf("a recent note shows its channel:\n%s", text)
	}
	if strings.Contains(Page(v, Options{}).Text(), "## Read last") {
		t.Error("an empty section shows")
	}
}
