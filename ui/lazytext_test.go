package ui

import (
	"bytes"
	"runtime"
	"strings"
	"sync"
	"testing"

	"tubenotes/loader/demo"
	"tubenotes/model"
	engine "tubenotes/model/search"
	"tubenotes/ui/searchview"
)

// goroutine is the id of the calling goroutine, from its stack's header.
func goroutine() string {
	b := make([]byte, 64)
	return string(bytes.Fields(b[:runtime.Stack(b, false)])[1])
}

// lazyVault is the demo vault with its index, whose notes' texts are left
// on disk as a cache leaves them (model.Note.SetLazyBody). Each read of a
// text on the goroutine of the test, where the harness runs Update and
// View, is recorded with its stack; the harness runs commands on others.
// forget leaves every text on disk again but except's, so that each step
// shows where it reads them.
type lazyVault struct {
	v      *model.Vault
	ix     *engine.Index
	bodies map[*model.Note]model.Body
	test   string

	mu    sync.Mutex
	reads []string // the stacks of the reads on the test's goroutine
}

func newLazyVault(t *testing.T) *lazyVault {
	v := loadVault(t, demo.FS())
	lv := &lazyVault{v: v, ix: engine.Build(v.Notes), bodies: map[*model.Note]model.Body{}, test: goroutine()}
	for _, n := range v.Notes {
		lv.bodies[n] = n.Peek()
	}
	lv.forget(nil)
	return lv
}

func (lv *lazyVault) forget(except *model.Note) {
	for _, n := range lv.v.Notes {
		if n == except {
			continue
		}
		b := lv.bodies[n]
		n.SetLazyBody(func() model.Body {
			if goroutine() == lv.test {
				stack := make([]byte, 8<<10)
				lv.mu.Lock()
				lv.reads = append(lv.reads, n.Path+" read by:\n"+string(stack[:runtime.Stack(stack, false)]))
				lv.mu.Unlock()
			}
			return b
		})
	}
}

// TestNoTextReadOnTheUpdateLoop: with every note's text left on disk (a
// warm start), starting, searching, scrolling the hits, playing one,
// opening it, the sections pane and its o, history and the timeline read
// no text in Update or View: commands do, and what waited for them shows.
func TestNoTextReadOnTheUpdateLoop(t *testing.T) {
	lv := newLazyVault(t)
	h := newHarness(t, lv.v, 120, 40)
	h.send(searchview.IndexedMsg{Index: lv.ix})
	step := func(keys ...string) string {
		t.Helper()
		for _, k := range keys {
			lv.forget(h.m.reader.Note()) // rendered, so read, as it stays
			h.press(k)
		}
		return h.screen()
	}
	if h.note() != "index.md" {
		t.Fatalf("opened %q at start, want index.md", h.note())
	}
	step("s")
	for _, r := range "th" {
		step(string(r))
	}
	if hits := step("e"); unreadRows(hits) > 0 || !strings.Contains(hits, "26 matches") {
		t.Errorf("the answer's first window lacks snippets:\n%s", hits)
	}
	step("pgdown", "up", "up", "ctrl+o")
	if got := h.opener.opened(); len(got) != 1 {
		t.Errorf("ctrl+o opened %q, want the hit's moment", got)
	}
	step("enter")
	for _, k := range []string{"tab", "tab"} {
		if h.m.focus == focusSections {
			break
		}
		step(k)
	}
	if h.m.focus != focusSections {
		t.Fatal("the sections pane did not take the keyboard")
	}
	sidebar := step("j", "o")
	if !strings.Contains(sidebar, "Sections") || !h.m.sections.Ready() {
		t.Errorf("the sections pane is not ready:\n%s", sidebar)
	}
	if got := h.opener.opened(); len(got) != 2 {
		t.Errorf("o in the sections pane opened %q, want one more moment", got)
	}
	step("backspace", "alt+right", "shift+tab", "v", "j", "esc")
	lv.mu.Lock()
	defer lv.mu.Unlock()
	for _, r := range lv.reads {
		t.Errorf("a text was read on the update loop: %s", r)
	}
}

// unreadRows counts the hit rows of a search view's screen whose snippet
// waits for its note's text: a moment, if any, then … alone.
func unreadRows(screen string) int {
	count := 0
	for _, l := range strings.Split(screen, "\n") {
		row := strings.Fields(strings.Split(l, "│")[0])
		if len(row) > 0 && row[len(row)-1] == "…" && len(row) <= 3 {
			count++
		}
	}
	return count
}

// TestLighterLazyVaultTakesOverOffTheUpdateLoop: after a cold start the
// cache's copy of the vault, its texts on disk, takes over: the open note
// is drawn again and its sections get their moments, no text read on the
// update loop.
func TestLighterLazyVaultTakesOverOffTheUpdateLoop(t *testing.T) {
	cold := loadVault(t, demo.FS())
	lv := newLazyVault(t)
	h := loadedBrowser(t, Options{
		Load:  func(func(int, int)) (*model.Vault, error) { return cold, nil },
		Index: func(*model.Vault) *engine.Index { return nil },
		Indexed: func(*model.Vault, *engine.Index) (*model.Vault, *engine.Index) {
			return lv.v, lv.ix
		},
	})
	open := h.m.reader.Note()
	if open == nil || lv.v.Note(open.Path) != open {
		t.Fatalf("the lazy vault did not take over (open: %v)", open)
	}
	if !h.m.sections.Ready() || !open.BodyLoaded() {
		t.Errorf("after the takeover the sections pane is ready %v, the open note read %v", h.m.sections.Ready(), open.BodyLoaded())
	}
	_ = h.screen()
	lv.mu.Lock()
	defer lv.mu.Unlock()
	for _, r := range lv.reads {
		t.Errorf("a text was read on the update loop: %s", r)
	}
}
