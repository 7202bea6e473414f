package player

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"sync"
	"time"

	"tubenotes/model"
	"tubenotes/ui/safe"
)

// Starter starts the program argv names, without a shell, and returns a
// channel that receives its exit.
type Starter func(argv []string) (exited <-chan error, err error)

// MPVOptions configure an MPV; the zero value runs "mpv" from $PATH.
type MPVOptions struct {
	Program      string              // the mpv binary; "mpv" when empty
	Start        Starter             // how to start it; exec when nil
	Getenv       func(string) string // for $XDG_RUNTIME_DIR; os.Getenv when nil
	Timeout      time.Duration       // per request; RequestTimeout when 0
	StartTimeout time.Duration       // for a new mpv to open its socket; 10 s when 0
}

// MPV is one mpv that tubenotes starts on the first Play and steers over
// its JSON IPC socket afterwards. If the user closes it, the next Play
// starts another. Close leaves it running.
type MPV struct {
	opts MPVOptions
	turn chan struct{} // one Play at a time: a second must not spawn a second mpv

	mu          sync.Mutex
	conn        *ipcConn
	newLoadfile bool   // mpv ≥ 0.38 takes an index before loadfile's options
	loaded      string // the video mpv has, as far as we know
	head        Playhead
	sent        Playhead // the last playhead published

	updates *latest
}

// NewMPV returns an MPV; nothing starts until the first Play.
func NewMPV(opts MPVOptions) *MPV {
	if opts.Program == "" {
		opts.Program = "mpv"
	}
	if opts.Start == nil {
		opts.Start = execStart
	}
	if opts.Getenv == nil {
		opts.Getenv = os.Getenv
	}
	if opts.Timeout == 0 {
		opts.Timeout = RequestTimeout
	}
	if opts.StartTimeout == 0 {
		opts.StartTimeout = 10 * time.Second
	}
	return &MPV{opts: opts, turn: make(chan struct{}, 1), updates: newLatest()}
}

// execStart runs argv with no terminal: mpv's output would land on ours.
func execStart(argv []string) (<-chan error, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("cannot run %s: %w", argv[0], err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	return exited, nil
}

// Observed property ids.
const (
	obsTimePos = iota + 1
	obsPause
	obsPath
)

// Play implements Player.
func (m *MPV) Play(ctx context.Context, videoID string, seconds int, title string) error {
	link := model.VideoURL(videoID, seconds)
	if link == "" {
		return fmt.Errorf("cannot play %q at %d s: not a YouTube video id and time", safe.Line(videoID), seconds)
	}
	ctx, cancel := context.WithTimeout(ctx, m.opts.StartTimeout)
	defer cancel()
	select {
	case m.turn <- struct{}{}:
		defer func() { <-m.turn }()
	case <-ctx.Done():
		return m.explain(ctx.Err())
	}
	if c := m.current(); c != nil {
		err := m.steer(ctx, c, videoID, seconds, link, title)
		if !errors.Is(err, errClosed) {
			return m.explain(err)
		}
		// the user closed mpv since the last Play: start another
	}
	return m.explain(m.start(ctx, videoID, seconds, link, title))
}

// current is the live connection, or nil.
func (m *MPV) current() *ipcConn {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.conn != nil && !m.conn.alive() {
		m.conn = nil
	}
	return m.conn
}

// start runs a new mpv on link and connects to it.
func (m *MPV) start(ctx context.Context, videoID string, seconds int, link, title string) error {
	sock, err := socketPath(m.opts.Getenv)
	if err != nil {
		return err
	}
	exited, err := m.opts.Start([]string{m.opts.Program,
		"--idle=yes", "--force-window=yes", "--no-terminal",
		"--input-ipc-server=" + sock, "--start=" + strconv.Itoa(seconds), link})
	if err != nil {
		return err
	}
	c, err := m.connect(ctx, sock, exited)
	if err != nil {
		return err
	}
	m.mu.Lock()
	m.conn, m.loaded = c, videoID
	m.mu.Unlock()
	for i, name := range []string{obsTimePos: "time-pos", obsPause: "pause", obsPath: "path"} {
		if name == "" {
			continue
		}
		if _, err := m.request(ctx, c, "observe_property", i, name); err != nil {
			return err
		}
	}
	version, err := m.request(ctx, c, "get_property", "mpv-version")
	if err != nil {
		return err
	}
	var v string
	if json.Unmarshal(version, &v) != nil {
		return errors.New("mpv sent a malformed mpv-version")
	}
	m.mu.Lock()
	m.newLoadfile = indexedLoadfile(v)
	m.mu.Unlock()
	return m.showTitle(ctx, c, title)
}

// connect dials the socket until mpv has opened it, mpv exits, or ctx ends.
func (m *MPV) connect(ctx context.Context, sock string, exited <-chan error) (*ipcConn, error) {
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		c, err := dialIPC(ctx, sock, m.onEvent)
		if err == nil {
			return c, nil
		}
		select {
		case err := <-exited:
			if err == nil {
				return nil, fmt.Errorf("%s exited before opening its socket", m.opts.Program)
			}
			return nil, fmt.Errorf("%s exited before opening its socket: %w", m.opts.Program, err)
		case <-ctx.Done():
			return nil, fmt.Errorf("%s did not open its socket within %v", m.opts.Program, m.opts.StartTimeout)
		case <-tick.C:
		}
	}
}

