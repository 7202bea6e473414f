package player

import (
	"context"
	"math"
	"reflect"
	"strconv"
	"testing"
	"time"

	"tubenotes/ui/open"
)

// recordingPlayer records Play calls.
type recordingPlayer struct {
	Player
	plays []string
}

func (r *recordingPlayer) Play(_ context.Context, id string, seconds int, title string) error {
	r.plays = append(r.plays, id+"@"+strconv.Itoa(seconds)+":"+title)
	return nil
}

func TestOpenerPlaysWatchURLs(t *testing.T) {
	r := &recordingPlayer{}
	var o open.Opener = Opener{Player: r}
	if err := o.Open("https://www.youtube.com/watch?v="+videoA+"&t=42s", 42); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []struct {
		url string
		s   int
	}{
		{"https://www.youtube.com/watch?v=" + videoA + "&t=42s", 41},
		{"https://evil.example/watch?v=" + videoA + "&t=1s", 1},
		{"https://www.youtube.com/watch?v=" + videoA + "&t=1s&list=x", 1},
		{"https://www.youtube.com/watch?v=short&t=1s", 1},
	} {
		if err := o.Open(bad.url, bad.s); err == nil {
			t.Errorf("played %q at %d", bad.url, bad.s)
		}
	}
	if want := []string{videoA + "@42:"}; !reflect.DeepEqual(r.plays, want) {
		t.Errorf("plays %q, want %q", r.plays, want)
	}
}

func TestNewNamesPlayers(t *testing.T) {
	if p, err := New("mpv", nil); err != nil || reflect.TypeOf(p) != reflect.TypeOf(&MPV{}) {
		t.Errorf("mpv: %T %v", p, err)
	}
	p, err := New("web", open.NoDisplay{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if _, ok := p.(*Web); !ok {
		t.Errorf("web: %T", p)
	}
	if _, err := New("vlc", nil); err == nil || err.Error() != `no player called "vlc": give mpv or web` {
		t.Errorf("unknown player: %v", err)
	}
}

func TestCaptureFormats(t *testing.T) {
	if got := Anchor(725.9); got != `<a class="yt-timestamp" data-t="00:12:05">[00:12:05]</a>` {
		t.Errorf("Anchor = %s", got)
	}
	for in, want := range map[float64]string{0: "00:00:00", 3723: "01:02:03", -5: "00:00:00", 1e12: "99:59:59", math.NaN(): "00:00:00"} {
		if got := hms(in); got != want {
			t.Errorf("hms(%v) = %s, want %s", in, got, want)
		}
	}
	for in, want := range map[float64]string{725: "12:05", 5: "0:05", 3723.5: "1:02:03"} {
		if got := Clock(in); got != want {
			t.Errorf("Clock(%v) = %s, want %s", in, got, want)
		}
	}
	if got := (Playhead{Seconds: 725}).Status(); got != "▶ 12:05 playing" {
		t.Errorf("status %q", got)
	}
	if got := (Playhead{Seconds: 725, Paused: true}).Status(); got != "⏸ 12:05 paused" {
		t.Errorf("paused status %q", got)
	}
}

func TestTeaCommands(t *testing.T) {
	f := newFakeMPV(t, "mpv 0.38.0")
	m, _ := newTestMPV(t, f, time.Second)
	if msg := TogglePauseCmd(m)(); msg != (DoneMsg{Action: "pause", Err: ErrNotRunning}) {
		t.Errorf("pause before play: %#v", msg)
	}
	if msg := PlayCmd(m, videoA, 5, "Intro")(); msg != (DoneMsg{Action: "play"}) {
		t.Errorf("play: %#v", msg)
	}
	if msg := SeekByCmd(m, 10)(); msg != (DoneMsg{Action: "seek"}) {
		t.Errorf("seek: %#v", msg)
	}
	if msg := TogglePauseCmd(m)(); msg != (DoneMsg{Action: "pause"}) {
		t.Errorf("pause: %#v", msg)
	}
	h := Playhead{VideoID: videoA, Seconds: 15}
	m.updates.publish(h)
	if msg := Listen(m)(); msg != (PlayheadMsg{h}) {
		t.Errorf("Listen gave %#v", msg)
	}
	if got := f.log(); !reflect.DeepEqual(got[len(got)-2:], []string{`["seek",10,"relative"]`, `["cycle","pause"]`}) {
		t.Errorf("commands %q", got)
	}
}
