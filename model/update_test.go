package model

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// note is a note at path linking to targets, of channel ch.
func note(path, ch string, targets ...string) *Note {
	n := (&Note{Path: path, Channel: ch}).SetBody("text of "+path, nil)
	for i, t := range targets {
		n.Links = append(n.Links, Link{Target: t, Label: t, Line: i + 1})
	}
	return n
}

// summary is what a vault says, to compare an applied vault with one
// built from scratch.
func summary(v *Vault) []string {
	var out []string
	for _, n := range v.Notes {
		var resolved []string
		for _, l := range n.Links {
			resolved = append(resolved, l.Resolved)
		}
		out = append(out, fmt.Sprintf("note %s %q links %q", n.Path, n.Text(), resolved))
		for _, b := range v.Backlinks(n.Path) {
			out = append(out, fmt.Sprintf("  backlink %s#%d", b.From.Path, b.Index))
		}
	}
	for _, c := range v.Channels {
		page := ""
		if c.Page != nil {
			page = c.Page.Path
		}
		out = append(out, fmt.Sprintf("channel %s page %q notes %d videos %d", c.Name, page, len(c.Notes), len(c.Videos)))
	}
	for _, vid := range v.Videos {
		var paths []string
		for _, n := range vid.Notes {
			paths = append(paths, n.Path)
		}
		out = append(out, fmt.Sprintf("video %s %q %s %q", vid.ID, vid.Title, vid.Channel, paths))
	}
	for _, p := range v.Problems {
		out = append(out, "problem "+p.Path+": "+p.Message)
	}
	return out
}

func TestApplyEdit(t *testing.T) {
	a, b := note("a.md", "", "b"), note("b.md", "", "a")
	v := NewVault([]*Note{a, b}, nil, []Problem{{Path: "b.md", Message: "old"}})
	edited := note("b.md", "", "a", "a")
	edited.SetBody("new text", nil)
	w := v.Apply([]Change{{Path: "b.md", Note: edited, Problems: []Problem{{Path: "b.md", Message: "new"}}}})
	if w.Note("b.md") != edited || w.Note("a.md") != a {
		t.Fatal("the edited note should replace the old, the other be shared")
	}
	if edited.Links[1].Resolved != "a.md" {
		t.Fatalf("the edited note's links were not resolved: %+v", edited.Links)
	}
	if len(w.Problems) != 1 || w.Problems[0].Message != "new" {
		t.Fatalf("problems %+v", w.Problems)
	}
	if v.Note("b.md") != b || len(v.Problems) != 1 || v.Problems[0].Message != "old" {
		t.Fatal("Apply changed the old vault")
	}
	if bl := w.Backlinks("a.md"); len(bl) != 2 || bl[0].From != edited {
		t.Fatalf("backlinks %+v", bl)
	}
}

func TestApplyAddResolvesDanglingAndShadowingLinks(t *testing.T) {
	from := note("b/from.md", "b", "x", "new")
	v := NewVault([]*Note{from, note("x.md", "")}, nil, nil)
	w := v.Apply([]Change{
		{Path: "b/x.md", Note: note("b/x.md", "b")},
		{Path: "c/new.md", Note: note("c/new.md", "c")},
	})
	got := w.Note("b/from.md")
	if got.Links[0].Resolved != "b/x.md" || got.Links[1].Resolved != "c/new.md" {
		t.Fatalf("links now %+v", got.Links)
	}
	if got == from || from.Links[0].Resolved != "x.md" || from.Links[1].Resolved != "" {
		t.Fatal("a note of the old vault was changed in place")
	}
	if w.Note("x.md") != v.Note("x.md") {
		t.Fatal("a note whose links did not change was copied")
	}
	if len(w.Notes) != 4 || len(w.NotesOfChannel("c")) != 1 {
		t.Fatalf("notes %d, channel c %d", len(w.Notes), len(w.NotesOfChannel("c")))
	}
}

func TestApplyRemove(t *testing.T) {
	v := NewVault([]*Note{note("a.md", "", "b"), note("b.md", "ch")}, nil, []Problem{{Path: "b.md", Message: "x"}})
	w := v.Apply([]Change{{Path: "b.md"}})
	if w.Note("b.md") != nil || len(w.Notes) != 1 || w.Channel("ch") != nil || len(w.Problems) != 0 {
		t.Fatalf("after removal: %q", summary(w))
	}
	if w.Note("a.md").Links[0].Resolved != "" || v.Note("a.md").Links[0].Resolved != "b.md" {
		t.Fatal("the link to the removed note should dangle in the new vault only")
	}
	// removing what is not there changes nothing
	if !reflect.DeepEqual(summary(w.Apply([]Change{{Path: "nope.md"}})), summary(w)) {
		t.Fatal("removing a missing note changed the vault")
	}
}

