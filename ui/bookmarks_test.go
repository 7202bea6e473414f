package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestMBookmarksTheMomentWithAName(t *testing.T) {
	store := newStore(t)
	h := stateHarness(t, store, false)
	h.open(seedPath)
	h.press("t", "t") // 0:05, on line 8 of the seed note
	h.press("m")
	if h.m.mode != modeMark || !strings.Contains(h.statusLine(), "bookmark as: ") {
		t.Fatalf("m: mode %d, status %q", h.m.mode, h.statusLine())
	}
	if hint := h.hintLine(); !strings.Contains(hint, "enter save") || !strings.Contains(hint, "esc cancel") {
		t.Errorf("hints while naming: %q", hint)
	}
	h.press("ctrl+u")              // the prefilled name goes
	h.typeText("gpus \x1b[31mred") // the escape is cleaned away, as in every query
	h.press("enter")
	if h.m.mode != modeBrowse {
		t.Fatalf("enter left mode %d", h.m.mode)
	}
	bs := saved(t, store).Bookmarks // saved at once
	if len(bs) != 1 {
		t.Fatalf("saved bookmarks %+v", bs)
	}
	b := bs[0]
	if b.Note != seedPath || b.Line != 8 || b.Seconds != 5 || b.Raw != "00:00:05" || b.Name != "gpus [31mred" || b.ID == "" {
		t.Errorf("bookmark %+v", b)
	}
	if !strings.Contains(h.statusLine(), `bookmarked "gpus [31mred"`) {
		t.Errorf("status %q", h.statusLine())
	}

	// With no timestamp selected: the line at the top of the reader, and
	// the timestamp o would play there.
	h.press("esc", "G", "m", "enter")
	bs = saved(t, store).Bookmarks
	last := strings.Count(h.m.vault.Note(seedPath).Text(), "\n") + 1
	if len(bs) != 2 || bs[1].Line <= 8 || bs[1].Line > last || bs[1].Seconds < 5 || bs[1].Name == "" {
		t.Errorf("a bookmark of the note's end: %+v (the name defaults to the section's)", bs[len(bs)-1])
	}
}

func TestEscDropsTheBookmark(t *testing.T) {
	store := newStore(t)
	h := stateHarness(t, store, false)
	h.open(seedPath)
	h.press("m", "esc")
	if h.m.mode != modeBrowse || len(h.m.listed()) != 0 || len(saved(t, store).Bookmarks) != 0 {
		t.Errorf("esc kept a bookmark: mode %d, %+v", h.m.mode, h.m.listed())
	}
	h.press("m")
	h.send(tea.MouseClickMsg{X: 60, Y: 5, Button: tea.MouseLeft})
	if h.m.mode != modeBrowse || h.m.namingBookmark() || len(h.m.listed()) != 0 {
		t.Errorf("a click kept naming (mode %d) or kept the bookmark %+v", h.m.mode, h.m.listed())
	}
}

