package search

import (
	"strings"
	"testing"

	"tubenotes/loader"
)

func TestTimestampAnchor(t *testing.T) {
	for _, c := range []struct {
		line string
		want int
	}{
		{`a <a class="yt-timestamp" data-t="00:00:05">[00:00:05]</a> b`, 1},
		{`<a data-t="00:00:05" class="note yt-timestamp">x</a> <a class="yt-timestamps" data-t="00:00:06">no</a>`, 1},
		{`<abbr class="yt-timestamp" data-t="00:00:07">no</abbr> <a class='yt-timestamp' data-t='00:00:08'>y</a>`, 1},
		{`the yt-timestamp class <a class="yt-timestamp" data-t="2:00">`, 1},
		{`<a class="yt="yt-timestamp" data-t="00:04:04">[00:04:04]</a>`, 0}, // broken: not a timestamp
		{`<a href="x">link</a> and x < y`, 0},
	} {
		n, _ := loader.ParseNote("c/n.md", []byte(c.line), loader.TimestampsAuto)
		if got := len(n.Timestamps); got != c.want {
			t.Errorf("%q: the loader reads %d timestamps, want %d", c.line, got, c.want)
		}
		if vis := noteVisible(n, 1); c.want > 0 && strings.Contains(vis, "data-t") {
			t.Errorf("%q: visible text %q keeps an anchor", c.line, vis)
		}
	}
	// The abbr's text is not an anchor's: it shows.
	if got := Visible(`<abbr class="yt-timestamp">shown</abbr> <a class="yt-timestamp" data-t="1:00">[1:00]</a>`); got != "shown " {
		t.Errorf("Visible = %q", got)
	}
}

func anchor(t string) string {
	return `<a class="yt-timestamp" data-t="` + t + `">[` + t + `]</a>`
}

func TestMoment(t *testing.T) {
	text := "---\ntitle: Moments\nvideoId: abcdefghijk\n---\n" +
		"Intro line " + anchor("00:00:05") + ".\n" + // line 5
		"\n" +
		"First said " + anchor("00:01:00") + ". The needle is here " + anchor("00:02:00") + ". Later " + anchor("00:03:00") + ".\n" + // line 7
		"Opening words come before any anchor " + anchor("00:04:00") + ".\n" + // line 8
		"Broken " + anchor("HH:MM:SS") + ". Then a pin " + anchor("00:05:00") + ".\n" // line 9
	n, _ := loader.ParseNote("m.md", []byte(text), loader.TimestampMode(0))
	seconds := func(query string, line int) int {
		q, err := Parse(query)
		if err != nil {
			t.Fatal(err)
		}
		i := Moment(n, line, q)
		if i < 0 {
			return -1
		}
		return int(n.Timestamps[i].Seconds)
	}
	for _, c := range []struct {
		query string
		line  int
		want  int
	}{
		{"needle", 7, 120},  // the anchor closing the matching sentence
		{"first", 7, 60},    //
		{"later", 7, 180},   //
		{"opening", 8, 240}, // the next line of the paragraph
		{"broken", 9, 300},  // an invalid anchor after it is skipped
		{"pin", 9, 300},     //
		{"intro", 5, 5},     //
		{"moments", 2, -1},  // a title hit has none
	} {
		if got := seconds(c.query, c.line); got != c.want {
			t.Errorf("%q on line %d: %d s, want %d", c.query, c.line, got, c.want)
		}
	}
}

// TestMomentWithoutSpans: a note whose text came without spans (read
// again after its file changed, its parts no longer the cache's) is one
// whose anchors are not known: a hit on its lines has no moment, and
// finding that out does not cut the text at a missing span (it panicked).
func TestMomentWithoutSpans(t *testing.T) {
	text := "# T\nFirst said " + anchor("00:01:00") + ". The needle " + anchor("00:02:00") + ".\nMore " + anchor("00:03:00") + ".\n"
	n, _ := loader.ParseNote("m.md", []byte(text), loader.TimestampMode(0))
	n.SetBody(n.Text(), nil)
	for _, c := range []struct {
		query string
		line  int
	}{{"needle", 2}, {"first", 2}, {"more", 3}} {
		q, _ := Parse(c.query)
		if i := Moment(n, c.line, q); i != -1 {
			t.Errorf("%q on line %d: moment %d, want none", c.query, c.line, i)
		}
	}
}

// On the real notes, the anchors the index sees line up with the
// timestamps the loader reads, line by line, so Moment never falls back.

// TestNoteVisibleWalksSpans: what search sees of a line is what the
// loader read there: wrapped anchors dropped whole, labels of links and
// markdown links, a callout's type.
func TestNoteVisibleWalksSpans(t *testing.T) {
	text := "---\ntitle: T\n---\n" +
		"Wrapped [00:01:02](<a class=\"yt-timestamp\" data-t=\"00:01:02\">[00:01:02]</a>) and [[a_b|the label]] [see](http://x/y).\n" +
		"> [!warning]+ Mind the gap\n"
	n, _ := loader.ParseNote("c/n.md", []byte(text), loader.TimestampsAuto)
	if got, want := noteVisible(n, 4), "Wrapped  and the label see."; got != want {
		t.Errorf("line 4 reads %q, want %q", got, want)
	}
	if got, want := noteVisible(n, 5), "warning Mind the gap"; got != want {
		t.Errorf("line 5 reads %q, want %q", got, want)
	}
}

// TestPhraseLandsOnThePhrase: a line holding a phrase's word alone before
// the phrase itself lands on the phrase (its moment, its snippet), not on
// the lone word, as on the corpus's founderled_sales_strategies.md line 49.
func TestPhraseLandsOnThePhrase(t *testing.T) {
	text := "---\nvideoId: abcdefghijk\n---\n# Sales\n" +
		"Problem-Driven Interest: people will respond " + anchor("00:19:05") +
		" " + strings.Repeat("and on and on ", 10) + "If interest rates are low, rethink the message. " + anchor("00:20:08") + "\n" + // line 5
		"Interest rates alone " + anchor("00:30:00") + "\n" + // line 6
		"Rates, then interest " + anchor("00:40:00") + " and nothing more\n" // line 7
	n, _ := loader.ParseNote("m.md", []byte(text), loader.TimestampMode(0))
	for _, c := range []struct {
		query string
		line  int
		want  int
	}{
		{`"interest rates"`, 5, 20*60 + 8}, // the phrase, not "Interest" alone before it
		{`interest`, 5, 19*60 + 5},         // one word: its first
		{`"interest rates"`, 6, 30 * 60},   //
		{`"interest rates"`, 7, 40 * 60},   // no whole match: the first word that matches
	} {
		q, err := Parse(c.query)
		if err != nil {
			t.Fatal(err)
		}
		got := -1
		if i := Moment(n, c.line, q); i >= 0 {
			got = int(n.Timestamps[i].Seconds)
		}
		if got != c.want {
			t.Errorf("%s on line %d: %d s, want %d", c.query, c.line, got, c.want)
		}
	}
	q, _ := Parse(`"interest rates"`)
	if snippet, _ := Snippet(n, 5, q, 60); !strings.Contains(snippet, "interest rates are low") {
		t.Errorf("the snippet %q does not show the phrase", snippet)
	}
}
