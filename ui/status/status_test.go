package status

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"tubenotes/ui/common"
)

func TestLoadingThenCount(t *testing.T) {
	m := New(common.New(true))
	m.SetWidth(80)
	m.SetProgress(250, 1000)
	s := ansi.Strip(m.View())
	if !strings.Contains(s, "loading █████░░░░░░░░░░░░░░░ 250/1000") {
		t.Errorf("progress: %q", s)
	}
	m.SetLoaded(1362)
	if s := ansi.Strip(m.View()); !strings.HasSuffix(s, " 1362 notes ") || ansi.StringWidth(s) != 80 {
		t.Errorf("loaded: %q", s)
	}
	m.SetLoaded(1)
	if s := ansi.Strip(m.View()); !strings.HasSuffix(s, " 1 note ") {
		t.Errorf("one note: %q", s)
	}
}

func TestCrumbsAndMessages(t *testing.T) {
	m := New(common.New(true))
	m.SetWidth(60)
	m.SetLoaded(8)
	m.SetCrumbs("bankless", "Title \x1b]0;x\x07here", "", "GPUs")
	if s := ansi.Strip(m.View()); !strings.HasPrefix(s, " bankless › Title here › GPUs") {
		t.Errorf("crumbs: %q", s)
	}
	m.SetMessage("opened https://www.youtube.com/watch?v=LKlE93-SDpc&t=28s", false)
	if s := ansi.Strip(m.View()); !strings.Contains(s, "opened https://www.youtube.com/watch?v=LKlE93-SDpc&t=28s") {
		t.Errorf("message: %q", s)
	}
	m.ClearMessage()
	if m.Message() != "" || !strings.Contains(ansi.Strip(m.View()), "bankless") {
		t.Error("ClearMessage did not bring the crumbs back")
	}
	for _, w := range []int{0, 1, 5, 15} {
		m.SetWidth(w)
		if got := ansi.StringWidth(m.View()); got != w {
			t.Errorf("width %d: view is %d cells", w, got)
		}
	}
}

func TestFindSegment(t *testing.T) {
	m := New(common.New(true))
	m.SetWidth(80)
	m.SetLoaded(8)
	for _, c := range []struct {
		query, input string
		cur, total   int
		want, never  string
	}{
		{"", "/█", 0, 0, "/█", "match"},
		{"kahve", "/kah█ve", 0, 0, "/kah█ve  no match", "0/0"},
		{"kah\x1b[2Jve", "", 2, 5, "/kahve  2/5", "█"},
		{"", "", 0, 0, " 8 notes", "/"},
	} {
		m.SetFind(c.query, c.input, c.cur, c.total)
		s := ansi.Strip(m.View())
		if !strings.Contains(s, c.want) || strings.Contains(s, c.never) || ansi.StringWidth(s) != 80 {
			t.Errorf("SetFind(%q, %q, %d, %d): %q, want %q and no %q", c.query, c.input, c.cur, c.total, s, c.want, c.never)
		}
	}
}

func TestFindMoment(t *testing.T) {
	m := New(common.New(true))
	m.SetWidth(80)
	m.SetFind("gpu", "", 2, 5)
	m.SetFindMoment("1:30:31?")
	if s := ansi.Strip(m.View()); !strings.Contains(s, "/gpu  2/5  ▶ 1:30:31?") {
		t.Errorf("the current match's moment is not shown: %q", s)
	}
	m.SetFind("", "", 0, 0)
	m.SetFindMoment("0:28")
	if s := ansi.Strip(m.View()); strings.Contains(s, "0:28") {
		t.Errorf("a moment without a find: %q", s)
	}
}

func TestPlayheadSegment(t *testing.T) {
	m := New(common.New(true))
	m.SetWidth(80)
	m.SetLoaded(1362)
	m.SetPlayhead("▶ 12:05 playing\x1b[2J")
	if s := ansi.Strip(m.View()); !strings.HasSuffix(s, " ▶ 12:05 playing   1362 notes ") || ansi.StringWidth(s) != 80 {
		t.Errorf("playhead: %q", s)
	}
	m.SetWidth(36) // no room for both: the count goes first
	if s := ansi.Strip(m.View()); !strings.HasSuffix(s, " ▶ 12:05 playing ") || strings.Contains(s, "notes") {
		t.Errorf("narrow: %q", s)
	}
	m.SetPlayhead("")
	if s := ansi.Strip(m.View()); strings.Contains(s, "playing") {
		t.Errorf("hidden playhead still shown: %q", s)
	}
}
