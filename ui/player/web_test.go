package player

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// pageOpener records the pages a Web player opens.
type pageOpener struct {
	mu   sync.Mutex
	urls []string
	err  error
}

func (o *pageOpener) open(url string) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.urls = append(o.urls, url)
	return o.err
}

func (o *pageOpener) count() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return len(o.urls)
}

func newTestWeb(t testing.TB, opts WebOptions) (*Web, *pageOpener) {
	o := &pageOpener{}
	opts.OpenPage = o.open
	w, err := NewWeb(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w, o
}

func TestWebRefusesOtherTokensHostsAndOrigins(t *testing.T) {
	w, _ := newTestWeb(t, WebOptions{})
	origin := "http://" + w.host
	cases := []struct {
		name, method, path, host, origin string
		want                             int
	}{
		{"page", "GET", "/" + w.token + "/", w.host, "", 200},
		{"page from itself", "GET", "/" + w.token + "/", w.host, origin, 200},
		{"script", "GET", "/" + w.token + "/page.js", w.host, "", 200},
		{"no token", "GET", "/", w.host, "", 404},
		{"wrong token", "GET", "/" + strings.Repeat("a", len(w.token)) + "/", w.host, "", 404},
		{"token prefix", "GET", "/" + w.token[:5] + "/", w.host, "", 404},
		{"unknown path", "GET", "/" + w.token + "/secret", w.host, "", 404},
		{"localhost name", "GET", "/" + w.token + "/", strings.Replace(w.host, "127.0.0.1", "localhost", 1), "", 403},
		{"rebinding name", "GET", "/" + w.token + "/", "evil.example", "", 403},
		{"foreign origin", "GET", "/" + w.token + "/", w.host, "https://evil.example", 403},
		{"foreign origin report", "POST", "/" + w.token + "/playhead", w.host, "http://127.0.0.1:1", 403},
		{"null origin", "GET", "/" + w.token + "/events", w.host, "null", 403},
		{"report by GET", "GET", "/" + w.token + "/playhead", w.host, "", 404},
	}
	for _, c := range cases {
		r := httptest.NewRequest(c.method, "/", strings.NewReader(`{"id":"`+videoA+`","t":1,"paused":false}`))
		r.URL.Path, r.Host = c.path, c.host
		if c.origin != "" {
			r.Header.Set("Origin", c.origin)
		}
		rec := httptest.NewRecorder()
		w.ServeHTTP(rec, r)
		if rec.Code != c.want {
			t.Errorf("%s: status %d, want %d", c.name, rec.Code, c.want)
		}
		if c.want == 200 && c.path == "/"+w.token+"/" {
			body := rec.Body.String()
			if !strings.Contains(body, `<script src="https://www.youtube.com/iframe_api">`) ||
				!strings.Contains(rec.Header().Get("Content-Security-Policy"), "frame-ancestors 'none'") ||
				rec.Header().Get("Referrer-Policy") != "strict-origin" {
				t.Errorf("%s: page or headers wrong: %v\n%s", c.name, rec.Header(), body)
			}
		}
	}
	select {
	case p := <-w.Updates():
		t.Errorf("a refused report was published: %+v", p)
	default:
	}
}

func TestWebPlayheadReports(t *testing.T) {
	w, _ := newTestWeb(t, WebOptions{})
	post := func(body string) int {
		r := httptest.NewRequest("POST", "/"+w.token+"/playhead", strings.NewReader(body))
		r.Host = w.host
		r.Header.Set("Origin", "http://"+w.host)
		rec := httptest.NewRecorder()
		w.ServeHTTP(rec, r)
		return rec.Code
	}
	for _, bad := range []string{
		`{"id":"short","t":1}`, `{"id":"` + videoA + `","t":-1}`, `{"id":"` + videoA + `","t":"x"}`,
		`not json`, `{"id":"` + videoA + `","t":1,"pad":"` + strings.Repeat("x", maxReport) + `"}`,
	} {
		if code := post(bad); code != http.StatusBadRequest {
			t.Errorf("report %.40q: status %d", bad, code)
		}
	}
	if code := post(`{"id":"` + videoA + `","t":725.5,"paused":true}`); code != http.StatusNoContent {
		t.Fatalf("good report: status %d", code)
	}
	if got := next(t, w.Updates()); got != (Playhead{VideoID: videoA, Seconds: 725.5, Paused: true}) {
		t.Errorf("playhead %+v", got)
	}
	post(`{"id":"` + videoA + `","t":725.9,"paused":true}`)
	select {
	case p := <-w.Updates():
		t.Errorf("the same second was published again: %+v", p)
	default:
	}
}

// sseClient reads a Web player's event stream.
type sseClient struct {
	t    testing.TB
	body io.ReadCloser
	r    *bufio.Reader
}

func connectEvents(t testing.TB, w *Web) *sseClient {
	t.Helper()
	resp, err := http.Get(w.URL() + "events")
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("events: %s %s", resp.Status, resp.Header.Get("Content-Type"))
	}
	return &sseClient{t: t, body: resp.Body, r: bufio.NewReader(resp.Body)}
}

