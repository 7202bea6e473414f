package backlinks

import (
	"strings"
	"testing"
	"testing/fstest"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tubenotes/loader"
	"tubenotes/model"
	"tubenotes/model/search"
	"tubenotes/ui/common"
)

func vault(t *testing.T) *model.Vault {
	t.Helper()
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	v, err := loader.Load(fstest.MapFS{
		"zebra.md": file("---\ntitle: Zebra crossing\n---\n\nThe note everyone points at.\n"),
		"linker.md": file("---\ntitle: Linker\nvideoId: LKlE93-SDpc\n---\n\n- See [[zebra]] here " +
			`<a class="yt-timestamp" data-t="00:01:05">[00:01:05]</a>.` + "\n"),
		"namer.md": file("---\ntitle: Namer\n---\n\nA zebra crossing, named but not linked.\n"),
		"other.md": file("---\ntitle: Other\n---\n\nNothing here.\n"),
	}, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestLinksThenMentions(t *testing.T) {
	v := vault(t)
	zebra := v.Note("zebra.md")
	m := New(common.New(true))
	m.SetSize(40, 6)
	m.SetFocused(true)
	m.SetNote(zebra)
	if !strings.Contains(ansi.Strip(m.View()), " …") {
		t.Errorf("before the answer:\n%s", ansi.Strip(m.View()))
	}
	m, _ = m.Update(Find(v, search.Build(v.Notes), v.Note("other.md"))()) // a note left since
	if m.found {
		t.Fatal("an answer for another note was shown")
	}
	m, _ = m.Update(Find(v, search.Build(v.Notes), zebra)())
	got := strings.Split(ansi.Strip(m.View()), "\n")
	want := []string{
		"Linked from 1 · mentioned in 1",
		" Linker:6 See zebra here.",
		"Mentioned in 1",
		" Namer:5 A zebra crossing, named but no…",
	}
	for i, w := range want {
		if strings.TrimRight(got[i], " ") != w && !strings.HasPrefix(got[i], strings.TrimSuffix(w, "…")) {
			t.Errorf("line %d = %q, want %q", i, got[i], w)
		}
	}
	// the cursor steps over the heading; enter and o name the line and its moment
	m, _ = m.Update(tea.KeyPressMsg{Code: 'j', Text: "j"})
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	m, _ = m.Update(tea.KeyPressMsg{Code: 'k', Text: "k"})
	m, _ = m.Update(tea.KeyPressMsg{Code: 'o', Text: "o"})
	acts := m.Take()
	if len(acts) != 2 || acts[0] != (common.OpenLine{Note: v.Note("namer.md"), Line: 5, Timestamp: -1}) ||
		acts[1] != (common.OpenVideo{Note: v.Note("linker.md"), Timestamp: 0}) {
		t.Errorf("actions %+v", acts)
	}
}

func TestNoIndexNoMentions(t *testing.T) {
	v := vault(t)
	m := New(common.New(true))
	m.SetSize(40, 6)
	m.SetNote(v.Note("other.md"))
	m, _ = m.Update(Find(v, nil, v.Note("other.md"))())
	if view := ansi.Strip(m.View()); !strings.Contains(view, "Linked from 0") || !strings.Contains(view, "no note links here") {
		t.Errorf("a note nobody links:\n%s", view)
	}
}