func TestApplyChannelPages(t *testing.T) {
	page := note("ch/ch.md", "ch", "one")
	n := note("ch/one.md", "ch")
	v := NewVault([]*Note{page, n}, []ChannelPage{{Note: page, Videos: []PageVideo{{ID: "aaaaaaaaaaa", Title: "Old", Links: []int{0}}}}}, nil)
	if vid := v.Video("aaaaaaaaaaa"); vid == nil || vid.Title != "Old" || len(vid.Notes) != 1 {
		t.Fatal("setup")
	}
	// adding another note re-resolves nothing on the page, keeps it
	w := v.Apply([]Change{{Path: "ch/two.md", Note: note("ch/two.md", "ch")}})
	if vid := w.Video("aaaaaaaaaaa"); vid == nil || vid.Title != "Old" || w.Channel("ch").Page != page {
		t.Fatalf("the page was lost: %q", summary(w))
	}
	// an edited page replaces its videos
	newPage := note("ch/ch.md", "ch", "two")
	w = w.Apply([]Change{{Path: "ch/ch.md", Note: newPage, Page: &ChannelPage{Videos: []PageVideo{{ID: "bbbbbbbbbbb", Title: "New", Links: []int{0}}}}}})
	if w.Video("aaaaaaaaaaa") != nil || w.Video("bbbbbbbbbbb").Notes[0].Path != "ch/two.md" || w.Channel("ch").Page != newPage {
		t.Fatalf("after the page edit: %q", summary(w))
	}
	// a page whose note is copied (a link now resolves elsewhere) follows the copy
	w = w.Apply([]Change{{Path: "ch/ch.md", Note: note("ch/ch.md", "ch", "three"), Page: &ChannelPage{Videos: []PageVideo{{ID: "ccccccccccc", Links: []int{0}}}}}})
	w = w.Apply([]Change{{Path: "ch/three.md", Note: note("ch/three.md", "ch")}})
	if vid := w.Video("ccccccccccc"); len(vid.Notes) != 1 || vid.Notes[0].Path != "ch/three.md" {
		t.Fatalf("the page's link to a new note: %q", summary(w))
	}
	if w.Channel("ch").Page != w.Note("ch/ch.md") {
		t.Fatal("the channel's page is not the vault's note")
	}
}

// TestApplyMatchesARebuild applies random changes and compares every
// answer with a vault built from scratch from the same notes.
func TestApplyMatchesARebuild(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	dirs := []string{"", "a/", "b/", "a/deep/"}
	names := []string{"x", "y", "z", "Foo Bar", "foo_bar", "w"}
	randomNote := func(path string) *Note {
		var targets []string
		for range rng.IntN(4) {
			targets = append(targets, names[rng.IntN(len(names))])
		}
		n := note(path, dirs[rng.IntN(len(dirs))], targets...)
		n.SetBody(fmt.Sprint(rng.Int()), nil)
		if rng.IntN(3) == 0 {
			n.VideoID = fmt.Sprintf("video%06d", rng.IntN(3))
		}
		return n
	}
	randomPath := func() string {
		return dirs[rng.IntN(len(dirs))] + names[rng.IntN(len(names))] + ".md"
	}
	current := map[string]*Note{}
	v := NewVault(nil, nil, nil)
	for round := range 300 {
		var changes []Change
		for range 1 + rng.IntN(4) {
			p := randomPath()
			if rng.IntN(3) == 0 {
				changes = append(changes, Change{Path: p})
				delete(current, p)
				continue
			}
			n := randomNote(p)
			changes = append(changes, Change{Path: p, Note: n, Problems: []Problem{{Path: p, Message: n.Text()}}})
			current[p] = n
		}
		v = v.Apply(changes)

		var fresh []*Note
		var problems []Problem
		for _, n := range current {
			c := *n
			c.Links = slices.Clone(n.Links)
			fresh = append(fresh, &c)
			problems = append(problems, Problem{Path: c.Path, Message: c.Text()})
		}
		want := summary(NewVault(fresh, nil, problems))
		if got := summary(v); !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: applied\n%q\nrebuilt\n%q", round, got, want)
		}
	}
}

func TestNotesUnder(t *testing.T) {
	v := NewVault([]*Note{note("a.md", ""), note("a/x.md", ""), note("a/y/z.md", ""), note("ab/x.md", ""), note("b.md", "")}, nil, nil)
	var got []string
	for _, n := range v.NotesUnder("a") {
		got = append(got, n.Path)
	}
	if !reflect.DeepEqual(got, []string{"a/x.md", "a/y/z.md"}) {
		t.Fatalf("NotesUnder(a) = %q", got)
	}
	if len(v.NotesUnder("nope")) != 0 {
		t.Fatal("NotesUnder(nope)")
	}
}

// TestApplyLeavesTheOldVaultToReaders: a UI goroutine may read the old
// vault while a command applies changes (the race detector checks).
func TestApplyLeavesTheOldVaultToReaders(t *testing.T) {
	var notes []*Note
	for i := range 200 {
		notes = append(notes, note(fmt.Sprintf("d%d/n%d.md", i%7, i), "", "n1", "new", fmt.Sprintf("n%d", i+1)))
	}
	v := NewVault(notes, nil, nil)
	done := make(chan int)
	go func() {
		resolved := 0
		for range 20 {
			for _, n := range v.Notes {
				for _, l := range n.Links {
					if l.Resolved != "" {
						resolved++
					}
				}
				resolved += len(v.Backlinks(n.Path))
			}
		}
		done <- resolved
	}()
	w := v.Apply([]Change{{Path: "new.md", Note: note("new.md", "")}, {Path: "d1/n1.md"}})
	<-done
	if w.Note("d0/n0.md").Links[1].Resolved != "new.md" || v.Note("d0/n0.md").Links[1].Resolved != "" {
		t.Fatal("the new vault's link should resolve, the old one's not")
	}
}