// next is the next event as its lines, keep-alive comments skipped.
func (c *sseClient) next() string {
	var lines []string
	for {
		line, err := c.r.ReadString('\n')
		if err != nil {
			c.t.Fatalf("event stream: %v", err)
		}
		line = strings.TrimSuffix(line, "\n")
		switch {
		case line == "" && len(lines) > 0:
			return strings.Join(lines, "\n")
		case line == "" || strings.HasPrefix(line, ":"):
		default:
			lines = append(lines, line)
		}
	}
}

func (w *Web) clientCount() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.clients)
}

func waitClients(t *testing.T, w *Web, n int) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); w.clientCount() != n; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d pages connected, want %d", w.clientCount(), n)
		}
	}
}

func TestWebOpensThePageOnceAndStreamsCommands(t *testing.T) {
	w, opener := newTestWeb(t, WebOptions{})
	ctx := context.Background()
	if err := w.TogglePause(ctx); !errors.Is(err, ErrNotRunning) {
		t.Errorf("TogglePause with no page = %v", err)
	}
	if err := w.Play(ctx, videoA, 10, "Intro"); err != nil {
		t.Fatal(err)
	}
	if err := w.Play(ctx, videoA, 20, "\x1b[2J<b>Two</b>"); err != nil {
		t.Fatal(err)
	}
	if opener.count() != 1 || opener.urls[0] != w.URL() {
		t.Fatalf("opened %q, want %s once: the page is still loading", opener.urls, w.URL())
	}
	if msg := PlayCmd(w, videoA, 20, "\x1b[2J<b>Two</b>")(); msg != (DoneMsg{Action: "play", Waiting: true}) {
		t.Errorf("a play while the page loads: %#v, want it waiting", msg)
	}
	page := connectEvents(t, w)
	want := "event: play\ndata: {\"id\":\"" + videoA + "\",\"t\":20,\"title\":\"\\u003cb\\u003eTwo\\u003c/b\\u003e\"}"
	if got := page.next(); got != want {
		t.Errorf("first event\n%s\nwant\n%s", got, want)
	}
	if msg := PlayCmd(w, videoA, 20, "\x1b[2J<b>Two</b>")(); msg != (DoneMsg{Action: "play"}) {
		t.Errorf("a play once the page is there: %#v", msg)
	}
	if got := page.next(); got != want {
		t.Errorf("the play sent to the page\n%s\nwant\n%s", got, want)
	}
	if err := w.Play(ctx, videoB, 30, ""); err != nil {
		t.Fatal(err)
	}
	if got := page.next(); got != "event: play\ndata: {\"id\":\""+videoB+"\",\"t\":30,\"title\":\"\"}" {
		t.Errorf("play event %q", got)
	}
	if err := w.TogglePause(ctx); err != nil {
		t.Fatal(err)
	}
	if err := w.SeekBy(ctx, -10); err != nil {
		t.Fatal(err)
	}
	if got := page.next() + "\n" + page.next(); got != "event: toggle\ndata: {}\nevent: seekby\ndata: {\"by\":-10}" {
		t.Errorf("toggle and seek events %q", got)
	}
	if opener.count() != 1 {
		t.Errorf("page opened %d times while open", opener.count())
	}

	page.body.Close()
	waitClients(t, w, 0)
	if err := w.Play(ctx, videoB, 40, ""); err != nil {
		t.Fatal(err)
	}
	if opener.count() != 2 {
		t.Errorf("after the page closed, Play opened it %d times in all, want 2", opener.count())
	}
}

func TestWebOpenFailures(t *testing.T) {
	w, opener := newTestWeb(t, WebOptions{})
	opener.err = errors.New("no display to open a browser on")
	if err := w.Play(context.Background(), videoA, 1, ""); err == nil || err.Error() != "no display to open a browser on" {
		t.Errorf("failed open = %v", err)
	}
	opener.err = nil
	if err := w.Play(context.Background(), videoA, 1, ""); err != nil || opener.count() != 2 {
		t.Errorf("after a failed open the next Play must try again: %v, %d opens", err, opener.count())
	}

	hung, err := NewWeb(WebOptions{OpenPage: func(string) error { select {} }, Timeout: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer hung.Close()
	if err := hung.Play(context.Background(), videoA, 1, ""); !errors.Is(err, ErrNoAnswer) ||
		err.Error() != "the browser did not answer within 50ms" {
		t.Errorf("hung opener = %v", err)
	}
	if _, err := NewWeb(WebOptions{}); err == nil {
		t.Error("a web player without a page opener was made")
	}
}
