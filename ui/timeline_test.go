package ui

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	tea "charm.land/bubbletea/v2"

	"tubenotes/loader/demo"
	"tubenotes/model"
	"tubenotes/model/links"
	"tubenotes/ui/player"
	"tubenotes/ui/reader"
	"tubenotes/ui/searchview"
)

// openTimeline opens the seed note, selects its third timestamp (0:10)
// and presses v.
func openTimeline(h *harness) {
	h.t.Helper()
	openSeed(h)
	h.press("t", "t", "t", "v")
	if h.m.mode != modeTimeline || h.m.timeline.Timeline() == nil {
		h.t.Fatalf("v did not show the timeline: mode %d\n%s", h.m.mode, h.screen())
	}
}

// openPath opens the note at path in the reader, as the notes pane does.
func openPath(h *harness, path string) *model.Note {
	h.t.Helper()
	n := h.m.vault.Note(path)
	if n == nil {
		h.t.Fatalf("no note %s", path)
	}
	h.send(run(h.m.act(openNoteRequest(n)))...)
	return n
}

func TestTimelineFromTheReader(t *testing.T) {
	h := newHarness(t, loadVault(t, demo.FS()), 240, 30) // wide enough for whole rows
	openTimeline(h)
	screen := h.screen()
	for _, want := range []string{
		"Shaun Maguire: Why Hardware Always Comes Before Software", // the video's title, from the channel page
		"bankless · LKlE93-SDpc · 2 notes · 15 moments · 0:00–1:02:03 · 1 apart",
		"1 gap over 5 minutes: 1:00–1:02:03",
		"   1:02:03  Timestamps past the hour · Cloud computing and commodity hardware — Long interviews",
		"invalid (✗) or doubtful (?), apart:",
		" 00:61:99✗  Timestamps past the hour",
	} {
		if !strings.Contains(screen, want) {
			t.Errorf("the timeline lacks %q:\n%s", want, screen)
		}
	}
	// rows at one second share its clock: 0:32 has three rows, one clock
	lines := strings.Split(screen, "\n")
	at := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "      0:32  ") {
			at = i
		}
	}
	if at < 0 || !strings.HasPrefix(lines[at+1], "            ") || !strings.HasPrefix(lines[at+2], "            ") ||
		!strings.HasPrefix(lines[at+3], "      0:38  ") {
		t.Errorf("the 0:32 group is not three rows under one clock:\n%s", screen)
	}
	// the cursor starts on the timestamp selected in the reader
	if r := h.m.timeline.Selected(); r == nil || r.Note.Path != seedPath || r.Seconds != 10 {
		t.Errorf("the cursor starts on %+v, want the seed's 0:10", r)
	}
	if hint := strings.Split(screen, "\n")[29]; !strings.Contains(hint, "enter open") || !strings.Contains(hint, "/ filter rows") {
		t.Errorf("hint line %q", hint)
	}
}

// TestTimelineRowsGiveWayToTheSentence: in a narrow window the section and
// the note's title are cut so the sentence keeps half the row.
func TestTimelineRowsGiveWayToTheSentence(t *testing.T) {
	h := newHarness(t, loadVault(t, demo.FS()), 80, 24)
	openTimeline(h)
	want := "   1:02:03  Timestamps past … · Cloud computing … — Long interviews run past th…"
	if !strings.Contains(h.screen(), want) {
		t.Errorf("the screen lacks %q:\n%s", want, h.screen())
	}
}

