package player

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"tubenotes/model"
)

// WebOptions configure a Web player.
type WebOptions struct {
	// OpenPage opens the companion page's URL in the user's browser.
	OpenPage func(url string) error
	// IframeAPI is the IFrame API script's URL; YouTube's when empty.
	// Tests serve a stand-in.
	IframeAPI string
	// Timeout bounds OpenPage; RequestTimeout when 0.
	Timeout time.Duration
	// PageWait is how long an opened page has to connect before the next
	// Play opens it again; 20 s when 0.
	PageWait time.Duration
}

// youTubeAPI is the script that defines YT.Player.
const youTubeAPI = "https://www.youtube.com/iframe_api"

// Web serves a companion page on 127.0.0.1 that embeds the YouTube IFrame
// player. The first Play opens the page; later ones reach it through
// server-sent events, and the page posts the playhead back. Every request
// must carry the random token in its path, name this server in Host and,
// when it has an Origin, come from the page itself.
type Web struct {
	opts   WebOptions
	ln     net.Listener
	srv    *http.Server
	token  string
	host   string // 127.0.0.1:port
	page   []byte
	script []byte

	mu       sync.Mutex
	clients  map[chan []byte]bool
	current  []byte    // the last play event, sent to a page as it connects
	openedAt time.Time // when the page was last opened
	awaiting bool      // opened, and no page has connected since
	sent     Playhead

	updates *latest
}

// NewWeb listens on a random port of 127.0.0.1 and serves the page.
func NewWeb(opts WebOptions) (*Web, error) {
	if opts.OpenPage == nil {
		return nil, errors.New("the web player needs a way to open its page")
	}
	if opts.IframeAPI == "" {
		opts.IframeAPI = youTubeAPI
	}
	if opts.Timeout == 0 {
		opts.Timeout = RequestTimeout
	}
	if opts.PageWait == 0 {
		opts.PageWait = 20 * time.Second
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("cannot listen for the player page: %w", err)
	}
	page, err := renderPage(opts.IframeAPI)
	if err != nil {
		ln.Close()
		return nil, err
	}
	w := &Web{
		opts: opts, ln: ln, token: strings.ToLower(rand.Text()), host: ln.Addr().String(),
		page: page, script: pageScript, clients: map[chan []byte]bool{}, updates: newLatest(),
	}
	w.srv = &http.Server{Handler: w, ReadHeaderTimeout: 5 * time.Second, ErrorLog: quietLog}
	go w.srv.Serve(ln)
	return w, nil
}

// URL is the page's address, token included.
func (w *Web) URL() string { return "http://" + w.host + "/" + w.token + "/" }

// ServeHTTP refuses anything not addressed to this server with the token,
// or sent from another origin, then serves the page, its script, the event
// stream and the playhead reports.
func (w *Web) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	if r.Host != w.host {
		http.Error(rw, "wrong host", http.StatusForbidden)
		return
	}
	if origin := r.Header.Get("Origin"); origin != "" && origin != "http://"+w.host {
		http.Error(rw, "foreign origin", http.StatusForbidden)
		return
	}
	token, rest, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	if subtle.ConstantTimeCompare([]byte(token), []byte(w.token)) != 1 {
		http.NotFound(rw, r)
		return
	}
	h := rw.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "strict-origin") // the token never leaves in a Referer
	h.Set("Cache-Control", "no-store")
	switch {
	case rest == "" && r.Method == http.MethodGet:
		h.Set("Content-Security-Policy", pagePolicy(w.opts.IframeAPI))
		h.Set("Content-Type", "text/html; charset=utf-8")
		rw.Write(w.page)
	case rest == "page.js" && r.Method == http.MethodGet:
		h.Set("Content-Type", "text/javascript; charset=utf-8")
		rw.Write(w.script)
	case rest == "events" && r.Method == http.MethodGet:
		w.events(rw, r)
	case rest == "playhead" && r.Method == http.MethodPost:
		w.playhead(rw, r)
	default:
		http.NotFound(rw, r)
	}
}

// keepAlive is how often an idle event stream gets a comment, so a
// closed page is noticed.
const keepAlive = 10 * time.Second

