package ui

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"tubenotes/loader/demo"
	"tubenotes/model"
	"tubenotes/ui/common"
	"tubenotes/ui/player"
)

const seedID = "LKlE93-SDpc"

// playerHints are words only the player's hints and help show.
var playerHints = []string{"pause/play", "f follow", "copy anchor", "±10 s", "the player"}

func TestOPlaysThroughThePlayer(t *testing.T) {
	h, p := playerHarness(t, loadVault(t, demo.FS()), 100, 30)
	openSeed(h)
	h.press("t", "t", "o")
	want := []string{`play LKlE93-SDpc @5 "Importance of GPUs for deep learning"`}
	if got := p.called(); !reflect.DeepEqual(got, want) {
		t.Fatalf("o asked the player %q, want %q", got, want)
	}
	if got := h.opener.opened(); len(got) != 0 {
		t.Errorf("o with a player also opened %q", got)
	}
	if !strings.Contains(h.statusLine(), "playing 0:05 · Importance of GPUs") {
		t.Errorf("status after o: %q", h.statusLine())
	}
	h.press("t", "t", "o") // 0:16, in a section: its title goes to the player
	if got := p.called(); len(got) != 2 || got[1] != `play LKlE93-SDpc @16 "Hardware as a Precursor to Software Innovation"` {
		t.Errorf("o in a section asked %q", got)
	}
	h.press("y") // copying stays a copy
	if len(h.clipboard) != 1 || !strings.HasSuffix(h.clipboard[0], "&t=16s") || len(p.called()) != 2 {
		t.Errorf("y copied %q and asked the player %q", h.clipboard, p.called())
	}
	p.err = errors.New("mpv did not answer within 2s")
	h.press("o")
	if !strings.Contains(h.statusLine(), "mpv did not answer within 2s") {
		t.Errorf("a failed play shows %q", h.statusLine())
	}
}

func TestPlayerKeysHiddenUntilAPlayheadAndWithoutAPlayer(t *testing.T) {
	check := func(h *harness, want bool, when string) {
		t.Helper()
		h.press("?")
		text := h.hintLine() + h.screen()
		h.press("esc")
		text += h.hintLine()
		for _, w := range playerHints {
			if strings.Contains(text, w) != want {
				t.Errorf("%s: hints and help show %q: %v, want %v", when, w, !want, want)
			}
		}
	}
	plain := demoHarness(t)
	openSeed(plain)
	check(plain, false, "no player")
	plain.press("space", "f", "c", ".", "shift+right")
	if len(plain.clipboard) != 0 || plain.m.following || strings.Contains(plain.statusLine(), "playhead") {
		t.Errorf("player keys acted with no player: clipboard %q, status %q", plain.clipboard, plain.statusLine())
	}

	h, p := playerHarness(t, loadVault(t, demo.FS()), 100, 30)
	openSeed(h)
	check(h, false, "player, nothing played yet")
	h.press("c")
	if len(h.clipboard) != 0 || !strings.Contains(h.statusLine(), "nothing is playing: o plays a moment") {
		t.Errorf("c before a playhead: clipboard %q, status %q", h.clipboard, h.statusLine())
	}
	h.send(player.PlayheadMsg{Playhead: player.Playhead{VideoID: seedID, Seconds: 12}})
	check(h, true, "a playhead known")
	if len(p.called()) != 0 {
		t.Errorf("showing hints asked the player %q", p.called())
	}
}

func TestPlayerKeys(t *testing.T) {
	h, p := playerHarness(t, loadVault(t, demo.FS()), 100, 30)
	openSeed(h)
	h.send(player.PlayheadMsg{Playhead: player.Playhead{VideoID: seedID, Seconds: 725.9}})
	h.press("space", "shift+right", ".", "shift+left", ",")
	want := []string{"pause", "seek +10", "seek +10", "seek -10", "seek -10"}
	if got := p.called(); !reflect.DeepEqual(got, want) {
		t.Errorf("keys asked the player %q, want %q", got, want)
	}
	h.press("c")
	anchor := `<a class="yt-timestamp" data-t="00:12:05">[00:12:05]</a>`
	if !reflect.DeepEqual(h.clipboard, []string{anchor}) {
		t.Errorf("c copied %q, want %q", h.clipboard, anchor)
	}
	if !strings.Contains(h.statusLine(), "copied "+anchor) {
		t.Errorf("status after c: %q", h.statusLine())
	}
	p.err = player.ErrNotRunning
	h.press("space")
	if !strings.Contains(h.statusLine(), "no player is open") {
		t.Errorf("a failed pause shows %q", h.statusLine())
	}
	// typing a query: the player's keys are letters of it
	h.press("/") // the reader has the keyboard: its find
	h.typeText("f c.")
	if got := h.queryValue(); got != "f c." || len(p.called()) != 6 {
		t.Errorf("typed %q and asked the player %q", got, p.called())
	}
}

