package ui

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tubenotes/loader/demo"
	"tubenotes/ui/open"
	"tubenotes/ui/reader"
)

const (
	seedPath  = "bankless/importance_of_gpus_for_deep_learning.md"
	cloudPath = "bankless/cloud_computing_and_commodity_hardware.md"
	seedVideo = "https://www.youtube.com/watch?v=LKlE93-SDpc"
)

func TestLoadShowsCountAndIndex(t *testing.T) {
	h := demoHarness(t)
	if got := h.statusLine(); !strings.HasSuffix(strings.TrimSpace(got), "8 notes") {
		t.Errorf("status line %q does not end in 8 notes", got)
	}
	if h.note() != "index.md" {
		t.Errorf("open note %q, want index.md", h.note())
	}
	if h.m.focus != focusNotes {
		t.Errorf("focus %d at start, want notes", h.m.focus)
	}
}

func TestProgressWhileLoading(t *testing.T) {
	m := New(Options{Load: nil, Opener: &fakeOpener{}, Style: "notty"})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	next, _ = next.(Model).Update(loadProgressMsg{done: 5, total: 10})
	s := next.(Model).screen()
	if !strings.Contains(s, "5/10") || !strings.Contains(s, "loading") {
		t.Errorf("no progress in status line:\n%s", s)
	}
}

func TestFilterOpensBestMatch(t *testing.T) {
	h := demoHarness(t)
	h.press("/")
	h.typeText("gpus deep")
	if !strings.Contains(h.screen(), "/gpus deep") {
		t.Errorf("query not shown:\n%s", h.screen())
	}
	if h.m.notes.Selected() == nil || h.m.notes.Selected().Path != seedPath {
		t.Fatalf("best match %v, want the seed note", h.m.notes.Selected())
	}
	h.press("q") // typed, not quit
	if h.quit {
		t.Fatal("q while filtering quit")
	}
	h.press("backspace", "enter")
	if h.note() != seedPath || h.m.focus != focusReader {
		t.Errorf("after enter: note %q focus %d", h.note(), h.m.focus)
	}
	h.press("shift+tab", "shift+tab", "shift+tab", "esc") // reader → links → sections → notes
	if h.m.notes.Filtering() {
		t.Error("esc left the filter on")
	}
}

func TestFilterEscClears(t *testing.T) {
	h := demoHarness(t)
	h.press("/")
	h.typeText("zzzzqqq")
	if h.m.notes.Selected() != nil {
		t.Errorf("a note matches zzzzqqq: %v", h.m.notes.Selected().Path)
	}
	h.press("esc")
	if h.m.notes.Filtering() || (h.m.mode == modeFilter) {
		t.Error("esc did not end the filter")
	}
}

func TestNotesMovementAndFolding(t *testing.T) {
	h := demoHarness(t)
	h.press("g")
	first := h.m.notes.Selected()
	h.press("j")
	if h.m.notes.Selected() == first {
		t.Error("j did not move")
	}
	h.press("k")
	if h.m.notes.Selected() != first {
		t.Error("k did not come back")
	}
	h.press("down", "up", "G")
	if h.m.notes.Selected() == nil || h.m.notes.Selected().Path != "bankless/reading_list.md" {
		t.Errorf("G selected %v", h.m.notes.Selected())
	}
	for _, k := range []string{"pgup", "pgdown", "ctrl+u", "ctrl+d", "home", "end"} {
		h.press(k) // must not panic; position checked by the cursor tests
	}
	h.press("g", "j") // the 3blue1brown group
	rows := strings.Count(h.screen(), "Counting puzzle")
	h.press("enter")
	if strings.Count(h.screen(), "Counting puzzle") >= rows {
		t.Error("enter on a channel did not fold it")
	}
	h.press("enter")
	if strings.Count(h.screen(), "Counting puzzle") != rows {
		t.Error("enter again did not unfold it")
	}
	h.press("j", "j", "j", "enter")
	if h.note() != "3blue1brown/counting_puzzle_involving_pi.md" || h.m.focus != focusReader {
		t.Errorf("enter on a note: %q, focus %d", h.note(), h.m.focus)
	}
}

