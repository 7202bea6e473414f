package search

import (
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
		if got := len(anchorSpans(c.line)); got != c.want {
			t.Errorf("anchorSpans(%q): %d, want %d", c.line, got, c.want)
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

// On the real notes, the anchors the index sees line up with the
// timestamps the loader reads, line by line, so Moment never falls back.
func TestMomentCorpusAlignment(t *testing.T) {
	v := loadCorpus(t)
	lines, mismatched := 0, 0
	for _, n := range v.Notes {
		perLine := map[int]int{}
		for _, ts := range n.Timestamps {
			perLine[int(ts.Line)]++
		}
		for line, count := range perLine {
			lines++
			if got := len(anchorSpans(lineText(n.Text, line))); got != count {
				mismatched++
				if mismatched <= 3 {
					t.Errorf("%s:%d: %d anchors seen, %d timestamps read", n.Path, line, got, count)
				}
			}
		}
	}
	if lines == 0 {
		t.Fatal("no timestamps in the corpus")
	}
}