func TestPlayheadShownAndFollowed(t *testing.T) {
	h, _ := playerHarness(t, loadVault(t, demo.FS()), 100, 12)
	openSeed(h)
	n := h.m.reader.Note()
	// 0:28.4: the first 0:28 badge, in "GPUs and Deep Learning"
	h.send(player.PlayheadMsg{Playhead: player.Playhead{VideoID: seedID, Seconds: 28.4}})
	if !strings.Contains(h.statusLine(), "▶ 0:28 playing") {
		t.Errorf("status: %q", h.statusLine())
	}
	if !strings.Contains(sidebar(h), "▶0:28  GPUs and Deep Learning") {
		t.Errorf("sections pane does not mark the section played:\n%s", h.screen())
	}
	if h.m.reader.Playing() != -1 || h.m.reader.YOffset() != 0 {
		t.Errorf("follow off, yet badge %d marked and reader at %d", h.m.reader.Playing(), h.m.reader.YOffset())
	}
	h.press("f")
	played := n.TimestampPlayed(28.4)
	if n.Timestamps[played].Raw != "00:00:28" || h.m.reader.Playing() != played {
		t.Fatalf("f: badge %d marked, want %d (00:00:28)", h.m.reader.Playing(), played)
	}
	if !strings.Contains(h.screen(), "GPUs (Graphics") && !strings.Contains(h.screen(), "necessity of specific hardware") {
		t.Errorf("f did not bring the sentence played into view:\n%s", h.screen())
	}
	// the user scrolls away: the same badge does not pull the reader back
	h.press("g")
	h.send(player.PlayheadMsg{Playhead: player.Playhead{VideoID: seedID, Seconds: 29.2}})
	if h.m.reader.YOffset() != 0 {
		t.Errorf("the same badge scrolled the reader to %d", h.m.reader.YOffset())
	}
	// the next badge does
	h.send(player.PlayheadMsg{Playhead: player.Playhead{VideoID: seedID, Seconds: 61, Paused: true}})
	if got := n.Timestamps[h.m.reader.Playing()].Raw; got != "00:01:00" || h.m.reader.YOffset() == 0 {
		t.Errorf("at 1:01 badge %s marked, reader at %d", got, h.m.reader.YOffset())
	}
	if !strings.Contains(h.statusLine(), "⏸ 1:01 paused") || !strings.Contains(sidebar(h), "▶0:10  Hardware as a Precursor") {
		t.Errorf("paused at 1:01:\n%s", h.screen())
	}
	// another video plays: nothing of this note is marked
	h.send(player.PlayheadMsg{Playhead: player.Playhead{VideoID: "dQw4w9WgXcQ", Seconds: 30}})
	if h.m.reader.Playing() != -1 || strings.Contains(sidebar(h), "▶") {
		t.Errorf("another video's playhead marks this note:\n%s", h.screen())
	}
	if !strings.Contains(h.statusLine(), "▶ 0:30 playing") {
		t.Errorf("status with another video: %q", h.statusLine())
	}
	h.press("f")
	h.send(player.PlayheadMsg{Playhead: player.Playhead{VideoID: seedID, Seconds: 28.4}})
	if h.m.reader.Playing() != -1 || !strings.Contains(sidebar(h), "▶0:28  GPUs") {
		t.Errorf("follow off again: badge %d marked", h.m.reader.Playing())
	}
}

// TestListenAfterEachPlayhead: the root listens from Init and again after
// each playhead, through player.Listen on the player's own channel.
func TestListenAfterEachPlayhead(t *testing.T) {
	p := newFakePlayer()
	empty := func(func(int, int)) (*model.Vault, error) { return model.NewVault(nil, nil, nil), nil }
	m := New(Options{Load: empty, Player: p, Style: "notty"})
	p.publish(player.Playhead{VideoID: seedID, Seconds: 1})
	found := false
	for _, msg := range run(m.Init()) {
		if ph, ok := msg.(player.PlayheadMsg); ok && ph.Seconds == 1 {
			found = true
		}
	}
	if !found {
		t.Fatal("Init does not listen for the playhead")
	}
	p.publish(player.Playhead{VideoID: seedID, Seconds: 2})
	_, cmd := m.Update(player.PlayheadMsg{Playhead: player.Playhead{VideoID: seedID, Seconds: 1}})
	if msgs := run(cmd); len(msgs) != 1 || msgs[0].(player.PlayheadMsg).Seconds != 2 {
		t.Errorf("after a playhead the root yields %v, want the next playhead", msgs)
	}
	for _, msg := range run(New(Options{Load: empty, Style: "notty"}).Init()) {
		if _, ok := msg.(player.PlayheadMsg); ok {
			t.Error("Init without a player listens")
		}
	}
}

// TestPlayerKeysAreFree: no other binding of the keymap, in any mode,
// has one of the player's keys: they would shadow each other.
func TestPlayerKeysAreFree(t *testing.T) {
	k := common.DefaultKeyMap()
	own := map[string]bool{"PlayPause": true, "SeekBack": true, "SeekForward": true, "Follow": true, "Capture": true}
	v := reflect.ValueOf(k)
	for _, p := range []key.Binding{k.PlayPause, k.SeekBack, k.SeekForward, k.Follow, k.Capture} {
		for _, pk := range p.Keys() {
			for i := range v.NumField() {
				name := v.Type().Field(i).Name
				if own[name] {
					continue
				}
				if slices.Contains(v.Field(i).Interface().(key.Binding).Keys(), pk) {
					t.Errorf("%q is both %q and %s", pk, p.Help().Desc, name)
				}
			}
		}
	}
}

// sidebar is the left part of the screen, the notes and sections panes.
func sidebar(h *harness) string {
	var side []string
	for _, l := range strings.Split(h.screen(), "\n") {
		if i := strings.Index(l, "│"); i >= 0 {
			side = append(side, l[:i])
		}
	}
	return strings.Join(side, "\n")
}

// TestAPlayWaitingForItsPageSaysSo: the web player's first play opens
// its page; the status line must not claim that anything plays yet.
func TestAPlayWaitingForItsPageSaysSo(t *testing.T) {
	h := demoHarness(t)
	h.send(player.DoneMsg{Action: "play", Waiting: true})
	if s := h.statusLine(); !strings.Contains(s, "page in the browser; it plays once loaded") {
		t.Errorf("status %q", s)
	}
	h.send(player.DoneMsg{Action: "play", Err: errors.New("mpv is not installed")})
	if s := h.statusLine(); !strings.Contains(s, "mpv is not installed") {
		t.Errorf("status %q", s)
	}
}
