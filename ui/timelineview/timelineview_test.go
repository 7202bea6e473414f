package timelineview

import (
	"strings"
	"testing"
	"testing/fstest"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tubenotes/loader"
	"tubenotes/model"
	"tubenotes/ui/common"
)

// vault is one video with two notes: the second's times interleave the
// first's, one anchor is invalid, and one title has an accent.
func vault(t *testing.T) *model.Vault {
	t.Helper()
	ts := func(s string) string { return `<a class="yt-timestamp" data-t="` + s + `">[` + s + `]</a>` }
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	v, err := loader.Load(fstest.MapFS{
		"c/a.md": file("---\ntitle: Café talk\nvideoId: LKlE93-SDpc\n---\n\n## Start\n\nHello there " + ts("00:00:10") +
			".\n\nLater on " + ts("00:20:00") + ".\n"),
		"c/b.md": file("---\ntitle: Second\nvideoId: LKlE93-SDpc\n---\n\nSame second " + ts("00:00:10") +
			". Broken " + ts("00:61:99") + ".\n"),
	}, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// opened is the view of vault's video at w×h, made.
func opened(t *testing.T, w, h int, from string, ts int) (Model, *model.Vault) {
	t.Helper()
	v := vault(t)
	m := New(common.New(true))
	m.SetSize(w, h)
	cmd := m.Open(v, "LKlE93-SDpc", v.Note(from), ts)
	if !m.Loading() {
		t.Fatal("not loading after Open")
	}
	m, _ = m.Update(cmd())
	return m, v
}

func press(m Model, keys ...string) Model {
	for _, k := range keys {
		msg := tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
		switch k {
		case "enter":
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		case "esc":
			msg = tea.KeyPressMsg{Code: tea.KeyEscape}
		}
		m, _ = m.Update(msg)
	}
	return m
}

func TestRows(t *testing.T) {
	m, _ := opened(t, 80, 12, "c/b.md", -1)
	got := strings.Split(ansi.Strip(m.View()), "\n")
	want := []string{
		" video LKlE93-SDpc", // no channel page names it
		" c · LKlE93-SDpc · 2 notes · 3 moments · 0:10–20:00 · 1 apart",
		" 1 gap over 5 minutes: 0:10–20:00",
		"      0:10  Start · Café talk — Hello there",
		"            Second — Same second",
		"     20:00  Start · Café talk — Later on",
		" invalid (✗) or doubtful (?), apart:",
		" 00:61:99✗  Second — Broken",
	}
	for i, w := range want {
		if strings.TrimRight(got[i], " ") != w {
			t.Errorf("line %d = %q, want %q", i, strings.TrimRight(got[i], " "), w)
		}
	}
	if r := m.Selected(); r == nil || r.Note.Path != "c/b.md" || r.Seconds != 10 {
		t.Errorf("opened from b, the cursor is on %+v", r)
	}
	for i, l := range got {
		if ansi.StringWidth(l) != 80 {
			t.Errorf("line %d is %d cells wide", i, ansi.StringWidth(l))
		}
	}
}

func TestCursorSkipsTheLabel(t *testing.T) {
	m, _ := opened(t, 80, 12, "c/a.md", 1) // a's 20:00
	m = press(m, "j")
	if r := m.Selected(); r == nil || r.Seconds != -1 {
		t.Fatalf("j from the last group: %+v, want the invalid row past the label", r)
	}
	m = press(m, "k")
	if r := m.Selected(); r == nil || r.Seconds != 1200 {
		t.Errorf("k back: %+v, want 20:00", r)
	}
}

func TestFilterFoldsAccents(t *testing.T) {
	m, _ := opened(t, 80, 12, "c/a.md", -1)
	m = press(m, "/", "c", "a", "f", "e")
	if !m.Typing() || len(m.shownRows()) != 2 {
		t.Fatalf("/cafe shows %d rows, want Café talk's 2", len(m.shownRows()))
	}
	m = press(m, "enter")
	if m.Typing() || m.Filter() != "cafe" || !strings.Contains(ansi.Strip(m.View()), "/cafe  2/4") {
		t.Errorf("enter: typing %v, filter %q\n%s", m.Typing(), m.Filter(), ansi.Strip(m.View()))
	}
	m = press(m, "esc")
	if m.Filter() != "" || len(m.shownRows()) != 4 || len(m.Take()) != 0 {
		t.Error("the first esc did not just drop the filter")
	}
	m = press(m, "esc")
	if got := m.Take(); len(got) != 1 || got[0] != (common.CloseTimeline{}) {
		t.Errorf("the second esc asked %v", got)
	}
}

func TestEnterAndOAskTheRoot(t *testing.T) {
	m, v := opened(t, 80, 12, "c/a.md", 1)
	m = press(m, "enter", "o", "y")
	a := v.Note("c/a.md")
	want := []common.Action{
		common.OpenLine{Note: a, Line: 10, Timestamp: 1},
		common.OpenVideo{Note: a, Timestamp: 1},
		common.OpenVideo{Note: a, Timestamp: 1, Copy: true},
	}
	got := m.Take()
	if len(got) != len(want) {
		t.Fatalf("actions %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("action %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

// TestPlayheadMarksItsRow is the hook for a player: the group at or
// before the playhead is marked, and the cursor goes to it when it moves.
func TestPlayheadMarksItsRow(t *testing.T) {
	m, _ := opened(t, 80, 12, "c/a.md", -1)
	m.SetPlayhead("LKlE93-SDpc", 1300, false)
	if r := m.Selected(); m.Playing() == nil || m.Playing().Seconds != 1200 || r.Seconds != 10 {
		t.Fatalf("not following, the playhead moved the cursor to %+v", r)
	}
	m.SetPlayhead("LKlE93-SDpc", 600, true)
	if r := m.Playing(); r == nil || r.Seconds != 10 {
		t.Fatalf("playhead at 10:00 marks %+v, want the 0:10 group", r)
	}
	if !strings.Contains(ansi.Strip(m.View()), "▶     0:10") {
		t.Errorf("the row is not marked:\n%s", ansi.Strip(m.View()))
	}
	m.SetPlayhead("LKlE93-SDpc", 1300, true)
	if r := m.Selected(); r == nil || r.Seconds != 1200 || m.Playing().Seconds != 1200 {
		t.Errorf("the cursor did not follow the playhead to 20:00: %+v", r)
	}
	m.SetPlayhead("AAAAAAAAAAA", 1300, true)
	if m.Playing() != nil {
		t.Error("another video's playhead marks a row")
	}
	m.SetPlayhead("LKlE93-SDpc", 5, true)
	if m.Playing() != nil {
		t.Error("a playhead before the first moment marks a row")
	}
}

func TestStaleTimelineIsDropped(t *testing.T) {
	v := vault(t)
	m := New(common.New(true))
	m.SetSize(80, 12)
	old := m.Open(v, "LKlE93-SDpc", nil, -1)
	newer := m.Open(v, "nothing-here", nil, -1)
	m, _ = m.Update(old())
	if !m.Loading() {
		t.Fatal("an older Open's answer was shown")
	}
	m, _ = m.Update(newer())
	if m.Loading() || m.Timeline() != nil || !strings.Contains(ansi.Strip(m.View()), "no note is made from this video") {
		t.Errorf("the newer answer:\n%s", ansi.Strip(m.View()))
	}
}

// TestRefreshKeepsTheFilterAndTheRow: made again from a vault read again,
// the view shows the notes as they are now, keeps its filter, and keeps
// the cursor on its row's timestamp.
func TestRefreshKeepsTheFilterAndTheRow(t *testing.T) {
	m, v := opened(t, 100, 20, "c/a.md", -1)
	m = press(m, "/", "l", "a", "t", "e", "r", "enter")
	if r := m.Selected(); r == nil || r.Seconds != 1200 {
		t.Fatalf("the filter chose %+v, want the row at 20:00", r)
	}
	ts := `<a class="yt-timestamp" data-t="00:20:00">[00:20:00]</a>`
	edited, _ := loader.ParseNote("c/a.md", []byte("---\ntitle: Café talk\nvideoId: LKlE93-SDpc\n---\n\n## Start\n\nHello again.\n\nLater still "+ts+".\n"), loader.TimestampsAuto)
	nv := v.Apply([]model.Change{{Path: "c/a.md", Note: edited}})
	m, _ = m.Update(m.Refresh(nv)())
	if r := m.Selected(); r == nil || r.Note != nv.Note("c/a.md") || r.Seconds != 1200 || r.Text != "Later still" {
		t.Errorf("after the refresh the cursor is on %+v, want the edited note's 20:00", r)
	}
	if m.Filter() != "later" {
		t.Errorf("the filter became %q", m.Filter())
	}
	if view := ansi.Strip(m.View()); strings.Contains(view, "Later on") || !strings.Contains(view, "Later still") {
		t.Errorf("the rows are not the note's as it is now:\n%s", view)
	}
}
