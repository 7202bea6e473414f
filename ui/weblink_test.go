package ui

import (
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"tubenotes/ui/reader"
)

// fakeLinks records every page it is asked to open.
type fakeLinks struct {
	mu   sync.Mutex
	urls []string
}

func (f *fakeLinks) OpenLink(url string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.urls = append(f.urls, url)
	return nil
}

func (f *fakeLinks) opened() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.urls...)
}

// channelVault is a channel page listing two videos with a note each, and
// a note with a web link and a javascript: one.
func channelVault() fstest.MapFS {
	return fstest.MapFS{
		"chan/chan.md": {Data: []byte("---\ntitle: chan\n---\n" +
			"### [Video **A**](https://www.youtube.com/watch?v=AAAAAAAAAAA)\n- [[note_a | Note A]]\n\n" +
			"### [Video B](https://youtu.be/BBBBBBBBBBB)\n- [[note_b | Note B]]\n\n" +
			"See [the site](https://example.com/x) and [bad](javascript:alert).\n")},
		"chan/note_a.md": {Data: []byte("---\ntitle: Note A\nvideoId: AAAAAAAAAAA\n---\nFrom: [[chan]]\n\nText.\n")},
		"chan/note_b.md": {Data: []byte("---\ntitle: Note B\nvideoId: BBBBBBBBBBB\n---\nFrom: [[chan]]\n\nText.\n")},
	}
}

// TestChannelPageVideos: on a channel page t/T step through the video
// headings, o plays the one selected, y copies it, and with nothing
// selected o plays the one at the top; ]/[ reach the notes listed under
// a video, and enter opens them.
func TestChannelPageVideos(t *testing.T) {
	h := newHarness(t, loadVault(t, channelVault()), 100, 30)
	links := &fakeLinks{}
	h.m.opts.Links = links
	h.press("/")
	h.typeText("chan")
	h.press("enter")
	if h.note() != "chan/chan.md" {
		t.Fatalf("opened %q", h.note())
	}
	var reading []string // the reader's column
	for _, l := range strings.Split(h.screen(), "\n") {
		if _, r, ok := strings.Cut(l, "│"); ok {
			reading = append(reading, r)
		}
	}
	if s := strings.Join(reading, "\n"); strings.Contains(s, "](") || strings.Contains(s, "youtube.com") || strings.Contains(s, "**") || !strings.Contains(s, "### Video A") {
		t.Errorf("the channel page shows markup:\n%s", s)
	}
	h.press("o")
	h.press("t", "t")
	if sel := h.m.reader.Selection(); sel.Kind != reader.WebLinkSel || sel.Index != 1 {
		t.Fatalf("t t selected %+v, want the second video heading", sel)
	}
	h.press("o", "y")
	h.press("T", "o")
	want := []string{
		"https://www.youtube.com/watch?v=AAAAAAAAAAA&t=0s @0",
		"https://www.youtube.com/watch?v=BBBBBBBBBBB&t=0s @0",
		"https://www.youtube.com/watch?v=AAAAAAAAAAA&t=0s @0",
	}
	if got := h.opener.opened(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("opened\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(h.clipboard) != 1 || !strings.Contains(h.clipboard[0], "BBBBBBBBBBB") {
		t.Errorf("y copied %q", h.clipboard)
	}
	h.press("esc", "]", "]")
	if sel := h.m.reader.Selection(); sel.Kind != reader.LinkSel || sel.Index != 0 {
		t.Fatalf("] ] selected %+v, want the note under the first video", sel)
	}
	h.press("enter")
	if h.note() != "chan/note_a.md" {
		t.Errorf("enter on Note A opened %q", h.note())
	}
}

// TestWebLinks: enter on a markdown link opens its page through the link
// opener; a javascript: link is neither selectable nor opened.
func TestWebLinks(t *testing.T) {
	h := newHarness(t, loadVault(t, channelVault()), 100, 30)
	links := &fakeLinks{}
	h.m.opts.Links = links
	h.press("/")
	h.typeText("chan")
	h.press("enter", "[")
	if sel := h.m.reader.Selection(); sel.Kind != reader.WebLinkSel || sel.Index != 2 {
		t.Fatalf("[ selected %+v, want the site link (the javascript: one is not selectable)", sel)
	}
	h.press("enter")
	if got := links.opened(); len(got) != 1 || got[0] != "https://example.com/x" {
		t.Errorf("opened pages %q", got)
	}
	h.m.reader.Activate(reader.Selection{Kind: reader.WebLinkSel, Index: 3})
	h.send(noopMsg{})
	if got := links.opened(); len(got) != 1 || !strings.Contains(h.statusLine(), "not a web link") {
		t.Errorf("javascript: link: pages %q, status %q", got, h.statusLine())
	}
	if len(h.opener.opened()) != 0 {
		t.Errorf("the video opener got %q", h.opener.opened())
	}
}
