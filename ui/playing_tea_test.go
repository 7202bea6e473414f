package ui

import (
	"bytes"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"tubenotes/loader/demo"
	"tubenotes/model"
	"tubenotes/ui/player"
)

// playerProgram runs the browser with a fake player in a teatest program,
// the real player.Listen included; screen is the screen the model would
// draw after the last message.
func playerProgram(t testing.TB, p *fakePlayer) (tm *teatest.TestModel, screen func() string) {
	v := loadVault(t, demo.FS())
	m := New(Options{
		Load:   func(func(int, int)) (*model.Vault, error) { return v, nil },
		Opener: &fakeOpener{},
		Player: p,
		Style:  "notty",
	})
	var mu sync.Mutex
	var last string
	watch := func(tm tea.Model, msg tea.Msg) tea.Msg {
		s := ansi.Strip(tm.(Model).screen())
		mu.Lock()
		last = s
		mu.Unlock()
		return msg
	}
	tm = teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii), tea.WithFilter(watch)))
	return tm, func() string {
		mu.Lock()
		defer mu.Unlock()
		return last
	}
}

// waitScreen waits until the model's screen contains text.
func waitScreen(t testing.TB, tm *teatest.TestModel, screen func() string, text string) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(screen(), text); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("screen never showed %q:\n%s", text, screen())
		}
		tm.Send(noopMsg{})
	}
}

// TestPlayerOnScreen: a playhead the player publishes shows without a key,
// each newer one replaces it, and o asks the player while the screen goes
// on answering.
func TestPlayerOnScreen(t *testing.T) {
	p := newFakePlayer()
	tm, screen := playerProgram(t, p)
	var out bytes.Buffer
	teatest.WaitFor(t, io.TeeReader(tm.Output(), &out), func([]byte) bool {
		return bytes.Contains(out.Bytes(), []byte("8 notes"))
	}, teatest.WithDuration(5*time.Second))
	tm.Send(keyMsg("/"))
	tm.Type("importance gpus")
	tm.Send(keyMsg("enter"))
	waitScreen(t, tm, screen, "GPUs and Deep Learning")
	if strings.Contains(screen(), "pause/play") {
		t.Error("player keys hinted before a playhead")
	}
	p.publish(player.Playhead{VideoID: seedID, Seconds: 28})
	waitScreen(t, tm, screen, "▶ 0:28 playing")
	waitScreen(t, tm, screen, "▶0:28  GPUs and Deep Learning")
	waitScreen(t, tm, screen, "space pause/play")
	p.publish(player.Playhead{VideoID: seedID, Seconds: 11, Paused: true})
	waitScreen(t, tm, screen, "⏸ 0:11 paused")
	waitScreen(t, tm, screen, "▶0:10  Hardware as a Precursor")
	tm.Send(keyMsg("t"))
	tm.Send(keyMsg("o"))
	select {
	case call := <-p.played:
		if call != `play LKlE93-SDpc @0 "Importance of GPUs for deep learning"` {
			t.Errorf("o asked %s", call)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("o never reached the player")
	}
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
