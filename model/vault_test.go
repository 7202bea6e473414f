package model

import (
	"reflect"
	"testing"
)

// linking builds notes at paths, the first of which holds one link a target.
func linking(from string, targets []string, paths ...string) *Vault {
	n := &Note{Path: from}
	for i, t := range targets {
		n.Links = append(n.Links, Link{Target: t, Label: t, Line: i + 1})
	}
	notes := []*Note{n}
	for _, p := range paths {
		notes = append(notes, &Note{Path: p})
	}
	return NewVault(notes, nil, nil)
}

func TestResolve(t *testing.T) {
	tests := []struct {
		name   string
		from   string
		target string
		paths  []string
		want   string
	}{
		{"same folder first", "b/from.md", "x", []string{"a/x.md", "b/x.md", "x.md"}, "b/x.md"},
		{"then shallowest", "c/from.md", "x", []string{"a/x.md", "b/x.md", "x.md"}, "x.md"},
		{"then path order", "c/from.md", "x", []string{"b/x.md", "a/x.md"}, "a/x.md"},
		{"shallowest before path order", "c/from.md", "x", []string{"a/deep/x.md", "b/x.md"}, "b/x.md"},
		{"exact name before slug", "a/from.md", "Foo Bar", []string{"a/foo_bar.md", "b/Foo Bar.md"}, "b/Foo Bar.md"},
		{"by slug of a title", "c/from.md", "Role of product-leaders", []string{"c/d/role_of_product_leaders.md"}, "c/d/role_of_product_leaders.md"},
		{"slug same folder first", "b/from.md", "Role of leaders", []string{"a/role_of_leaders.md", "b/role_of_leaders.md"}, "b/role_of_leaders.md"},
		{"spaces and .md trimmed", "a/from.md", " x.md ", []string{"a/x.md"}, "a/x.md"},
		{"path from the root", "a/from.md", "b/x", []string{"a/x.md", "b/x.md"}, "b/x.md"},
		{"dangling", "a/from.md", "nowhere", []string{"a/x.md"}, ""},
		{"empty", "a/from.md", "  ", []string{"a/x.md"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := linking(tt.from, []string{tt.target}, tt.paths...)
			if got := v.Resolve(tt.from, tt.target); got != tt.want {
				t.Errorf("Resolve(%q, %q) = %q, want %q", tt.from, tt.target, got, tt.want)
			}
			l := v.Note(tt.from).Links[0]
			if l.Resolved != tt.want || l.Dangling() != (tt.want == "") {
				t.Errorf("link resolved to %q (dangling %v), want %q", l.Resolved, l.Dangling(), tt.want)
			}
		})
	}
}

func TestBacklinks(t *testing.T) {
	v := linking("a/from.md", []string{"x", "nowhere", "x"}, "a/x.md")
	got := v.Backlinks("a/x.md")
	if len(got) != 2 || got[0].From.Path != "a/from.md" || got[0].Index != 0 || got[1].Index != 2 {
		t.Errorf("Backlinks = %+v, want links 0 and 2 of a/from.md", got)
	}
	if len(v.Backlinks("a/from.md")) != 0 {
		t.Error("a note nobody links has backlinks")
	}
}

