package ui

import (
	"math/rand"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tubenotes/loader/demo"
)

// checkScreen asserts the screen is exactly h lines of at most w cells.
func checkScreen(t *testing.T, m Model, w, h int) {
	t.Helper()
	s := m.screen()
	if w == 0 || h == 0 {
		if strings.TrimSpace(ansi.Strip(s)) != "" && h == 0 {
			t.Errorf("%dx%d: drew %q", w, h, s)
		}
		return
	}
	lines := strings.Split(s, "\n")
	if len(lines) != h {
		t.Errorf("%dx%d: %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%dx%d: line %d is %d cells: %q", w, h, i, lw, ansi.Strip(l))
		}
	}
}

func TestSizes(t *testing.T) {
	v := loadVault(t, demo.FS())
	for _, sz := range [][2]int{{0, 0}, {1, 1}, {19, 5}, {20, 5}, {19, 6}, {20, 6}, {40, 10}, {79, 24}, {80, 24}, {200, 60}} {
		w, hgt := sz[0], sz[1]
		h := newHarness(t, v, w, hgt)
		checkScreen(t, h.m, w, hgt)
		small := strings.Contains(h.screen(), "window too small")
		if want := w < 20 || hgt < 6; small != want && w >= len("window too small") {
			t.Errorf("%dx%d: too-small message shown %v, want %v", w, hgt, small, want)
		}
		openSeed(h)
		for _, k := range []string{"t", "o", "tab", "j", "enter", "tab", "j", `\`, "?", "?", "backspace"} {
			h.press(k)
			checkScreen(t, h.m, w, hgt)
		}
	}
}

func TestNarrowSidebarToggles(t *testing.T) {
	h := newHarness(t, loadVault(t, demo.FS()), 60, 20)
	if !strings.Contains(h.screen(), "Notes") || strings.Contains(h.screen(), "│") {
		t.Errorf("narrow start should show the sidebar alone:\n%s", h.screen())
	}
	openSeed(h)
	if strings.Contains(h.screen(), "Sections") || !strings.Contains(h.screen(), "GPUs") {
		t.Errorf("narrow reader should take the window:\n%s", h.screen())
	}
	h.press(`\`)
	if !strings.Contains(h.screen(), "Sections") || h.m.focus != focusNotes {
		t.Errorf(`\ should bring the sidebar back:`+"\n%s", h.screen())
	}
}

func TestResizeStorm(t *testing.T) {
	h := demoHarness(t)
	openSeed(h)
	rng := rand.New(rand.NewSource(1))
	keys := []string{"j", "t", "tab", "G", "]", "pgdown", `\`}
	var last tea.Cmd
	for i := 0; i < 3000; i++ {
		w, hgt := rng.Intn(260), rng.Intn(90)
		next, cmd := h.m.Update(tea.WindowSizeMsg{Width: w, Height: hgt})
		h.m, last = next.(Model), cmd
		if i%7 == 0 {
			next, _ = h.m.Update(keyMsg(keys[rng.Intn(len(keys))]))
			h.m = next.(Model)
		}
		checkScreen(t, h.m, w, hgt)
		if t.Failed() {
			t.FailNow()
		}
	}
	h.send(run(last)...) // the storm is over: the reader takes the last size
	checkScreen(t, h.m, h.m.width, h.m.height)
}
