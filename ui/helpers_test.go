package ui

import (
	"fmt"
	"io/fs"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tubenotes/loader"
	"tubenotes/loader/demo"
	"tubenotes/model"
	"tubenotes/ui/common"
	"tubenotes/ui/notes"
)

// fakeOpener records every URL it is asked to open.
type fakeOpener struct {
	mu   sync.Mutex
	urls []string
	err  error
}

func (f *fakeOpener) Open(url string, seconds int) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.urls = append(f.urls, fmt.Sprintf("%s @%d", url, seconds))
	return f.err
}

func (f *fakeOpener) opened() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.urls...)
}

func loadVault(t testing.TB, fsys fs.FS) *model.Vault {
	t.Helper()
	v, err := loader.Load(fsys, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// harness drives a Model the way the program would, running every command
// it returns and feeding the messages back, and records the clipboard.
type harness struct {
	t         testing.TB
	m         Model
	opener    *fakeOpener
	clipboard []string
	quit      bool
}

// newHarness is a browser on vault v at w×h, loaded.
func newHarness(t testing.TB, v *model.Vault, w, h int) *harness {
	t.Helper()
	op := &fakeOpener{}
	m := New(Options{
		Load:   func(func(int, int)) (*model.Vault, error) { return v, nil },
		Opener: op,
		Style:  "notty",
	})
	hs := &harness{t: t, m: m, opener: op}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.send(loadedMsg{vault: v, listing: notes.List(v)})
	return hs
}

func demoHarness(t testing.TB) *harness {
	return newHarness(t, loadVault(t, demo.FS()), 100, 30)
}

// maxMessages bounds one send, so a ticking spinner cannot loop forever.
const maxMessages = 300

func (h *harness) send(msgs ...tea.Msg) {
	h.t.Helper()
	queue := msgs
	for n := 0; len(queue) > 0; n++ {
		if n > maxMessages {
			h.t.Fatalf("more than %d messages from one send", maxMessages)
		}
		msg := queue[0]
		queue = queue[1:]
		if reflect.TypeOf(msg).String() == "tea.setClipboardMsg" {
			h.clipboard = append(h.clipboard, reflect.ValueOf(msg).String())
			continue
		}
		if _, ok := msg.(tea.QuitMsg); ok {
			h.quit = true
			continue
		}
		next, cmd := h.m.Update(msg)
		h.m = next.(Model)
		queue = append(queue, run(cmd)...)
	}
}

// run executes cmd and returns the messages it yields; ticks longer than a
// second are dropped, as a test never waits for them.
func run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(time.Second):
		return nil
	}
	switch msg := msg.(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, run(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// press sends key presses named as bubbletea names them ("j", "enter",
// "shift+tab", "alt+left"); other strings are typed as text.
func (h *harness) press(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		h.send(keyMsg(k))
	}
}

func (h *harness) typeText(s string) {
	h.t.Helper()
	for _, r := range s {
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func keyMsg(k string) tea.KeyPressMsg {
	special := map[string]tea.Key{
		"enter":       {Code: tea.KeyEnter},
		"esc":         {Code: tea.KeyEscape},
		"tab":         {Code: tea.KeyTab},
		"shift+tab":   {Code: tea.KeyTab, Mod: tea.ModShift},
		"backspace":   {Code: tea.KeyBackspace},
		"alt+left":    {Code: tea.KeyLeft, Mod: tea.ModAlt},
		"alt+right":   {Code: tea.KeyRight, Mod: tea.ModAlt},
		"shift+left":  {Code: tea.KeyLeft, Mod: tea.ModShift},
		"shift+right": {Code: tea.KeyRight, Mod: tea.ModShift},
		"space":       {Code: tea.KeySpace, Text: " "},
		"up":          {Code: tea.KeyUp},
		"down":        {Code: tea.KeyDown},
		"pgup":        {Code: tea.KeyPgUp},
		"pgdown":      {Code: tea.KeyPgDown},
		"home":        {Code: tea.KeyHome},
		"end":         {Code: tea.KeyEnd},
		"ctrl+c":      {Code: 'c', Mod: tea.ModCtrl},
		"ctrl+d":      {Code: 'd', Mod: tea.ModCtrl},
		"ctrl+u":      {Code: 'u', Mod: tea.ModCtrl},
		"ctrl+o":      {Code: 'o', Mod: tea.ModCtrl},
		"ctrl+n":      {Code: 'n', Mod: tea.ModCtrl},
	}
	if k, ok := special[k]; ok {
		return tea.KeyPressMsg(k)
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// screen is the plain text on screen.
func (h *harness) screen() string { return ansi.Strip(h.m.screen()) }

func (h *harness) statusLine() string {
	lines := strings.Split(h.screen(), "\n")
	return lines[len(lines)-2]
}

func (h *harness) note() string {
	if n := h.m.reader.Note(); n != nil {
		return n.Path
	}
	return ""
}

func openNoteRequest(n *model.Note) common.Action { return common.OpenNote{Note: n, FocusReader: true} }

func fmtType(v any) string { return reflect.TypeOf(v).String() }