// steer seeks the loaded video or loads another, then unpauses.
func (m *MPV) steer(ctx context.Context, c *ipcConn, videoID string, seconds int, link, title string) error {
	m.mu.Lock()
	same, indexed := m.loaded == videoID, m.newLoadfile
	m.mu.Unlock()
	var err error
	if same {
		_, err = m.request(ctx, c, "seek", seconds, "absolute")
		// mpv refuses a seek when the video ended or failed to load and
		// it went idle: load it again
		same = !errors.As(err, new(refusal))
	}
	switch {
	case same:
	case indexed:
		_, err = m.request(ctx, c, "loadfile", link, "replace", -1, "start="+strconv.Itoa(seconds))
	default:
		_, err = m.request(ctx, c, "loadfile", link, "replace", "start="+strconv.Itoa(seconds))
	}
	if err != nil {
		return err
	}
	m.mu.Lock()
	m.loaded = videoID
	m.mu.Unlock()
	if _, err := m.request(ctx, c, "set_property", "pause", false); err != nil {
		return err
	}
	return m.showTitle(ctx, c, title)
}

// showTitle shows the section's title on mpv's OSD for three seconds.
// Array commands get no property expansion, so "${…}" in a title stays
// text; control characters are removed and the length bounded.
func (m *MPV) showTitle(ctx context.Context, c *ipcConn, title string) error {
	title = shortTitle(title)
	if title == "" {
		return nil
	}
	_, err := m.request(ctx, c, "show-text", title, 3000)
	return err
}

// request is one request bounded by the per-request timeout.
func (m *MPV) request(ctx context.Context, c *ipcConn, command ...any) (json.RawMessage, error) {
	ctx, cancel := context.WithTimeout(ctx, m.opts.Timeout)
	defer cancel()
	return c.request(ctx, command...)
}

// explain turns a timeout into the one-line "did not answer" error.
func (m *MPV) explain(err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return noAnswer(m.opts.Program, m.opts.Timeout)
	}
	return err
}

// TogglePause implements Player.
func (m *MPV) TogglePause(ctx context.Context) error {
	c := m.current()
	if c == nil {
		return ErrNotRunning
	}
	_, err := m.request(ctx, c, "cycle", "pause")
	return m.explain(err)
}

// SeekBy implements Player.
func (m *MPV) SeekBy(ctx context.Context, seconds int) error {
	c := m.current()
	if c == nil {
		return ErrNotRunning
	}
	_, err := m.request(ctx, c, "seek", seconds, "relative")
	return m.explain(err)
}

// Updates implements Player.
func (m *MPV) Updates() <-chan Playhead { return m.updates.ch }

// Close implements Player: the connection ends, mpv keeps playing.
func (m *MPV) Close() error {
	if c := m.current(); c != nil {
		c.close()
	}
	return nil
}

// Quit asks the mpv this player talks to to end (the config's
// quit_player), then closes the connection. No mpv running is no error.
func (m *MPV) Quit(ctx context.Context) error {
	c := m.current()
	if c == nil {
		return nil
	}
	defer c.close()
	_, err := m.request(ctx, c, "quit")
	return m.explain(err)
}

// onEvent follows the observed properties and publishes the playhead when
// its whole second, pause state or video changes: time-pos changes every
// frame, far more often than anyone reads it.
func (m *MPV) onEvent(ev event) {
	if ev.Event != "property-change" {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	switch ev.ID {
	case obsTimePos:
		var t *float64
		if json.Unmarshal(ev.Data, &t) != nil || t == nil {
			return
		}
		m.head.Seconds = *t
	case obsPause:
		if json.Unmarshal(ev.Data, &m.head.Paused) != nil {
			return
		}
	case obsPath:
		var p string
		if json.Unmarshal(ev.Data, &p) != nil {
			return
		}
		if id := videoIDOf(p); id != "" {
			m.head.VideoID, m.loaded = id, id
		}
	default:
		return
	}
	h := m.head
	if h.VideoID == "" || !news(h, m.sent) {
		return
	}
	m.sent = h
	m.updates.publish(h)
}

// videoIDOf is the video id of a YouTube watch URL, or "".
func videoIDOf(link string) string {
	u, err := url.Parse(link)
	if err != nil || u.Host != "www.youtube.com" && u.Host != "youtube.com" || u.Path != "/watch" {
		return ""
	}
	if id := u.Query().Get("v"); model.ValidVideoID(id) {
		return id
	}
	return ""
}

var mpvVersion = regexp.MustCompile(`^mpv v?(\d+)\.(\d+)`)

// indexedLoadfile reports whether mpv-version v takes loadfile's index
// argument (0.38 on); a version it cannot read is taken to be newer.
func indexedLoadfile(v string) bool {
	m := mpvVersion.FindStringSubmatch(v)
	if m == nil {
		return true
	}
	major, _ := strconv.Atoi(m[1])
	minor, _ := strconv.Atoi(m[2])
	return major > 0 || minor >= 38
}
