package player

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// stubIframeAPI stands in for https://www.youtube.com/iframe_api: a
// YT.Player that records every call in window.calls and keeps a
// believable state, so the page runs with no network.
const stubIframeAPI = `
window.calls = [];
window.YT = { Player: function (el, opts) {
  const self = this;
  let id = opts.videoId, t = opts.playerVars.start || 0, state = -1;
  calls.push(["create", id, t]);
  this.getVideoData = function () { return { video_id: id }; };
  this.getCurrentTime = function () { return t; };
  this.getPlayerState = function () { return state; };
  this.seekTo = function (s) { calls.push(["seekTo", s]); t = s; };
  this.playVideo = function () { calls.push(["playVideo"]); state = 1; };
  this.pauseVideo = function () { calls.push(["pauseVideo"]); state = 2; };
  this.loadVideoById = function (o) { calls.push(["loadVideoById", o.videoId, o.startSeconds]); id = o.videoId; t = o.startSeconds; state = 1; };
  setTimeout(function () { state = 1; opts.events.onReady({ target: self }); }, 10);
}};
setTimeout(function () { window.onYouTubeIframeAPIReady(); }, 0);
`

// foreignPage is another site's page trying to read and drive the player
// page at ?target=.
const foreignPage = `<!doctype html><script>
const target = new URLSearchParams(location.search).get("target");
window.result = "pending";
fetch(target, { mode: "cors" }).then(function () { window.result = "read"; }, function () { window.result = "blocked"; });
fetch(target + "playhead", { method: "POST", mode: "no-cors", body: JSON.stringify({ id: "dQw4w9WgXcQ", t: 999, paused: false }) });
new EventSource(target + "events");
</script>`

// browser starts a headless Chromium with a fresh profile, or skips.
func browser(t *testing.T) context.Context {
	t.Helper()
	var path string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		t.Skip("no chromium here (apt-get install chromium; .ci/run installs it): the page is tested in CI")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browserCtx, cancelCtx := chromedp.NewContext(actx)
	if err := chromedp.Do(browserCtx); err != nil {
		cancelCtx()
		cancelAlloc()
		t.Fatalf("starting chromium: %v", err)
	}
	ctx, cancelTime := context.WithTimeout(browserCtx, 60*time.Second)
	t.Cleanup(func() { cancelTime(); cancelCtx(); cancelAlloc() })
	return ctx
}

// stubSite serves the IFrame API stand-in and the foreign page.
func stubSite(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/iframe_api", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		w.Write([]byte(stubIframeAPI))
	})
	mux.HandleFunc("/foreign.html", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(foreignPage))
	})
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// waitCall waits until the page's player got the call js describes.
func waitCall(t *testing.T, ctx context.Context, js string) {
	t.Helper()
	cond := "window.calls && calls.some(function (c) { return JSON.stringify(c) === " + strconv.Quote(js) + "; })"
	var err error
	// A poll that starts while the page is still replacing its execution
	// context fails with "Cannot find context"; that is the browser
	// settling, not an answer, so it is asked again until the deadline.
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		_, err = chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(time.Until(deadline))))
		if err == nil || !strings.Contains(err.Error(), "Cannot find context") {
			break
		}
	}
	if err != nil {
		calls, _ := chromedp.Run(ctx, chromedp.Evaluate[string]("JSON.stringify(window.calls)"))
		t.Fatalf("the player never got %s; calls %s: %v", js, calls, err)
	}
}

func TestPageInBrowser(t *testing.T) {
	ctx := browser(t)
	site := stubSite(t)
	w, opener := newTestWeb(t, WebOptions{IframeAPI: site.URL + "/iframe_api"})
	bg := context.Background()

	if err := w.Play(bg, videoA, 10, "Intro"); err != nil {
		t.Fatal(err)
	}
	if opener.count() != 1 {
		t.Fatalf("page opened %d times", opener.count())
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(opener.urls[0])); err != nil {
		t.Fatal(err)
	}
	waitCall(t, ctx, `["create","`+videoA+`",10]`)
	waitPlayhead(t, w.Updates(), Playhead{VideoID: videoA, Seconds: 10})

	if err := w.Play(bg, videoA, 42, "Later"); err != nil {
		t.Fatal(err)
	}
	waitCall(t, ctx, `["seekTo",42]`)
	waitPlayhead(t, w.Updates(), Playhead{VideoID: videoA, Seconds: 42})
	if title, err := chromedp.Run(ctx, chromedp.Text("#status")); err != nil || title != "▶ Later" {
		t.Errorf("status line %q, %v", title, err)
	}

	if err := w.Play(bg, videoB, 5, ""); err != nil {
		t.Fatal(err)
	}
	waitCall(t, ctx, `["loadVideoById","`+videoB+`",5]`)
	waitPlayhead(t, w.Updates(), Playhead{VideoID: videoB, Seconds: 5})

	if err := w.TogglePause(bg); err != nil {
		t.Fatal(err)
	}
	waitCall(t, ctx, `["pauseVideo"]`)
	if err := w.SeekBy(bg, -3); err != nil {
		t.Fatal(err)
	}
	waitCall(t, ctx, `["seekTo",2]`)
	waitPlayhead(t, w.Updates(), Playhead{VideoID: videoB, Seconds: 2, Paused: true})
	if opener.count() != 1 {
		t.Errorf("page opened %d times while it was open", opener.count())
	}

	// Closing the page (here: leaving it) makes the next Play open it again.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	waitClients(t, w, 0)
	if err := w.Play(bg, videoA, 7, ""); err != nil {
		t.Fatal(err)
	}
	if opener.count() != 2 {
		t.Fatalf("after the page closed, opened %d times in all, want 2", opener.count())
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(opener.urls[1])); err != nil {
		t.Fatal(err)
	}
	waitCall(t, ctx, `["create","`+videoA+`",7]`)
}

func TestPageRefusalsInBrowser(t *testing.T) {
	ctx := browser(t)
	site := stubSite(t)
	w, _ := newTestWeb(t, WebOptions{IframeAPI: site.URL + "/iframe_api"})
	_, port, _ := strings.Cut(w.host, ":")
	body := func(url string) string {
		if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
			t.Fatalf("%s: %v", url, err)
		}
		text, err := chromedp.Run(ctx, chromedp.Text("body"))
		if err != nil {
			t.Fatalf("%s: %v", url, err)
		}
		return strings.TrimSpace(text)
	}
	if got := body("http://127.0.0.1:" + port + "/" + strings.Repeat("a", len(w.token)) + "/"); got != "404 page not found" {
		t.Errorf("wrong token: %q", got)
	}
	if got := body("http://localhost:" + port + "/" + w.token + "/"); got != "wrong host" {
		t.Errorf("another Host: %q", got)
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(site.URL+"/foreign.html?target="+url.QueryEscape(w.URL()))); err != nil {
		t.Fatal(err)
	}
	result, err := chromedp.Run(ctx, chromedp.Poll[string](`window.result !== "pending" && window.result`, chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil || result != "blocked" {
		t.Errorf("a foreign page reading the player page: %q, %v", result, err)
	}
	time.Sleep(200 * time.Millisecond) // let the foreign POST and EventSource land, to be refused
	select {
	case p := <-w.Updates():
		t.Errorf("a foreign page's report was taken: %+v", p)
	default:
	}
	if n := w.clientCount(); n != 0 {
		t.Errorf("a foreign page subscribed to the events: %d clients", n)
	}
}
