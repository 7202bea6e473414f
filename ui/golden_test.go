package ui

import (
	"bytes"
	"io"
	"testing"
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
	cases := []struct {
		name  string
		w, h  int
		keys  []string
		typed string
		after []string
		until string
	}{
		{name: "start", w: 100, h: 30, until: "8 notes"},
		{name: "seed", w: 100, h: 30, keys: []string{"/"}, typed: "importance gpus", after: []string{"enter", "t"}, until: "GPUs and Deep Learning"},
		{name: "sections", w: 100, h: 30, keys: []string{"/"}, typed: "cloud", after: []string{"enter", "shift+tab", "j", "enter"}, until: "Timestamps past the hour"},
		{name: "filter", w: 100, h: 30, keys: []string{"/"}, typed: "bankless", until: "5/8"},
		{name: "help", w: 100, h: 30, keys: []string{"?"}, until: "toggle sidebar"},
		{name: "narrow", w: 60, h: 20, until: "8 notes"},
		{name: "too_small", w: 19, h: 5, until: "window too small"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := New(Options{
				Load:   func(func(int, int)) (*model.Vault, error) { return v, nil },
				Opener: &fakeOpener{},
				Style:  "notty",
			})
			tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(c.w, c.h),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
			var seen bytes.Buffer
			waitFor := func(text string) {
				teatest.WaitFor(t, io.TeeReader(tm.Output(), &seen), func([]byte) bool {
					return bytes.Contains(seen.Bytes(), []byte(text))
				}, teatest.WithDuration(5*time.Second))
			}
			if c.h >= minHeight {
				waitFor("notes")
			}
			for _, k := range c.keys {
				tm.Send(keyMsg(k))
			}
			tm.Type(c.typed)
			for _, k := range c.after {
				tm.Send(keyMsg(k))
			}
			waitFor(c.until)
			time.Sleep(300 * time.Millisecond) // let the last keys and renders land
			if err := tm.Quit(); err != nil {
				t.Fatal(err)
			}
			final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
			out := final.screen()
			if !bytes.Contains([]byte(out), []byte(c.until)) {
				t.Fatalf("screen never showed %q:\n%s", c.until, out)
			}
			golden.RequireEqual(t, out)
		})
	}
}
