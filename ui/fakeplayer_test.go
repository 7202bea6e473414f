package ui

import (
	"context"
	"fmt"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tubenotes/model"
	"tubenotes/ui/notes"
	"tubenotes/ui/player"
)

// fakePlayer is a player.Player that records what it is asked and reports
// the playheads a test publishes.
type fakePlayer struct {
	mu      sync.Mutex
	calls   []string
	err     error
	updates chan player.Playhead
	played  chan string // each Play call, for tests that wait on one
}

var _ player.Player = (*fakePlayer)(nil)

func newFakePlayer() *fakePlayer {
	return &fakePlayer{updates: make(chan player.Playhead, 1), played: make(chan string, 100)}
}

func (f *fakePlayer) record(call string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, call)
	return f.err
}

func (f *fakePlayer) Play(_ context.Context, videoID string, seconds int, title string) error {
	call := fmt.Sprintf("play %s @%d %q", videoID, seconds, title)
	err := f.record(call)
	select {
	case f.played <- call:
	default:
	}
	return err
}

func (f *fakePlayer) TogglePause(context.Context) error { return f.record("pause") }

func (f *fakePlayer) SeekBy(_ context.Context, seconds int) error {
	return f.record(fmt.Sprintf("seek %+d", seconds))
}

func (f *fakePlayer) Updates() <-chan player.Playhead { return f.updates }

func (f *fakePlayer) Close() error { return nil }

func (f *fakePlayer) called() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.calls...)
}

// publish reports a playhead as the player would: the newest replaces an
// unread one.
func (f *fakePlayer) publish(h player.Playhead) {
	select {
	case <-f.updates:
	default:
	}
	f.updates <- h
}

// playerHarness is a loaded browser on vault v that steers a fake player.
// The harness runs each command to its end, so listening for the next
// playhead (which blocks until one comes) is left out: the tests send
// player.PlayheadMsg themselves, and TestListenAfterEachPlayhead checks
// that the root listens.
func playerHarness(t testing.TB, v *model.Vault, w, h int) (*harness, *fakePlayer) {
	t.Helper()
	op, p := &fakeOpener{}, newFakePlayer()
	m := New(Options{
		Load:   func(func(int, int)) (*model.Vault, error) { return v, nil },
		Opener: op,
		Player: p,
		Style:  "notty",
	})
	m.listen = func(player.Player) tea.Cmd { return nil }
	hs := &harness{t: t, m: m, opener: op}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.send(loadedMsg{vault: v, listing: notes.List(v)})
	return hs, p
}