func TestTabCyclesFocus(t *testing.T) {
	h := demoHarness(t)
	want := []focus{focusSections, focusLinks, focusReader, focusNotes}
	for _, f := range want {
		h.press("tab")
		if h.m.focus != f {
			t.Fatalf("tab: focus %d, want %d", h.m.focus, f)
		}
	}
	for _, f := range []focus{focusReader, focusLinks, focusSections, focusNotes} {
		h.press("shift+tab")
		if h.m.focus != f {
			t.Fatalf("shift+tab: focus %d, want %d", h.m.focus, f)
		}
	}
}

func openSeed(h *harness) {
	h.press("/")
	h.typeText("importance gpus")
	h.press("enter")
	if h.note() != seedPath {
		h.t.Fatalf("could not open the seed note: %q", h.note())
	}
}

func TestSectionsShowFirstTimestamp(t *testing.T) {
	h := demoHarness(t)
	openSeed(h)
	for _, want := range []string{" 0:10  Hardware as a Precursor", " 0:28  GPUs and Deep Learning"} {
		if !strings.Contains(h.screen(), want) {
			t.Errorf("sections pane lacks %q:\n%s", want, h.screen())
		}
	}
}

func TestSectionsEnterAndOpen(t *testing.T) {
	h := newHarness(t, loadVault(t, demo.FS()), 100, 10)
	openCloud(h)
	h.press("shift+tab", "g", "j", "enter")
	if got := h.m.reader.CurrentSection(); got != 1 {
		t.Errorf("after enter the reader is in section %d, want 1:\n%s", got, h.screen())
	}
	h.press("o")
	if got := h.opener.opened(); !reflect.DeepEqual(got, []string{seedVideo + "&t=3723s @3723"}) {
		t.Errorf("o on a section opened %q", got)
	}
	h.press("y")
	if !reflect.DeepEqual(h.clipboard, []string{seedVideo + "&t=3723s"}) {
		t.Errorf("y copied %q", h.clipboard)
	}
	if !strings.Contains(h.statusLine(), "copied "+seedVideo+"&t=3723s") {
		t.Errorf("status after y: %q", h.statusLine())
	}
	h.press("k", "k", "G", "pgup", "pgdown", "ctrl+u", "ctrl+d")
	if h.m.sections.View() == "" {
		t.Error("sections pane empty")
	}
}

func TestReaderTimestampsAndOpen(t *testing.T) {
	h := demoHarness(t)
	openSeed(h)
	h.press("t")
	if sel := h.m.reader.Selection(); sel.Kind != reader.TimestampSel || sel.Index != 0 {
		t.Fatalf("first t selected %+v", sel)
	}
	h.press("t", "t", "T", "o")
	h.press("enter")
	want := []string{seedVideo + "&t=5s @5", seedVideo + "&t=5s @5"}
	if got := h.opener.opened(); !reflect.DeepEqual(got, want) {
		t.Errorf("opened %q, want %q", got, want)
	}
	if !strings.Contains(h.statusLine(), "opened "+seedVideo+"&t=5s") {
		t.Errorf("status after o: %q", h.statusLine())
	}
	h.press("y")
	if !reflect.DeepEqual(h.clipboard, []string{seedVideo + "&t=5s"}) {
		t.Errorf("y copied %q", h.clipboard)
	}
	h.press("esc")
	if sel := h.m.reader.Selection(); sel.Kind != reader.None {
		t.Errorf("esc left %+v selected", sel)
	}
}

func TestReaderScrollKeys(t *testing.T) {
	h := newHarness(t, loadVault(t, demo.FS()), 100, 12)
	openSeed(h)
	h.press("j", "j")
	if h.m.reader.YOffset() != 2 {
		t.Errorf("j j: offset %d", h.m.reader.YOffset())
	}
	h.press("k")
	if h.m.reader.YOffset() != 1 {
		t.Errorf("k: offset %d", h.m.reader.YOffset())
	}
	h.press("G")
	bottom := h.m.reader.YOffset()
	h.press("g")
	if h.m.reader.YOffset() != 0 || bottom == 0 {
		t.Errorf("G then g: %d then %d", bottom, h.m.reader.YOffset())
	}
	h.press("pgdown")
	page := h.m.reader.YOffset()
	h.press("pgup", "ctrl+d")
	half := h.m.reader.YOffset()
	h.press("ctrl+u")
	if page == 0 || half == 0 || half >= page || h.m.reader.YOffset() != 0 {
		t.Errorf("pgdown %d, ctrl+d %d, ctrl+u back to %d", page, half, h.m.reader.YOffset())
	}
}