// events streams commands to one page until it goes away.
func (w *Web) events(rw http.ResponseWriter, r *http.Request) {
	flusher, ok := rw.(http.Flusher)
	if !ok {
		http.Error(rw, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	rw.Header().Set("Content-Type", "text/event-stream")
	ch := make(chan []byte, 16)
	w.mu.Lock()
	w.clients[ch] = true
	w.awaiting = false
	if w.current != nil {
		ch <- w.current
	}
	w.mu.Unlock()
	defer func() {
		w.mu.Lock()
		delete(w.clients, ch)
		w.mu.Unlock()
	}()
	rw.WriteHeader(http.StatusOK)
	flusher.Flush()
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		var msg []byte
		select {
		case m, open := <-ch:
			if !open {
				return // too slow: dropped
			}
			msg = m
		case <-tick.C:
			msg = []byte(":\n\n")
		case <-r.Context().Done():
			return
		}
		if _, err := rw.Write(msg); err != nil {
			return
		}
		flusher.Flush()
	}
}

// maxReport bounds a playhead report's body.
const maxReport = 1024

// playhead takes the page's report of where it is.
func (w *Web) playhead(rw http.ResponseWriter, r *http.Request) {
	var p struct {
		ID     string  `json:"id"`
		T      float64 `json:"t"`
		Paused bool    `json:"paused"`
	}
	dec := json.NewDecoder(http.MaxBytesReader(rw, r.Body, maxReport))
	if err := dec.Decode(&p); err != nil || !model.ValidVideoID(p.ID) ||
		math.IsNaN(p.T) || p.T < 0 || p.T > 1e7 {
		http.Error(rw, "bad playhead", http.StatusBadRequest)
		return
	}
	h := Playhead{VideoID: p.ID, Seconds: p.T, Paused: p.Paused}
	w.mu.Lock()
	if news(h, w.sent) {
		w.sent = h
		w.updates.publish(h)
	}
	w.mu.Unlock()
	rw.WriteHeader(http.StatusNoContent)
}

// broadcast sends one event to every page and reports how many got it.
func (w *Web) broadcast(msg []byte) int {
	n := 0
	for ch := range w.clients {
		select {
		case ch <- msg:
			n++
		default: // a page that does not read is dropped, never waited for
			delete(w.clients, ch)
			close(ch)
		}
	}
	return n
}

// sse is one server-sent event.
func sse(name string, data any) []byte {
	b, _ := json.Marshal(data) // plain structs: cannot fail
	return []byte("event: " + name + "\ndata: " + string(b) + "\n\n")
}

// Play implements Player: the page seeks or loads; with no page open, it
// is opened and gets the video as it connects.
func (w *Web) Play(ctx context.Context, videoID string, seconds int, title string) error {
	if model.VideoURL(videoID, seconds) == "" {
		return fmt.Errorf("cannot play %q at %d s: not a YouTube video id and time", videoID, seconds)
	}
	msg := sse("play", struct {
		ID    string `json:"id"`
		T     int    `json:"t"`
		Title string `json:"title"`
	}{videoID, seconds, shortTitle(title)})
	w.mu.Lock()
	w.current = msg
	reached := w.broadcast(msg)
	open := reached == 0 && (!w.awaiting || time.Since(w.openedAt) > w.opts.PageWait)
	if open {
		w.openedAt, w.awaiting = time.Now(), true
	}
	w.mu.Unlock()
	if !open {
		return nil
	}
	if err := w.openPage(ctx); err != nil {
		w.mu.Lock()
		w.awaiting = false
		w.mu.Unlock()
		return err
	}
	return nil
}

// Waiting implements Waiter: the page was opened and has not connected.
func (w *Web) Waiting() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.awaiting
}

// openPage runs OpenPage, waiting no longer than the timeout.
func (w *Web) openPage(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, w.opts.Timeout)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- w.opts.OpenPage(w.URL()) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return noAnswer("the browser", w.opts.Timeout)
	}
}

// command sends an event to the open pages, or says none is open.
func (w *Web) command(msg []byte) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.broadcast(msg) == 0 {
		return ErrNotRunning
	}
	return nil
}

// TogglePause implements Player.
func (w *Web) TogglePause(context.Context) error {
	return w.command(sse("toggle", struct{}{}))
}

// SeekBy implements Player.
func (w *Web) SeekBy(_ context.Context, seconds int) error {
	return w.command(sse("seekby", struct {
		By int `json:"by"`
	}{seconds}))
}

// Updates implements Player.
func (w *Web) Updates() <-chan Playhead { return w.updates.ch }

// Close implements Player: the server stops; an open page shows that
// tubenotes has gone.
func (w *Web) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	w.srv.Shutdown(ctx)
	return w.srv.Close()
}
