package search

import (
	"fmt"
	"strings"
	"testing"

	"tubenotes/loader"
	"tubenotes/model"
)

// largeNote is a note of n lines in one paragraph, each holding the word
// "growth", a wikilink, a markdown link and a timestamp anchor at its end,
// with a fenced block every 500 lines: every line a hit, each with spans
// before it.
func largeNote(tb testing.TB, n int) *model.Note {
	tb.Helper()
	var b strings.Builder
	b.WriteString("---\ntitle: Large\nvideoId: dQw4w9WgXcQ\n---\n# All\n")
	for i := range n {
		if i%500 == 250 {
			b.WriteString("```\ncode growth\n```\n")
			continue
		}
		t := fmt.Sprintf("%02d:%02d:%02d", i/3600%24, i/60%60, i%60)
		fmt.Fprintf(&b, "line %d growth [[target|label]] [text](https://example.com) <a class=\"yt-timestamp\" data-t=\"%s\">[%s]</a>\n", i, t, t)
	}
	note, _ := loader.ParseNote("large.md", []byte(b.String()), loader.TimestampsAuto)
	return note
}

// TestEveryHitOfALargeNote describes every hit of a note of 60,000 hit
// lines, as `tubenotes search` does. Each hit's line, spans and moment
// are found from the note's tables, not from its top: reading from the top
// for each hit took minutes on this note (an hour for 200,000 lines).
func TestEveryHitOfALargeNote(t *testing.T) {
	n := largeNote(t, 60000)
	q, _ := Parse("growth")
	hits := Build([]*model.Note{n}).Search(q).Hits
	if len(hits) < 59000 {
		t.Fatalf("%d hits, want one a line", len(hits))
	}
	byLine := map[int]int{}
	for i, ts := range n.Timestamps {
		byLine[int(ts.Line)] = i
	}
	for _, h := range hits {
		snippet, spans := Snippet(n, h.Line, q, 160)
		if len(spans) == 0 || !strings.Contains(snippet, "growth") || strings.Contains(snippet, "<a") {
			t.Fatalf("line %d: snippet %q, spans %v", h.Line, snippet, spans)
		}
		want, anchored := byLine[h.Line]
		if !anchored { // code: the next line's anchor, below in the paragraph
			for l := h.Line + 1; ; l++ {
				if i, ok := byLine[l]; ok {
					want = i
					break
				}
			}
		}
		if got := Moment(n, h.Line, q); got != want {
			t.Fatalf("line %d: moment %d, want %d", h.Line, got, want)
		}
	}
}

// BenchmarkDescribeHitsLargeNote describes each hit of notes of 5,000 and
// 50,000 hit lines: the cost of a hit should not grow with the note.
func BenchmarkDescribeHitsLargeNote(b *testing.B) {
	for _, lines := range []int{5000, 50000} {
		b.Run(fmt.Sprint(lines), func(b *testing.B) {
			n := largeNote(b, lines)
			q, _ := Parse("growth")
			hits := Build([]*model.Note{n}).Search(q).Hits
			b.ResetTimer()
			for i := range b.N {
				h := hits[i%len(hits)]
				Snippet(n, h.Line, q, 160)
				Moment(n, h.Line, q)
			}
		})
	}
}
