package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"tubenotes/loader/demo"
	"tubenotes/model"
	"tubenotes/ui/common"
	"tubenotes/ui/notes"
	"tubenotes/ui/safe"
)

// enterQueryMode puts h into the mode whose query is typed: the notes
// filter, find-in-note on the seed note, or the search view.
func enterQueryMode(h *harness, want mode) {
	h.t.Helper()
	switch want {
	case modeFilter:
		h.press("/")
	case modeFind:
		openSeed(h)
		h.press("/")
	case modeSearch:
		h.press("s")
	}
	if h.m.mode != want {
		h.t.Fatalf("mode %d, want %d", h.m.mode, want)
	}
}

// queryValue is the text of the query the mode types into.
func (h *harness) queryValue() string {
	switch h.m.mode {
	case modeFilter:
		return h.m.notes.FilterValue()
	case modeFind:
		return h.m.find.Value()
	case modeSearch:
		return h.m.search.Query()
	}
	return ""
}

var queryModes = map[string]mode{"filter": modeFilter, "find": modeFind, "search": modeSearch}

// TestPasteIsCleanedInEveryQuery pastes (and types, as a terminal without
// bracketed paste sends it) a right-to-left override and escape sequences
// into each query: the query keeps the text around them, cleaned as note
// text is, and none of them reaches the terminal.
func TestPasteIsCleanedInEveryQuery(t *testing.T) {
	for name, md := range queryModes {
		for _, how := range []string{"paste", "keys"} {
			t.Run(name+"/"+how, func(t *testing.T) {
				h := demoHarness(t)
				enterQueryMode(h, md)
				text := "gpu" + evil
				if how == "paste" {
					h.send(tea.PasteMsg{Content: text})
				} else {
					h.send(tea.KeyPressMsg{Code: utf8.RuneError, Text: text})
				}
				got := h.queryValue()
				want := safe.Line(text)
				if how == "paste" { // a pasted CR is a line break, a space
					want = safe.Line(strings.ReplaceAll(text, "\r", "\n"))
				}
				if got != want || !strings.HasPrefix(got, "gpu") {
					t.Errorf("query %q, want %q", got, want)
				}
				if strings.ContainsAny(got, "\x1b\u202e\u2066\u009b\x07") {
					t.Errorf("a control reached the query: %q", got)
				}
				if h.m.mode != md {
					t.Errorf("the paste changed the mode to %d", h.m.mode)
				}
				checkTerminalBytes(t, []byte(h.m.screen()))
			})
		}
	}
}

// TestNewQueryStartsEmptyAndUpRecalls: a new / starts an empty filter or
// find, the hint offers ↑ for the last query, and ↑ brings it back.
func TestNewQueryStartsEmptyAndUpRecalls(t *testing.T) {
	h := demoHarness(t)
	h.press("/")
	h.typeText("gpus")
	h.press("enter", "tab", "/") // the reader, then back to the notes and a new filter
	if h.m.focus != focusNotes || h.m.mode != modeFilter {
		t.Fatalf("focus %d mode %d", h.m.focus, h.m.mode)
	}
	if h.queryValue() != "" || h.m.notes.Filtering() {
		t.Errorf("a new / kept %q", h.queryValue())
	}
	if hint := h.hintLine(); !strings.Contains(hint, "↑ last query") {
		t.Errorf("no recall hint: %q", hint)
	}
	h.press("up")
	if h.queryValue() != "gpus" || !h.m.notes.Filtering() {
		t.Errorf("↑ recalled %q (filtering %v)", h.queryValue(), h.m.notes.Filtering())
	}
	if hint := h.hintLine(); !strings.Contains(hint, "↑/↓ choose") {
		t.Errorf("with a query ↑/↓ should choose: %q", hint)
	}
	h.press("esc")

	openSeed(h)
	h.press("/")
	h.typeText("gpu")
	h.press("enter", "/")
	if h.queryValue() != "" || h.m.reader.Finding() {
		t.Errorf("a new find kept %q", h.queryValue())
	}
	h.press("up")
	if _, total := h.m.reader.FindStatus(); h.queryValue() != "gpu" || total < 2 {
		t.Fatalf("↑ recalled %q with %d matches", h.queryValue(), total)
	}
	// with a query, ↓ and ↑ step through the matches
	h.press("down")
	if cur, _ := h.m.reader.FindStatus(); cur != 2 {
		t.Errorf("↓ in find: match %d, want 2", cur)
	}
	h.press("up")
	if cur, _ := h.m.reader.FindStatus(); cur != 1 {
		t.Errorf("↑ in find: match %d, want 1", cur)
	}
}