func TestTimelineEnterOpensTheNoteAtTheLine(t *testing.T) {
	h := demoHarness(t)
	openTimeline(h)
	// down to the 0:32 group's third row: the cloud note's line 12
	for h.m.timeline.Selected().Note.Path != cloudPath || h.m.timeline.Selected().Line != 12 {
		before := h.m.timeline.Selected()
		h.press("j")
		if h.m.timeline.Selected() == before {
			t.Fatal("never reached the cloud note's 0:32 row")
		}
	}
	row := *h.m.timeline.Selected()
	h.press("enter")
	if h.m.mode != modeBrowse || h.m.focus != focusReader || h.note() != cloudPath {
		t.Fatalf("enter: mode %d focus %d note %q", h.m.mode, h.m.focus, h.note())
	}
	if sel := h.m.reader.Selection(); sel.Kind != reader.TimestampSel || sel.Index != row.Index {
		t.Errorf("the row's badge is not selected: %+v, want timestamp %d", sel, row.Index)
	}
	if h.m.reader.YOffset() == 0 {
		t.Error("the reader was not scrolled to the row's line")
	}
	h.press("o") // the selected badge: the row's moment
	if got := h.opener.opened(); !reflect.DeepEqual(got, []string{seedVideo + "&t=32s @32"}) {
		t.Errorf("o after enter opened %q", got)
	}
	h.press("backspace") // the history knows where it came from
	if h.note() != seedPath {
		t.Errorf("back went to %q", h.note())
	}
}

func TestTimelinePlaysTheMoment(t *testing.T) {
	h := demoHarness(t)
	openTimeline(h)
	h.press("G", "k") // the last row of the groups: 1:02:03
	h.press("o")
	if got := h.opener.opened(); !reflect.DeepEqual(got, []string{seedVideo + "&t=3723s @3723"}) {
		t.Errorf("o opened %q", got)
	}
	if h.m.mode != modeTimeline {
		t.Errorf("o left the timeline: mode %d", h.m.mode)
	}
	h.press("G", "o") // the invalid row: never opened
	if got := h.opener.opened(); len(got) != 1 || !strings.Contains(h.statusLine(), "not a valid time") {
		t.Errorf("o on an invalid row: opened %q, status %q", got, h.statusLine())
	}
}

func TestTimelineFilterAndEsc(t *testing.T) {
	h := demoHarness(t)
	openTimeline(h)
	h.press("/")
	if !h.m.timeline.Typing() {
		t.Fatal("/ did not start the filter")
	}
	h.typeText("FAULT q") // q types; case is ignored
	if h.quit {
		t.Fatal("q while typing the filter quit")
	}
	h.press("backspace", "backspace")
	screen := h.screen()
	if !strings.Contains(screen, "/FAULT") || !strings.Contains(screen, "Fault tolerance") || strings.Contains(screen, "0:28") {
		t.Errorf("the filter does not narrow the rows:\n%s", screen)
	}
	if hint := strings.Split(screen, "\n")[29]; !strings.Contains(hint, "enter done") || strings.Contains(hint, "o video") {
		t.Errorf("hint while typing: %q", hint)
	}
	h.press("enter") // keeps the filter, the rows have the keyboard
	if h.m.timeline.Typing() || h.m.timeline.Filter() != "FAULT" || !strings.Contains(h.screen(), "2/16") {
		t.Errorf("enter: typing %v filter %q\n%s", h.m.timeline.Typing(), h.m.timeline.Filter(), h.screen())
	}
	h.press("esc") // drops the filter
	if h.m.mode != modeTimeline || h.m.timeline.Filter() != "" || !strings.Contains(h.screen(), "0:28") {
		t.Errorf("the first esc: mode %d filter %q", h.m.mode, h.m.timeline.Filter())
	}
	h.press("esc") // leaves
	if h.m.mode != modeBrowse || h.note() != seedPath || !strings.Contains(h.screen(), "Sections") {
		t.Errorf("the second esc: mode %d note %q", h.m.mode, h.note())
	}
}

func TestTimelineHelpReturnsToIt(t *testing.T) {
	h := demoHarness(t)
	openTimeline(h)
	h.press("?")
	if h.m.mode != modeHelp || !strings.Contains(h.screen(), "filter rows") {
		t.Fatalf("? in the timeline:\n%s", h.screen())
	}
	h.press("esc")
	if h.m.mode != modeTimeline {
		t.Errorf("esc from its help: mode %d, want the timeline", h.m.mode)
	}
	h.press("q")
	if !h.quit {
		t.Error("q in the timeline did not quit")
	}
}

