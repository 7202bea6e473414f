package sections

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tubenotes/loader"
	"tubenotes/loader/demo"
	"tubenotes/model"
	"tubenotes/ui/common"
)

func note(t *testing.T, path string) *model.Note {
	t.Helper()
	v, err := loader.Load(demo.FS(), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := v.Note(path)
	if n == nil {
		t.Fatalf("no %s in the demo", path)
	}
	return n
}

func pane(n *model.Note, w, h int) Model {
	m := New(common.New(true))
	m.SetSize(w, h)
	m.SetNote(n)
	return m
}

func TestRowsShowFirstOpenableTimestamp(t *testing.T) {
	m := pane(note(t, "bankless/cloud_computing_and_commodity_hardware.md"), 40, 6)
	got := strings.Split(ansi.Strip(m.View()), "\n")
	want := []string{
		"Sections",
		"    0:32  Cheap hardware in one place",
		" 1:02:03  Timestamps past the hour", // its invalid 00:61:99 is not offered
		"          Links",
	}
	for i, w := range want {
		if strings.TrimRight(got[i], " ") != w {
			t.Errorf("line %d = %q, want %q", i, got[i], w)
		}
	}
}

func TestKeysAskTheRoot(t *testing.T) {
	n := note(t, "bankless/cloud_computing_and_commodity_hardware.md")
	m := pane(n, 40, 6)
	m.SetFocused(true)
	press := func(k tea.KeyPressMsg) { m, _ = m.Update(k) }
	press(tea.KeyPressMsg{Code: 'j', Text: "j"})
	press(tea.KeyPressMsg{Code: tea.KeyEnter})
	press(tea.KeyPressMsg{Code: 'o', Text: "o"})
	press(tea.KeyPressMsg{Code: 'G', Text: "G"})
	press(tea.KeyPressMsg{Code: 'y', Text: "y"})
	got := m.Take()
	want := []any{
		common.ScrollToSection{Index: 1},
		common.OpenVideo{Note: n, Timestamp: n.SectionMoments()[1]},
		common.OpenVideo{Note: n, Timestamp: -1, Copy: true}, // "Links" has no timestamp: the video's start
	}
	if len(got) != len(want) {
		t.Fatalf("requests %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("request %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	m.Click(1)
	if r := m.Take(); len(r) != 1 || r[0] != (common.ScrollToSection{Index: 0}) {
		t.Errorf("click on the first row: %v", r)
	}
}

func TestCursorFollowsTheReaderUnlessFocused(t *testing.T) {
	m := pane(note(t, "bankless/cloud_computing_and_commodity_hardware.md"), 40, 6)
	m.SetCurrent(2)
	if m.cur.Pos != 2 {
		t.Errorf("unfocused cursor at %d, want 2", m.cur.Pos)
	}
	if !strings.Contains(m.View(), m.c.Styles.Current.Render("▌")) {
		t.Error("current section not marked")
	}
	m.SetFocused(true)
	m.SetCurrent(0)
	if m.cur.Pos != 2 {
		t.Errorf("focused cursor moved to %d", m.cur.Pos)
	}
}

func TestTinyAndEmpty(t *testing.T) {
	n := note(t, "bankless/reading_list.md")
	for _, sz := range [][2]int{{0, 0}, {1, 1}, {3, 2}, {10, 1}} {
		m := pane(n, sz[0], sz[1])
		if s := m.View(); sz[0]*sz[1] == 0 && s != "" || sz[0]*sz[1] > 0 && len(strings.Split(s, "\n")) != sz[1] {
			t.Errorf("%v: %q", sz, s)
		}
	}
	m := pane(nil, 20, 4)
	if strings.TrimSpace(ansi.Strip(m.View())) != "Sections" {
		t.Errorf("no note: %q", m.View())
	}
}

func TestHeadingsShowWhatAReaderSees(t *testing.T) {
	text := "---\nvideoId: LKlE93-SDpc\n---\n# [A video](https://www.youtube.com/watch?v=LKlE93-SDpc)\n\n" +
		"## Why it matters <a class=\"yt-timestamp\" data-t=\"00:00:44\">[00:00:44]</a>\n\n" +
		"## On [[other_note | other notes]] and **bold** `code`\n"
	n, _ := loader.ParseNote("c/n.md", []byte(text), loader.TimestampsAuto)
	got := strings.Split(ansi.Strip(pane(n, 50, 5).View()), "\n")
	want := []string{
		"Sections",
		"A video",
		"0:44 Why it matters",
		"On other notes and bold code",
	}
	for i, w := range want {
		if line := strings.Join(strings.Fields(got[i]), " "); line != w {
			t.Errorf("line %d = %q, want %q", i, got[i], w)
		}
	}
}

func TestPlayingSectionIsMarked(t *testing.T) {
	m := pane(note(t, "bankless/cloud_computing_and_commodity_hardware.md"), 40, 6)
	m.SetCurrent(0)
	m.SetPlaying(1)
	got := strings.Split(ansi.Strip(m.View()), "\n")
	if !strings.HasPrefix(got[2], "▶") || strings.HasPrefix(got[1], "▶") {
		t.Errorf("section 1 playing:\n%s", strings.Join(got, "\n"))
	}
	m.SetPlaying(-1)
	if s := ansi.Strip(m.View()); strings.Contains(s, "▶") {
		t.Errorf("nothing playing, still marked:\n%s", s)
	}
	m.SetPlaying(0)
	m.SetNote(m.note) // another note: the mark goes until the root says again
	if s := ansi.Strip(m.View()); strings.Contains(s, "▶") {
		t.Errorf("mark kept over SetNote:\n%s", s)
	}
}

// TestMomentsOfATextOnDisk: a note whose text a cache left on disk is
// listed at once without its moments, its text read by the command
// SetNote returns, never by SetNote or View; the moments show when it
// comes, and the pane is Ready then.
func TestMomentsOfATextOnDisk(t *testing.T) {
	n := note(t, "bankless/cloud_computing_and_commodity_hardware.md")
	body, reads := n.Peek(), 0
	n.SetLazyBody(func() model.Body { reads++; return body })
	m := New(common.New(true))
	m.SetSize(40, 6)
	cmd := m.SetNote(n)
	waiting := ansi.Strip(m.View())
	if reads != 0 || cmd == nil || m.Ready() {
		t.Fatalf("SetNote or View read the text (%d reads), or no command reads it (%v), or the pane is ready (%v)", reads, cmd == nil, m.Ready())
	}
	if !strings.Contains(waiting, "Cheap hardware in one place") || strings.Contains(waiting, "0:32") {
		t.Errorf("waiting for the text, the pane shows:\n%s", waiting)
	}
	m, _ = m.Update(cmd())
	if reads != 1 || !m.Ready() {
		t.Fatalf("after the command: %d reads, ready %v", reads, m.Ready())
	}
	if got := ansi.Strip(m.View()); !strings.Contains(got, "    0:32  Cheap hardware in one place") || !strings.Contains(got, " 1:02:03  Timestamps past the hour") {
		t.Errorf("the moments do not show once the text came:\n%s", got)
	}
}