// TestTypingModesHintNoTypingKeys: while a query is typed, a printable key
// types; so the hint line must offer none (it used to offer "o video" in
// the search view), and the find hint is find's, not the filter's.
func TestTypingModesHintNoTypingKeys(t *testing.T) {
	for name, md := range queryModes {
		t.Run(name, func(t *testing.T) {
			h := demoHarness(t)
			enterQueryMode(h, md)
			h.typeText("gpu")
			for _, b := range h.m.hints() {
				for _, k := range b.Keys() {
					if utf8.RuneCountInString(k) == 1 {
						t.Errorf("%s offers %q (%s), which types", name, k, b.Help().Desc)
					}
				}
			}
			hint := h.hintLine()
			if md == modeFind && strings.Contains(hint, "best match") {
				t.Errorf("find shows the filter's hint: %q", hint)
			}
			if md == modeSearch && strings.Contains(hint, "video") {
				t.Errorf("search typing offers the video key: %q", hint)
			}
		})
	}
	// with hits, ctrl+o plays the chosen hit's moment and is offered
	h := demoHarness(t)
	h.press("s")
	h.typeText("gpu")
	if hint := h.hintLine(); !strings.Contains(hint, "ctrl+o play moment") {
		t.Errorf("the search hint lacks ctrl+o: %q", hint)
	}
}

// TestHelpShowsTheFocusedPanesKeys: ? lists the keys every pane shares and
// those of the focused pane, drawn from the same bindings as the handlers.
func TestHelpShowsTheFocusedPanesKeys(t *testing.T) {
	h := demoHarness(t)
	openSeed(h)
	h.press("?")
	s := h.screen()
	for _, want := range []string{"next pane", "next timestamp", "find in note", "last query", "half page down"} {
		if !strings.Contains(s, want) {
			t.Errorf("help lacks %q:\n%s", want, s)
		}
	}
	if !strings.Contains(h.hintLine(), "close help") {
		t.Errorf("help hint %q", h.hintLine())
	}
	h.press("esc")
	if h.m.mode != modeBrowse {
		t.Errorf("esc left mode %d", h.m.mode)
	}
}

// TestFindTypedDuringTheRendering: "enter / gpu" typed faster than the note
// renders finds in the new note.
func TestFindTypedDuringTheRendering(t *testing.T) {
	h := newHarness(t, loadVault(t, demo.FS()), 100, 30)
	h.press("/")
	h.typeText("importance gpus")
	var cmds []tea.Cmd
	for _, k := range []string{"enter", "/", "g", "p", "u"} {
		next, cmd := h.m.Update(keyMsg(k))
		h.m = next.(Model)
		cmds = append(cmds, cmd)
	}
	if !h.m.reader.Rendering() || h.m.mode != modeBrowse {
		t.Fatalf("rendering %v, mode %d: the keys should wait", h.m.reader.Rendering(), h.m.mode)
	}
	for _, c := range cmds {
		h.send(run(c)...)
	}
	if _, total := h.m.reader.FindStatus(); h.m.mode != modeFind || h.m.find.Value() != "gpu" || total < 2 {
		t.Errorf("mode %d, find %q, %d matches", h.m.mode, h.m.find.Value(), total)
	}
}

func (h *harness) hintLine() string {
	lines := strings.Split(h.screen(), "\n")
	return lines[len(lines)-1]
}

// TestHelpNamesRemappedKeys: the help's titles name the keys the config
// gave, not the defaults.
func TestHelpNamesRemappedKeys(t *testing.T) {
	km := common.DefaultKeyMap()
	km.Search = key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "search"))
	km.NextPane = key.NewBinding(key.WithKeys("ctrl+w"), key.WithHelp("ctrl+w", "next pane"))
	v := loadVault(t, demo.FS())
	m := New(Options{
		Load:   func(func(int, int)) (*model.Vault, error) { return v, nil },
		Opener: &fakeOpener{},
		Style:  "notty",
		Keys:   &km,
	})
	h := &harness{t: t, m: m}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.send(loadedMsg{vault: v, listing: notes.List(v)})
	h.press("?")
	s := h.screen()
	if !strings.Contains(s, "(ctrl+w changes pane), then a query being typed (/ or S)") {
		t.Errorf("the help's title does not name the keys given:\n%s", s)
	}
}

// TestReaderHelpFitsEightyColumns: at 80×24 the reader's help shows every
// column whole, the keys of a query being typed too (they were cut to "…").
func TestReaderHelpFitsEightyColumns(t *testing.T) {
	h := newHarness(t, loadVault(t, demo.FS()), 80, 24)
	openSeed(h)
	h.press("?")
	s := h.screen()
	for _, want := range []string{"next timestamp", "timeline", "find in note", "open best match", "last query", "mouse:"} {
		if !strings.Contains(s, want) {
			t.Errorf("the reader's help at 80×24 lacks %q:\n%s", want, s)
		}
	}
}
