package ui

import (
	"bytes"
	"fmt"
	"io"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"tubenotes/loader/demo"
	"tubenotes/model"
)

// TestGoldenScreens runs the program on the demo vault at 100x30 in the
// notty style and an ASCII colour profile, and compares the final screen
// with testdata/TestGoldenScreens/*.golden (go test -update rewrites them).
func TestGoldenScreens(t *testing.T) {
	v := loadVault(t, demo.FS())
	noIndex := loadVault(t, demoWithoutIndex(t))
	rich := loadVault(t, goldenVault())
	cases := []struct {
		name  string
		vault *model.Vault // v when nil
		w, h  int
		keys  []string
		typed string
		after []string
		until string
	}{
		{name: "start", w: 100, h: 30, until: "8 notes"},
		{name: "seed", w: 100, h: 30, keys: []string{"/"}, typed: "importance gpus", after: []string{"enter", "t"}, until: "GPUs and Deep Learning"},
		{name: "sections", w: 100, h: 30, keys: []string{"/"}, typed: "cloud", after: []string{"enter", "shift+tab", "shift+tab", "j", "enter"}, until: "Timestamps past the hour"},
		{name: "filter", w: 100, h: 30, keys: []string{"/"}, typed: "bankless", until: "› Can Ethereum"},
		{name: "help", w: 100, h: 30, keys: []string{"?"}, until: "toggle sidebar"},
		{name: "narrow", w: 60, h: 20, until: "8 notes"},
		{name: "start_page", vault: noIndex, w: 80, h: 24, until: "bankless · 4 notes"},
		{name: "tree_keys", w: 80, h: 24, keys: []string{"-", "}", "}", "l"}, until: "Shaun Maguire"},
		{name: "too_small", w: 19, h: 5, until: "window too small"},
		{name: "callout", vault: rich, w: 80, h: 24, keys: []string{"/"}, typed: "callouts", after: []string{"enter"}, until: "╰"},
		{name: "channel", vault: rich, w: 80, h: 24, keys: []string{"/"}, typed: "chan", after: []string{"enter", "t", "t"}, until: "Video B"},
		{name: "timeline_80x24", w: 80, h: 24, keys: []string{"/"}, typed: "importance gpus", after: []string{"enter", "t", "t", "t", "v"}, until: "moments"},
		{name: "timeline_120x40", w: 120, h: 40, keys: []string{"/"}, typed: "cloud", after: []string{"enter", "v"}, until: "moments"},
		{name: "timeline_filter_80x24", w: 80, h: 24, keys: []string{"/"}, typed: "cloud", after: []string{"enter", "v", "/", "f", "a", "u", "l", "t"}, until: "Fault tolerance"},
		{name: "linked_from_80x24", w: 80, h: 24, keys: []string{"/"}, typed: "importance gpus", after: []string{"enter", "shift+tab"}, until: "Reading list"},
		{name: "linked_from_120x40", w: 120, h: 40, keys: []string{"/"}, typed: "cloud", after: []string{"enter", "shift+tab"}, until: "Ethereum's competitive"},
		// the search view: hits grouped under their notes, the first
		// chosen, its preview beside the list from 100 columns on (moving
		// the selection is tested in ui/searchview: a key sent here could
		// beat the answer it should follow)
		{name: "search_wide", w: 120, h: 30, keys: []string{"s"}, typed: "hardware", until: "matches in"},
		{name: "search_narrow", w: 80, h: 24, keys: []string{"s"}, typed: "hardware", until: "matches in"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := New(Options{
				Load: func(func(int, int)) (*model.Vault, error) {
					if c.vault != nil {
						return c.vault, nil
					}
					return v, nil
				},
				Opener: &fakeOpener{},
				Style:  "notty",
			})
			// the filter sees the model before every message: the test
			// waits until the screen it would draw has settled
			var mu sync.Mutex
			var screen string
			var busy bool
			watch := func(tm tea.Model, msg tea.Msg) tea.Msg {
				mm := tm.(Model)
				mu.Lock()
				screen = mm.screen()
				// the index's arrival adds the start page's mentions
				busy = mm.layout().readerShown && mm.reader.Rendering() || len(mm.deferred) > 0 ||
					mm.mode == modeTimeline && mm.timeline.Loading() || mm.index == nil
				mu.Unlock()
				return msg
			}
			tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(c.w, c.h),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii), tea.WithFilter(watch)))
			var seen bytes.Buffer
			waitFor := func(text string) {
				teatest.WaitFor(t, io.TeeReader(tm.Output(), &seen), func([]byte) bool {
					return bytes.Contains(seen.Bytes(), []byte(text))
				}, teatest.WithDuration(30*time.Second))
			}
			if c.h >= minHeight {
				// keys wait for the vault: the status line's count, not
				// the word "notes", which "tubenotes" holds before it
				vault := v
				if c.vault != nil {
					vault = c.vault
				}
				waitFor(fmt.Sprintf("%d notes", len(vault.Notes)))
			}
			for _, k := range c.keys {
				tm.Send(keyMsg(k))
			}
			tm.Type(c.typed)
			for _, k := range c.after {
				tm.Send(keyMsg(k))
			}
			waitFor(c.until)
			last, same := "", 0
			for deadline := time.Now().Add(30 * time.Second); same < 3 && time.Now().Before(deadline); {
				tm.Send(noopMsg{})
				time.Sleep(30 * time.Millisecond)
				mu.Lock()
				now, settled := screen, !busy
				mu.Unlock()
				if now == last && settled {
					same++
				} else {
					last, same = now, 0
				}
			}
			if err := tm.Quit(); err != nil {
				t.Fatal(err)
			}
			final := tm.FinalModel(t, teatest.WithFinalTimeout(30*time.Second)).(Model)
			out := final.screen()
			if !bytes.Contains([]byte(out), []byte(c.until)) {
				t.Fatalf("screen never showed %q:\n%s", c.until, out)
			}
			golden.RequireEqual(t, out)
		})
	}
}

// goldenVault is a channel page of three videos and a note with callouts
// and a table wider than the reading column.
func goldenVault() fstest.MapFS {
	fsys := channelVault()
	fsys["chan/chan.md"] = &fstest.MapFile{Data: []byte("---\ntitle: chan\n---\n" +
		"### [Video **A**](https://www.youtube.com/watch?v=AAAAAAAAAAA)\n- [[note_a | Note A]]\n- [[callouts | Callouts]]\n\n" +
		"### [Video B](https://youtu.be/BBBBBBBBBBB)\n- [[note_b | Note B]]\n\n" +
		"### [Video C](https://www.youtube.com/watch?v=CCCCCCCCCCC)\n- [[missing | Missing note]]\n")}
	fsys["chan/callouts.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Callouts\nvideoId: AAAAAAAAAAA\n---\nFrom: [[chan]]\n\n" +
		"## 1. **Structure for Success**\n\n" +
		"> [!tip]- Signs of being *stuck*\n> * No progress in 6 months <a class=\"yt-timestamp\" data-t=\"00:28:18\">[00:28:18]</a>\n" +
		"> * Customers would not miss it, see [[note_b | Note B]]\n\n" +
		"> [!WARNING] Careful\n> Read [the docs](https://example.com/docs) first.\n\n" +
		"| Feature | Platform PMs build tools for engineers | Product PMs build products for consumers |\n" +
		"| :-- | :-- | :-- |\n| **Users** | AI engineers who need observability and evaluation | Consumers or enterprises buying a product |\n")}
	return fsys
}