func openCloud(h *harness) {
	h.press("/")
	h.typeText("cloud computing")
	h.press("enter")
	if h.note() != cloudPath {
		h.t.Fatalf("could not open the cloud note: %q", h.note())
	}
}

func TestLinksAndHistory(t *testing.T) {
	h := newHarness(t, loadVault(t, demo.FS()), 100, 12)
	openCloud(h)
	h.press("]")
	if sel := h.m.reader.Selection(); sel.Kind != reader.LinkSel || sel.Index != 0 {
		t.Fatalf("] selected %+v", sel)
	}
	h.press("]", "[", "j")
	y := h.m.reader.YOffset()
	h.press("enter")
	if h.note() != seedPath {
		t.Fatalf("enter on the first link opened %q", h.note())
	}
	h.press("j")
	h.press("backspace")
	if h.note() != cloudPath || h.m.reader.YOffset() != y {
		t.Errorf("backspace: %q at %d, want the cloud note at %d", h.note(), h.m.reader.YOffset(), y)
	}
	h.press("alt+right")
	if h.note() != seedPath || h.m.reader.YOffset() != 1 {
		t.Errorf("alt+right: %q at %d, want the seed note at 1", h.note(), h.m.reader.YOffset())
	}
	h.press("alt+left")
	if h.note() != cloudPath {
		t.Errorf("alt+left: %q", h.note())
	}
	h.press("alt+left", "alt+left")
	if h.note() != "index.md" || !strings.Contains(h.statusLine(), "no earlier note") {
		t.Errorf("back past the start: %q, status %q", h.note(), h.statusLine())
	}
}

func TestInvalidTimestampAndDanglingLink(t *testing.T) {
	h := demoHarness(t)
	openCloud(h)
	n := h.m.reader.Note()
	bad := -1
	for i, ts := range n.Timestamps {
		if !ts.Valid {
			bad = i
		}
	}
	if bad < 0 {
		t.Fatal("the demo's broken timestamp is read as valid")
	}
	if cmd := h.m.video(n, bad, false); cmd != nil || len(h.opener.opened()) != 0 {
		t.Error("an invalid timestamp was opened")
	}
	dangling := -1
	for i, l := range n.Links {
		if l.Dangling() {
			dangling = i
		}
	}
	h.send(noopMsg{})
	h.m.reader.Activate(reader.Selection{Kind: reader.LinkSel, Index: dangling})
	h.send(noopMsg{}) // the root takes the action
	if h.note() != cloudPath || !strings.Contains(h.statusLine(), "no note named quantum_networking_hardware") {
		t.Errorf("dangling link: note %q, status %q", h.note(), h.statusLine())
	}
}

type noopMsg struct{}

func TestOpenerFailuresShow(t *testing.T) {
	h := demoHarness(t)
	openSeed(h)
	h.opener.err = errors.New("firefox failed: exit status 3")
	h.press("t", "o")
	if !strings.Contains(h.statusLine(), "firefox failed: exit status 3") {
		t.Errorf("status %q", h.statusLine())
	}
	h.opener.err = open.ErrNoDisplay
	h.press("o")
	if !strings.Contains(h.statusLine(), "copied "+seedVideo+"&t=0s") || len(h.clipboard) != 1 {
		t.Errorf("no display: status %q clipboard %q", h.statusLine(), h.clipboard)
	}
}

// TestOpenWithNoMomentSaysSo: o where the moment rule finds no timestamp
// says so and opens nothing (never the video at 0 s).
func TestOpenWithNoMomentSaysSo(t *testing.T) {
	h := demoHarness(t)
	openSeed(h)
	h.press("o", "y")
	if got := h.opener.opened(); len(got) != 0 || len(h.clipboard) != 0 {
		t.Errorf("o at the note's top opened %q, copied %q", got, h.clipboard)
	}
	if !strings.Contains(h.statusLine(), "no moment here") {
		t.Errorf("status %q", h.statusLine())
	}
}