func TestTimelineOfANoteWithoutVideo(t *testing.T) {
	h := demoHarness(t)
	openPath(h, "bankless/reading_list.md")
	h.press("v")
	if h.m.mode != modeBrowse || !strings.Contains(h.statusLine(), "made from no video") {
		t.Errorf("v on a note without video: mode %d, status %q", h.m.mode, h.statusLine())
	}
}

// TestTimelineKeysWaitForIt: keys pressed before the timeline is made act
// on it once it is, in order.
func TestTimelineKeysWaitForIt(t *testing.T) {
	h := demoHarness(t)
	openSeed(h)
	h.m.deferred = nil
	cmd := h.m.keyNow(keyMsg("v")) // the timeline's command not run yet
	if !h.m.timeline.Loading() {
		t.Fatal("the timeline was made inside Update")
	}
	for _, k := range []string{"G", "o"} {
		h.m.key(keyMsg(k))
	}
	if len(h.m.deferred) != 2 {
		t.Fatalf("%d keys wait, want 2", len(h.m.deferred))
	}
	h.send(run(cmd)...)
	if got := h.opener.opened(); len(got) != 0 || len(h.m.deferred) != 0 || !strings.Contains(h.statusLine(), "not a valid time") {
		t.Errorf("the waiting G o: opened %q, waiting %d, status %q", got, len(h.m.deferred), h.statusLine())
	}
}

func TestTimelineMouse(t *testing.T) {
	h := demoHarness(t)
	openTimeline(h)
	h.send(tea.MouseClickMsg{X: 5, Y: 3, Button: tea.MouseLeft}) // the first row, under the header
	if r := h.m.timeline.Selected(); r == nil || r.Seconds != 0 {
		t.Errorf("a click on the first row selected %+v", r)
	}
	h.send(tea.MouseWheelMsg{X: 5, Y: 5, Button: tea.MouseWheelDown})
	if h.m.mode != modeTimeline {
		t.Errorf("the wheel left the timeline")
	}
}

func TestLinkedFromListsAndOpens(t *testing.T) {
	h := demoHarness(t)
	cloud := openPath(h, cloudPath)
	want := links.Backlinks(h.m.vault, cloud)
	if h.m.links.Linked() != len(want) || len(want) != 3 {
		t.Fatalf("the pane lists %d links, the model %d", h.m.links.Linked(), len(want))
	}
	screen := h.screen()
	for _, w := range []string{"Linked from 3", " Ethereum's competitive position:2…"} {
		if !strings.Contains(screen, w) {
			t.Errorf("the screen lacks %q:\n%s", w, screen)
		}
	}
	h.press("shift+tab")
	if h.m.focus != focusLinks {
		t.Fatalf("shift+tab from the reader: focus %d", h.m.focus)
	}
	h.press("j", "enter")
	if h.note() != "bankless/ethereums_competitive_position.md" || h.m.focus != focusReader {
		t.Errorf("enter on a link: note %q, focus %d", h.note(), h.m.focus)
	}
}

func TestLinksPaneSkippedWhenNoRoom(t *testing.T) {
	h := newHarness(t, loadVault(t, demo.FS()), 100, 14)
	if h.m.layout().links.h != 0 {
		t.Fatalf("a 14-row window gives the links %d rows", h.m.layout().links.h)
	}
	h.press("tab", "tab")
	if h.m.focus != focusReader {
		t.Errorf("tab tab: focus %d, want the reader (the links pane has no room)", h.m.focus)
	}
}