func TestTheBookmarksList(t *testing.T) {
	store := newStore(t)
	h := stateHarness(t, store, false)
	h.open(seedPath)
	h.press("t", "t", "t", "m", "ctrl+u")
	h.typeText("first")
	h.press("enter")
	h.open(cloudPath)
	h.press("m", "ctrl+u")
	h.typeText("second")
	h.press("enter")

	h.press("'")
	screen := h.screen()
	if h.m.mode != modeMarks || !strings.Contains(screen, "Bookmarks (2)") {
		t.Fatalf("' did not list the bookmarks:\n%s", screen)
	}
	rows := strings.Split(screen, "\n")
	if !strings.HasPrefix(rows[1], "› line 2     second  Cloud computing") ||
		!strings.HasPrefix(rows[2], "  ▶ 0:10     first  Importance of GPUs") {
		t.Errorf("the list, newest first, chosen on top, each with its moment and note:\n%s", screen)
	}
	for _, hint := range []string{"enter go to", "o play", "r rename", "d delete", "esc close"} {
		if !strings.Contains(h.hintLine(), hint) {
			t.Errorf("hint line %q lacks %q", h.hintLine(), hint)
		}
	}

	h.press("j", "o") // plays "first" through the opener, staying in the list
	if got := h.opener.opened(); len(got) != 1 || got[0] != seedVideo+"&t=10s @10" {
		t.Errorf("o opened %q", got)
	}
	if h.m.mode != modeMarks {
		t.Errorf("o left the list")
	}

	h.press("r", "ctrl+u")
	h.typeText("renamed")
	h.press("enter")
	if bs := saved(t, store).Bookmarks; len(bs) != 2 || bs[0].Name != "renamed" {
		t.Errorf("after r: %+v", bs)
	}
	if !strings.Contains(h.screen(), "› ▶ 0:10     renamed") || h.m.mode != modeMarks {
		t.Errorf("the list after a rename:\n%s", h.screen())
	}

	h.press("enter") // goes to the bookmark: its note, at its line, its timestamp selected
	if h.m.mode != modeBrowse || h.note() != seedPath || h.m.focus != focusReader {
		t.Fatalf("enter: mode %d, note %q, focus %d", h.m.mode, h.note(), h.m.focus)
	}
	if sel := h.m.selectedTimestamp(); sel < 0 || h.m.vault.Note(seedPath).Timestamps[sel].Raw != "00:00:10" {
		t.Errorf("selected timestamp %d", sel)
	}
	if !strings.Contains(h.screen(), "▶ 0:10") {
		t.Errorf("the bookmark's line is not on screen:\n%s", h.screen())
	}
	if len(h.m.back) == 0 || h.m.back[len(h.m.back)-1].note.Path != cloudPath {
		t.Errorf("the jump is not in the history: %+v", h.m.back)
	}

	h.press("'", "d")
	st := saved(t, store)
	if len(st.Bookmarks) != 1 || st.Bookmarks[0].Name != "renamed" || len(st.Deleted) != 1 {
		t.Errorf("after d: %+v, deleted %+v", st.Bookmarks, st.Deleted)
	}
	if !strings.Contains(h.screen(), "Bookmarks (1)") {
		t.Errorf("the list after d:\n%s", h.screen())
	}
	h.press("d") // the last one: the list is empty
	if hint := h.hintLine(); strings.Contains(hint, "go to") || strings.Contains(hint, "delete") || !strings.Contains(hint, "esc close") {
		t.Errorf("the empty list's hint line %q offers keys that do nothing", hint)
	}
	h.press("esc")
	if h.m.mode != modeBrowse {
		t.Errorf("esc left mode %d", h.m.mode)
	}
}

func TestAnotherInstancesBookmarksAreKept(t *testing.T) {
	store := newStore(t)
	a := stateHarness(t, store, false)
	b := stateHarness(t, store, false)
	a.open(seedPath)
	a.press("m", "ctrl+u")
	a.typeText("from a")
	a.press("enter")
	b.open(cloudPath)
	b.press("m", "ctrl+u")
	b.typeText("from b")
	b.press("enter")
	if got := b.m.listed(); len(got) != 2 {
		t.Errorf("b's list after its save: %+v", got)
	}
	if got := saved(t, store).Bookmarks; len(got) != 2 {
		t.Errorf("the file keeps %+v", got)
	}
}

func TestABookmarkOfAVanishedNote(t *testing.T) {
	h := stateHarness(t, newStore(t), false)
	h.open(seedPath)
	h.press("m", "enter")
	h.m.mem.st.Bookmarks[0].Note = "gone.md"
	h.press("'")
	if !strings.Contains(h.screen(), "gone.md (gone)") {
		t.Errorf("the list:\n%s", h.screen())
	}
	h.press("enter")
	if h.m.mode != modeMarks || !strings.Contains(h.statusLine(), "gone.md is no longer in the vault") {
		t.Errorf("enter on a gone note: mode %d, status %q", h.m.mode, h.statusLine())
	}
}