func TestQuitHelpAndSidebar(t *testing.T) {
	h := demoHarness(t)
	h.press("?")
	if !strings.Contains(h.screen(), "toggle sidebar") {
		t.Errorf("? shows no full help:\n%s", h.screen())
	}
	h.press("?")
	if strings.Contains(h.screen(), "toggle sidebar") {
		t.Error("? again did not close the help")
	}
	h.press(`\`)
	if strings.Contains(h.screen(), "Sections") || h.m.focus != focusReader {
		t.Errorf(`\ left the sidebar shown:`+"\n%s", h.screen())
	}
	h.press(`\`, "q")
	if !h.quit {
		t.Error("q did not quit")
	}
	h = demoHarness(t)
	h.press("/", "ctrl+c")
	if !h.quit {
		t.Error("ctrl+c while filtering did not quit")
	}
}

func TestFindInNote(t *testing.T) {
	h := demoHarness(t)
	openSeed(h)
	h.press("/")
	h.typeText("gpu")
	if h.m.mode != modeFind || h.m.find.Value() != "gpu" {
		t.Fatalf("find query %q (finding %v)", h.m.find.Value(), (h.m.mode == modeFind))
	}
	_, total := h.m.reader.FindStatus()
	if total < 2 {
		t.Fatalf("the seed note has %d matches of gpu, want several", total)
	}
	of := "/" + strconv.Itoa(total)
	for _, step := range []struct{ key, want string }{
		{"", "/gpu   1" + of}, // typing: the query, the input's cursor cell and the first match
		{"enter", "/gpu  1" + of},
		{"n", "/gpu  2" + of},
		{"N", "/gpu  1" + of},
		{"N", "/gpu  " + strconv.Itoa(total) + of}, // wraps around
	} {
		if step.key != "" {
			h.press(step.key)
		}
		if got := h.statusLine(); !strings.Contains(got, step.want) {
			t.Errorf("after %q the status line is %q, want %q in it", step.key, got, step.want)
		}
	}
	h.press("esc")
	if h.m.mode == modeFind || h.m.reader.Finding() || strings.Contains(h.statusLine(), "/gpu") {
		t.Errorf("esc did not end the find: %q", h.statusLine())
	}
}

func TestMouse(t *testing.T) {
	h := newHarness(t, loadVault(t, demo.FS()), 100, 14)
	h.press("/")
	h.typeText("cloud computing")
	h.press("esc", "/") // the filter stays typed in, no note opened yet
	h.typeText("cloud computing")
	l := h.m.layout()
	if !strings.Contains(strings.Split(h.screen(), "\n")[1], "Cloud computing") {
		t.Fatalf("the match is not on the first row:\n%s", h.screen())
	}
	h.send(tea.MouseClickMsg{X: 3, Y: 1, Button: tea.MouseLeft})
	if h.note() != cloudPath || h.m.focus != focusNotes {
		t.Fatalf("click opened %q, focus %d", h.note(), h.m.focus)
	}
	// the click ended the typing and kept the filter: keys move again
	if h.m.mode != modeBrowse || !h.m.notes.Filtering() {
		t.Errorf("after the click: mode %d, filtering %v", h.m.mode, h.m.notes.Filtering())
	}
	h.send(tea.MouseClickMsg{X: 3, Y: l.sections.y + 2, Button: tea.MouseLeft})
	if h.m.focus != focusSections || h.m.reader.CurrentSection() != 1 {
		t.Errorf("click on the second section: focus %d, section %d", h.m.focus, h.m.reader.CurrentSection())
	}
	h.send(tea.MouseClickMsg{X: l.reader.x + 2, Y: 2, Button: tea.MouseLeft})
	if h.m.focus != focusReader {
		t.Errorf("click on the reader: focus %d", h.m.focus)
	}
	before := h.m.reader.YOffset()
	h.send(tea.MouseWheelMsg{X: l.reader.x + 2, Y: 2, Button: tea.MouseWheelUp})
	if h.m.reader.YOffset() >= before {
		t.Errorf("wheel over the reader did not scroll: %d → %d", before, h.m.reader.YOffset())
	}
	h.send(tea.MouseWheelMsg{X: 2, Y: 2, Button: tea.MouseWheelDown}, tea.MouseWheelMsg{X: 2, Y: l.sections.y + 1, Button: tea.MouseWheelUp})
}

func TestClickOnBadgeOpensIt(t *testing.T) {
	h := newHarness(t, loadVault(t, demo.FS()), 100, 14)
	openCloud(h)
	l := h.m.layout()
	for y := 0; y < l.reader.h; y++ {
		for x := 0; x < l.reader.w; x++ {
			if sel, ok := h.m.reader.HitAt(x, y); ok && sel.Kind == reader.TimestampSel {
				h.send(tea.MouseClickMsg{X: l.reader.x + x, Y: l.reader.y + y, Button: tea.MouseLeft})
				want := h.m.reader.Note().TimestampURL(sel.Index)
				if got := h.opener.opened(); len(got) != 1 || !strings.HasPrefix(got[0], want+" @") {
					t.Errorf("click on badge %d opened %q, want %s", sel.Index, got, want)
				}
				return
			}
		}
	}
	t.Fatalf("no badge on screen:\n%s", h.screen())
}

func TestReaderKeysWaitForTheRendering(t *testing.T) {
	h := demoHarness(t)
	h.press("/")
	h.typeText("cloud computing")
	var cmds []tea.Cmd
	for _, k := range []string{"enter", "t", "o"} {
		next, cmd := h.m.Update(keyMsg(k))
		h.m = next.(Model)
		cmds = append(cmds, cmd)
	}
	if !h.m.reader.Rendering() {
		t.Fatal("the note rendered inside Update")
	}
	if got := h.opener.opened(); len(got) != 0 {
		t.Fatalf("o acted before the note was shown: %q", got)
	}
	for _, c := range cmds {
		h.send(run(c)...)
	}
	if got := h.opener.opened(); !reflect.DeepEqual(got, []string{seedVideo + "&t=32s @32"}) {
		t.Errorf("t, o typed during the rendering opened %q, want the first timestamp", got)
	}
}

func TestLeavingDuringTheRenderingActsAtOnce(t *testing.T) {
	h := demoHarness(t)
	h.press("/")
	h.typeText("cloud computing")
	var cmds []tea.Cmd
	for _, k := range []string{"enter", "t", "backspace", "o"} {
		next, cmd := h.m.Update(keyMsg(k))
		h.m = next.(Model)
		cmds = append(cmds, cmd)
	}
	if h.note() != "index.md" || len(h.m.deferred) != 0 {
		t.Errorf("backspace during the rendering: note %q, %d keys waiting", h.note(), len(h.m.deferred))
	}
	for _, c := range cmds {
		h.send(run(c)...)
	}
	if got := h.opener.opened(); len(got) != 0 {
		t.Errorf("opened %q", got)
	}
}

func TestSearchViewOpensTheHit(t *testing.T) {
	h := newHarness(t, loadVault(t, demo.FS()), 100, 20)
	h.press("s")
	if h.m.mode != modeSearch {
		t.Fatal("s did not open the search view")
	}
	h.typeText("commodity")
	if !strings.Contains(h.screen(), "commodity") {
		t.Errorf("no hits shown:\n%s", h.screen())
	}
	h.press("enter")
	if (h.m.mode == modeSearch) || h.note() == "" || h.m.focus != focusReader {
		t.Fatalf("enter on a hit: searching %v, note %q, focus %d", (h.m.mode == modeSearch), h.note(), h.m.focus)
	}
	if _, total := h.m.reader.FindStatus(); total == 0 || h.m.find.Value() == "" {
		t.Errorf("the hit's query is not highlighted: find %q, %d matches", h.m.find.Value(), total)
	}
	h.press("n", "N", "esc")
	if _, total := h.m.reader.FindStatus(); total != 0 {
		t.Error("esc did not end the search's highlighting")
	}
	h.press("s", "esc", "esc")
	if h.m.mode == modeSearch {
		t.Error("esc did not close the search view")
	}
}
