package ui

import (
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tubenotes/loader/demo"
	"tubenotes/model"
	"tubenotes/ui/common"
)

func TestBackgroundColourChoosesStyles(t *testing.T) {
	v := loadVault(t, demo.FS())
	m := New(Options{Load: func(func(int, int)) (*model.Vault, error) { return v, nil }, Opener: &fakeOpener{}})
	dark, light := common.NewStyles(true, false), common.NewStyles(false, false)
	if m.c.Styles.Channel.GetForeground() != dark.Channel.GetForeground() {
		t.Error("before the terminal answers the styles should be dark")
	}
	if names := batchNames(m.Init()); !strings.Contains(names, "backgroundColor") {
		t.Errorf("Init does not ask for the background colour: %s", names)
	}
	next, _ := m.Update(tea.BackgroundColorMsg{Color: color.White})
	if next.(Model).c.Styles.Channel.GetForeground() != light.Channel.GetForeground() {
		t.Error("a white background did not give the light styles")
	}
	forced := New(Options{Style: "dark", Load: m.opts.Load, Opener: &fakeOpener{}})
	next, _ = forced.Update(tea.BackgroundColorMsg{Color: color.White})
	if next.(Model).c.Styles.Channel.GetForeground() != dark.Channel.GetForeground() {
		t.Error("--style dark gave way to the terminal's background")
	}
}

// batchNames runs a batch command and names the messages it yields that
// come without blocking.
func batchNames(cmd tea.Cmd) string {
	var names []string
	for _, msg := range run(cmd) {
		names = append(names, fmtType(msg))
	}
	return strings.Join(names, " ")
}

func TestResizesAreDebounced(t *testing.T) {
	h := demoHarness(t)
	openSeed(h)
	readerWidth := func() int { return ansi.StringWidth(strings.Split(h.m.reader.View(), "\n")[0]) }
	before := readerWidth()
	var last tea.Cmd
	for w := 101; w <= 140; w++ {
		next, cmd := h.m.Update(tea.WindowSizeMsg{Width: w, Height: 30})
		h.m, last = next.(Model), cmd
	}
	if readerWidth() != before {
		t.Errorf("the reader resized during the storm: %d → %d", before, readerWidth())
	}
	h.send(run(last)...)
	if after := readerWidth(); after == before || after != h.m.layout().reader.w {
		t.Errorf("after the storm the reader is %d wide, want %d", after, h.m.layout().reader.w)
	}
}