func TestChannelsAndVideos(t *testing.T) {
	page := &Note{Path: "ch/ch.md", Channel: "ch", Links: []Link{
		{Target: "one", Line: 2}, {Target: "two", Line: 3}, {Target: "gone", Line: 4}, {Target: "three", Line: 6},
	}}
	one := &Note{Path: "ch/one.md", Channel: "ch", VideoID: "AAAAAAAAAAA"}
	two := &Note{Path: "ch/two.md", Channel: "ch"}
	three := &Note{Path: "ch/three.md", Channel: "ch", VideoID: "BBBBBBBBBBB"}
	lone := &Note{Path: "other/lone.md", Channel: "other", VideoID: "CCCCCCCCCCC"}
	root := &Note{Path: "index.md"}
	v := NewVault([]*Note{three, lone, page, two, root, one}, []ChannelPage{{Note: page, Videos: []PageVideo{
		{ID: "AAAAAAAAAAA", Title: "Video A", Links: []int{0, 1, 2}},
		{ID: "BBBBBBBBBBB", Title: "Video B", Links: []int{3}},
	}}}, []Problem{{Path: "z.md", Message: "late"}, {Path: "a.md", Message: "early"}})

	var paths []string
	for _, n := range v.Notes {
		paths = append(paths, n.Path)
	}
	if want := []string{"ch/ch.md", "ch/one.md", "ch/three.md", "ch/two.md", "index.md", "other/lone.md"}; !reflect.DeepEqual(paths, want) {
		t.Errorf("notes in %v, want path order %v", paths, want)
	}
	if v.Problems[0].Path != "a.md" {
		t.Errorf("problems not in path order: %v", v.Problems)
	}
	if len(v.Channels) != 2 || v.Channels[0].Name != "ch" || v.Channels[1].Name != "other" {
		t.Fatalf("channels %+v, want ch and other (root notes have none)", v.Channels)
	}
	ch := v.Channel("ch")
	if ch.Page != page || len(ch.Notes) != 4 {
		t.Errorf("channel ch: page %v, %d notes", ch.Page, len(ch.Notes))
	}
	a := v.Video("AAAAAAAAAAA")
	if a == nil || a.Title != "Video A" || a.Channel != "ch" || !reflect.DeepEqual(a.Notes, []*Note{one, two}) {
		t.Errorf("video A = %+v, want titled, in ch, notes one and two", a)
	}
	if got := v.VideoOf(two); got != a {
		t.Errorf("VideoOf(two), known only from the page, = %v", got)
	}
	if got := v.VideoOf(lone); got == nil || got.ID != "CCCCCCCCCCC" || got.Title != "" || got.Channel != "other" {
		t.Errorf("VideoOf(lone), known only from frontmatter, = %+v", got)
	}
	if v.VideoOf(root) != nil {
		t.Error("a note of no video has one")
	}
	if got := len(v.Videos); got != 3 {
		t.Errorf("%d videos, want 3", got)
	}
	if got := v.NotesOfVideo("BBBBBBBBBBB"); !reflect.DeepEqual(got, []*Note{three}) {
		t.Errorf("NotesOfVideo(B) = %v, want three once", got)
	}
	if got := v.NotesOfChannel("other"); !reflect.DeepEqual(got, []*Note{lone}) {
		t.Errorf("NotesOfChannel(other) = %v", got)
	}
	if v.NotesOfChannel("none") != nil || v.NotesOfVideo("none") != nil || v.Note("none.md") != nil {
		t.Error("queries for unknown names answer something")
	}
}

func TestLookup(t *testing.T) {
	mk := func(p, title string) *Note { return &Note{Path: p, Title: title} }
	v := NewVault([]*Note{
		mk("a/role_of_product_leaders.md", "Role of product leaders"),
		mk("a/growth.md", "Growth"),
		mk("b/growth.md", "Growth loops"),
		mk("b/other.md", "Café culture"),
	}, nil, nil)
	paths := func(ns []*Note) []string {
		var out []string
		for _, n := range ns {
			out = append(out, n.Path)
		}
		return out
	}
	for _, c := range []struct {
		name string
		want []string
	}{
		{"a/growth.md", []string{"a/growth.md"}},
		{"./b/growth", []string{"b/growth.md"}},
		{"Role of product leaders", []string{"a/role_of_product_leaders.md"}},
		{"role_of_product_leaders", []string{"a/role_of_product_leaders.md"}},
		{"CAFÉ CULTURE", []string{"b/other.md"}},
		{"growth", []string{"a/growth.md", "b/growth.md"}},
		{"nothing here", nil},
		{"", nil},
	} {
		if got := paths(v.Lookup(c.name)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Lookup(%q) = %v, want %v", c.name, got, c.want)
		}
	}
}
