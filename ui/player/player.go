// Package player drives one video player that stays open: mpv over its
// JSON IPC socket, or a companion web page with the YouTube IFrame player.
// Every request is bounded by a timeout, so a caller in a tea.Cmd never
// waits on a player that has hung, and playhead updates arrive on a
// channel that never blocks the player's side.
package player

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
	"unicode/utf8"

	"tubenotes/ui/safe"
)

// Player is one player that tubenotes keeps open and steers.
type Player interface {
	// Play shows videoID at seconds: it starts the player if none is
	// running, seeks when that video is already loaded, else loads it.
	// title, when not empty, is shown briefly (mpv's OSD).
	Play(ctx context.Context, videoID string, seconds int, title string) error
	// TogglePause pauses a playing video and resumes a paused one.
	TogglePause(ctx context.Context) error
	// SeekBy moves the playhead by seconds, backwards when negative.
	SeekBy(ctx context.Context, seconds int) error
	// Updates delivers the latest playhead; a reader that falls behind
	// gets the newest value, never a backlog. It is never closed.
	Updates() <-chan Playhead
	// Close lets the player go: mpv keeps running, the page's server stops.
	Close() error
}

// Waiter is a Player that may have to wait for its window after Play
// (the web player's page, opened in the browser): Waiting reports that
// no window has connected since it was opened, so nothing plays yet.
type Waiter interface {
	Waiting() bool
}

// Playhead is where the player is.
type Playhead struct {
	VideoID string
	Seconds float64
	Paused  bool
}

// ErrNoAnswer is wrapped by every error of a request the player did not
// answer in time.
var ErrNoAnswer = errors.New("did not answer")

// ErrNotRunning is returned by TogglePause and SeekBy when no player is open.
var ErrNotRunning = errors.New("no player is open: play a moment first")

// RequestTimeout bounds one request to a running player.
const RequestTimeout = 2 * time.Second

// noAnswer is the one-line error for a request that timed out.
func noAnswer(who string, limit time.Duration) error {
	return fmt.Errorf("%s %w within %v", who, ErrNoAnswer, limit)
}

// latest holds the newest playhead in a one-slot channel.
type latest struct {
	mu sync.Mutex
	ch chan Playhead
}

func newLatest() *latest { return &latest{ch: make(chan Playhead, 1)} }

// publish replaces any unread playhead with p; it never blocks.
func (l *latest) publish(p Playhead) {
	l.mu.Lock()
	defer l.mu.Unlock()
	select {
	case <-l.ch:
	default:
	}
	l.ch <- p
}

// news reports whether h is worth publishing after last: another video,
// another pause state or another whole second. Players report many times
// a second; the UI shows seconds.
func news(h, last Playhead) bool {
	return h.VideoID != last.VideoID || h.Paused != last.Paused ||
		wholeSeconds(h.Seconds) != wholeSeconds(last.Seconds)
}

// shortTitle is a section title fit for a player's display: one line, no
// control characters, at most 100 characters.
func shortTitle(title string) string {
	title = safe.Line(title)
	if utf8.RuneCountInString(title) > 100 {
		title = string([]rune(title)[:99]) + "…"
	}
	return title
}