// TestMentionedInOnceIndexed: plain-text mentions show once the search
// index is built, apart from the links.
func TestMentionedInOnceIndexed(t *testing.T) {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	v := loadVault(t, fstest.MapFS{
		"index.md":  file("---\ntitle: Zebra crossing\n---\n\nThe note everyone points at.\n"),
		"linker.md": file("---\ntitle: Linker\n---\n\nSee [[index]] here.\n"),
		"namer.md":  file("---\ntitle: Namer\n---\n\nFirst line.\n\nA zebra crossing, named but not linked.\n"),
	})
	h := newHarness(t, v, 100, 30)
	if h.m.index == nil {
		t.Fatal("the index was never built")
	}
	screen := h.screen()
	for _, w := range []string{"Linked from 1 · mentioned in 1", "Linker:5 See index here.", "Mentioned in 1", "Namer:7 A zebra crossing"} {
		if !strings.Contains(screen, w) {
			t.Errorf("the screen lacks %q:\n%s", w, screen)
		}
	}
	// before the index, the links alone
	h.m.index = nil
	openPath(h, "index.md")
	if h.m.links.Mentions() != 0 || h.m.links.Linked() != 1 {
		t.Errorf("without the index: %d mentions, %d links", h.m.links.Mentions(), h.m.links.Linked())
	}
	h.send(searchview.IndexedMsg{Index: nil}) // a build that gives nothing changes nothing
	if h.m.links.Mentions() != 0 {
		t.Error("mentions without an index")
	}
}

// TestTimelineFromTheTree: v, or enter, on a video row of the notes pane
// shows that video's timeline; l still unfolds the row.
func TestTimelineFromTheTree(t *testing.T) {
	h := demoHarness(t)
	h.press("g", "j", "j", "j", "j", "j", "j", "j") // Welcome, 3blue1brown, its page, its video, its note, bankless, its page, the video
	if row := strings.Split(h.screen(), "\n")[8]; !strings.Contains(row, "▾ Shaun Maguire") || h.m.notes.Selected() != nil {
		t.Fatalf("the cursor is not on the video row %q", row)
	}
	for _, k := range []string{"v", "enter"} {
		h.press(k)
		if h.m.mode != modeTimeline || h.m.timeline.Timeline() == nil || h.m.timeline.Timeline().ID != "LKlE93-SDpc" {
			t.Fatalf("%s on the video row: mode %d\n%s", k, h.m.mode, h.screen())
		}
		h.press("esc")
	}
	h.press("h")
	if row := strings.Split(h.screen(), "\n")[8]; !strings.Contains(row, "▸ Shaun Maguire") {
		t.Errorf("h on the video row left it %q, want it folded", row)
	}
}

// TestTimelineFollowsThePlayer: with a player, o in the timeline plays
// the row's moment in it, the row at the playhead is marked, and in
// follow mode (f, which works in the timeline too) the cursor goes to it.
func TestTimelineFollowsThePlayer(t *testing.T) {
	h, p := playerHarness(t, loadVault(t, demo.FS()), 100, 30)
	openTimeline(h) // the cursor on the seed's 0:10
	h.press("o")
	if got := p.called(); len(got) != 1 || !strings.Contains(got[0], "LKlE93-SDpc") || !strings.Contains(got[0], "10") {
		t.Fatalf("o in the timeline asked the player %q", got)
	}
	h.send(player.PlayheadMsg{Playhead: player.Playhead{VideoID: "LKlE93-SDpc", Seconds: 35}})
	if r := h.m.timeline.Playing(); r == nil || r.Seconds != 32 {
		t.Fatalf("the playhead at 0:35 marks %+v, want the 0:32 group", r)
	}
	if !strings.Contains(h.screen(), "▶     0:32") {
		t.Errorf("the row at the playhead is not marked:\n%s", h.screen())
	}
	if r := h.m.timeline.Selected(); r.Seconds != 10 {
		t.Errorf("not following, the cursor moved to %d", r.Seconds)
	}
	h.press("f")
	h.send(player.PlayheadMsg{Playhead: player.Playhead{VideoID: "LKlE93-SDpc", Seconds: 61}})
	if r := h.m.timeline.Selected(); r == nil || r.Seconds != 60 || h.m.mode != modeTimeline {
		t.Errorf("following, the cursor is on %+v, want the 1:00 row", r)
	}
}
