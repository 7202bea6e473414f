package searchview

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tubenotes/model"
	engine "tubenotes/model/search"
	"tubenotes/ui/common"
)

// lazyIndex is the index of count notes with one hit of "espresso" each,
// at a moment, whose texts a cache left on disk (model.Note.SetLazyBody):
// reads counts the reads of their files.
func lazyIndex(t *testing.T, count int, reads *atomic.Int32) *engine.Index {
	var notes []*model.Note
	for i := range count {
		notes = append(notes, parse(t, fmt.Sprintf("n/%02d.md", i), fmt.Sprintf(
			"---\ntitle: Note %02d\nvideoId: abcdefghijk\n---\n\n## Part\n\nCup %02d <a class=\"yt-timestamp\" data-t=\"00:0%d:00\">[00:0%d:00]</a> of espresso.\n", i, i, i%10, i%10)))
	}
	ix := engine.Build(notes) // from the texts; then they are left on disk
	for _, n := range notes {
		b := n.Peek()
		n.SetLazyBody(func() model.Body { reads.Add(1); return b })
	}
	return ix
}

// elsewhere runs cmd, and every command it batches, on another goroutine,
// as the program does, and returns their messages.
func elsewhere(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	done := make(chan tea.Msg)
	go func() { done <- cmd() }()
	switch msg := (<-done).(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, elsewhere(c)...)
		}
		return out
	default:
		return []tea.Msg{msg}
	}
}

// lazyView drives a search view over notes whose texts are on disk,
// failing when an Update or a View reads one.
type lazyView struct {
	t     *testing.T
	m     Model
	reads *atomic.Int32
}

func (v *lazyView) update(msg tea.Msg) tea.Cmd {
	v.t.Helper()
	before := v.reads.Load()
	m, cmd := v.m.Update(msg)
	if got := v.reads.Load(); got != before {
		v.t.Fatalf("Update(%T) read %d notes' texts from their files", msg, got-before)
	}
	v.m = m
	return cmd
}

// send gives msg to the view, then the messages of its commands, run
// elsewhere, until there are none.
func (v *lazyView) send(msg tea.Msg) {
	v.t.Helper()
	for queue := []tea.Msg{msg}; len(queue) > 0; queue = queue[1:] {
		queue = append(queue, elsewhere(v.update(queue[0]))...)
	}
}

func (v *lazyView) view() string {
	v.t.Helper()
	before := v.reads.Load()
	s := ansi.Strip(v.m.View())
	if got := v.reads.Load(); got != before {
		v.t.Fatalf("View read %d notes' texts from their files", got-before)
	}
	return s
}

// TestNoTextReadInUpdateOrView: the texts of hits' notes a cache left on
// disk are read in commands, never in Update or View, each once: the
// answer comes with its first window's texts read, and those of the page
// below are read next; a row scrolled into view before its note's text
// came shows … for its snippet, and the preview … for its lines, then the
// snippet and moment once it comes; ctrl+o on such a hit plays its moment
// once the text comes.
func TestNoTextReadInUpdateOrView(t *testing.T) {
	var reads atomic.Int32
	m := New(common.New(true))
	m.SetIndex(lazyIndex(t, 12, &reads))
	m.SetSize(120, 6) // 4 rows: two notes, each a header and its hit
	m.Focus()
	v := &lazyView{t: t, m: m, reads: &reads}
	for _, r := range "espresso" {
		v.send(press(string(r)))
	}
	if len(v.m.Result().Hits) != 12 {
		t.Fatalf("%d hits", len(v.m.Result().Hits))
	}
	first := v.view()
	if !strings.Contains(first, "0:00  Cup 00 of espresso") || !strings.Contains(first, "1:00  Cup 01 of espresso") || strings.Contains(first, unread) {
		t.Errorf("the first window is not whole with the answer:\n%s", first)
	}
	if got := reads.Load(); got != 4 {
		t.Errorf("the answer read %d notes' texts, want its window's 2 and the next page's 2", got)
	}

	// ↓ four times, the commands not run yet (a slow disk): the fifth
	// note scrolls into view, its text unread. Its row and the preview
	// wait for it without reading it; the commands do.
	var cmds []tea.Cmd
	for range 4 {
		cmds = append(cmds, v.update(press("down")))
	}
	hit := v.m.Result().Hits[v.m.Selected()]
	if hit.Note.Path != "n/04.md" || hit.Note.BodyLoaded() {
		t.Fatalf("chose %s, read already: %v", hit.Note.Path, hit.Note.BodyLoaded())
	}
	waiting := v.view()
	lines := strings.Split(waiting, "\n")
	if unreadRows(waiting) != 1 || !strings.Contains(lines[5], "▶") || strings.Contains(waiting, "Cup 04") {
		t.Errorf("the row of a note being read shows:\n%s", waiting)
	}
	if !strings.Contains(lines[2], "│ Part") || !strings.Contains(lines[3], "│ "+unread) {
		t.Errorf("the preview of a note being read shows:\n%s", waiting)
	}
	// ctrl+o meanwhile: the moment is not known, so nothing plays yet.
	cmds = append(cmds, v.update(press("ctrl+o")))
	if a := v.m.Take(); len(a) != 0 {
		t.Fatalf("ctrl+o before the text asked for %v", a)
	}
	for _, msg := range elsewhere(tea.Batch(cmds...)) {
		v.send(msg)
	}
	if !hit.Note.BodyLoaded() {
		t.Fatalf("%s was not read by the view's command", hit.Note.Path)
	}
	whole := v.view()
	if !strings.Contains(whole, "4:00  Cup 04 of espresso") || !strings.Contains(whole, "│ ▶ 4:00  Part") ||
		!strings.Contains(whole, "│ ▌ Cup 04 of espresso.") || strings.Contains(whole, unread) {
		t.Errorf("once read, the row and preview lack the text:\n%s", whole)
	}
	a := v.m.Take()
	if len(a) != 1 || a[0].(common.OpenVideo).Note != hit.Note || a[0].(common.OpenVideo).Timestamp != 0 {
		t.Errorf("ctrl+o, once the text came, asked for %v, want the hit's moment", a)
	}

	// A taller window shows more hits: SetSize's command reads their texts.
	before := reads.Load()
	grown := v.m.SetSize(120, 14)
	if got := reads.Load(); got != before || grown == nil {
		t.Fatalf("SetSize read %d texts, command %v", got-before, grown != nil)
	}
	if taller := v.view(); unreadRows(taller) == 0 {
		t.Errorf("the taller window shows texts not read:\n%s", taller)
	}
	for _, msg := range elsewhere(grown) {
		v.send(msg)
	}
	if taller := v.view(); unreadRows(taller) != 0 || !strings.Contains(taller, "8:00  Cup 08 of espresso") {
		t.Errorf("the taller window once its texts came:\n%s", taller)
	}
	if got := reads.Load(); got != 12 {
		t.Errorf("%d reads of the 12 notes' texts, want each once", got)
	}
}

// unreadRows counts the hit rows of a view whose snippet waits for its
// note's text: a moment, if any, then … alone.
func unreadRows(view string) int {
	count := 0
	for _, l := range strings.Split(view, "\n") {
		row := strings.Fields(strings.Split(l, "│")[0])
		if len(row) > 0 && row[len(row)-1] == unread && len(row) <= 3 {
			count++
		}
	}
	return count
}
