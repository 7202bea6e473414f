package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tubenotes/loader/demo"
)

// TestHelpScrollsWhenTallerThanTheWindow: on a short window the ? screen
// says how much is below, and j, G and the wheel bring its last row, the
// mouse line, into view; a screen that fits does not move.
func TestHelpScrollsWhenTallerThanTheWindow(t *testing.T) {
	h := newHarness(t, loadVault(t, demo.FS()), 80, 16)
	h.press("?")
	screen := h.screen()
	if strings.Contains(screen, "mouse:") || !strings.Contains(screen, "more lines") {
		t.Fatalf("a tall help on 16 rows, at its top:\n%s", screen)
	}
	if hint := h.hintLine(); !strings.Contains(hint, "scroll") {
		t.Errorf("hint of a help that overflows: %q", hint)
	}
	first := strings.Split(screen, "\n")[1]
	h.press("j")
	if got := strings.Split(h.screen(), "\n")[0]; got != first {
		t.Errorf("j: the first row is %q, want the second row before, %q", got, first)
	}
	h.press("G")
	if screen := h.screen(); !strings.Contains(screen, "mouse:") || strings.Contains(screen, "more line") {
		t.Errorf("G: the help's end is not shown:\n%s", screen)
	}
	h.press("g")
	h.send(tea.MouseWheelMsg{X: 5, Y: 5, Button: tea.MouseWheelDown})
	if h.m.helpTop != 3 {
		t.Errorf("the wheel scrolled help to row %d, want 3", h.m.helpTop)
	}
	h.press("esc", "?")
	if h.m.helpTop != 0 {
		t.Errorf("help opened again at row %d, want its top", h.m.helpTop)
	}

	tall := newHarness(t, loadVault(t, demo.FS()), 80, 60)
	tall.press("?", "j", "G")
	if tall.m.helpTop != 0 || strings.Contains(tall.screen(), "more line") || strings.Contains(tall.hintLine(), "scroll") {
		t.Errorf("a help that fits scrolled to row %d, hint %q:\n%s", tall.m.helpTop, tall.hintLine(), tall.screen())
	}
}
