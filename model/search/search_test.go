package search

import (
	"slices"
	"testing"

	"tubenotes/model"
)

var vault = []*model.Note{
	note("maths/padic.md", "maths", `---
title: Alternative distance metrics
videoId: XFDM1ip5HdU
tags: secretkey
---
From: [[maths]] <br/>

The infinite sum equals -1 <a class="yt-timestamp" data-t="00:00:11">[00:00:11]</a>.

## Distance between numbers

Two numbers are close when their difference is
divisible by a high power of p <a class="yt-timestamp" data-t="00:09:01">[00:09:01]</a>.

See [[hidden_target | the label]] and [docs](https://example.com/urlword).
<span class="stylish" data-x="attrword">Café au lait in İstanbul, ışık.</span>`),
	note("maths/series.md", "maths", `---
title: Geometric series
---
# Geometric series

A geometric series converges. The distance shrinks.

## Bear market

Nothing about bears here.`),
	note("crypto/bull.md", "bankless", `---
title: Bull and bear markets
---
## Cycles

A bear market follows a bull market.
Distance from the top matters.`),
}

func TestSearchRules(t *testing.T) {
	for _, c := range []struct {
		query string
		want  []string
	}{
		// All words must appear in a note; every line holding one is a hit.
		{"high power", []string{"maths/padic.md:13"}},
		{"distance numbers", []string{"maths/padic.md:10", "maths/padic.md:12"}},
		// Case and accents fold both ways, Turkish i too.
		{"CAFE", []string{"maths/padic.md:16"}},
		{"café istanbul", []string{"maths/padic.md:16"}},
		{"ISIK", []string{"maths/padic.md:16"}},
		{"ıstanbul", []string{"maths/padic.md:16"}},
		// Prefixes match as you type; one letter does not.
		{"geometr", []string{"maths/series.md:4", "maths/series.md:6"}},
		{"p", []string{"maths/padic.md:13"}},
		{"ge", nil},
		{"geo", []string{"maths/series.md:4", "maths/series.md:6"}},
		// Phrases, also across a line break, but not across paragraphs.
		{`"difference is divisible"`, []string{"maths/padic.md:12"}},
		{`"is divisible by"`, []string{"maths/padic.md:12"}},
		{`"difference divisible"`, nil},
		{`"close when"`, []string{"maths/padic.md:12"}},
		{`"numbers two"`, nil}, // heading, then paragraph
		// Exclusions, of words and phrases.
		{"distance -bull", []string{"maths/padic.md:10", "maths/series.md:6"}},
		{`market -"bear market"`, nil},
		{`market -"market bear"`, []string{"crypto/bull.md:6", "maths/series.md:8"}},
		// Filters.
		{"distance channel:bank", []string{"crypto/bull.md:7"}},
		{"distance -channel:maths", []string{"crypto/bull.md:7"}},
		{"distance title:geometric", []string{"maths/series.md:6"}},
		{"distance -title:geometric -title:bull", []string{"maths/padic.md:10"}},
		{"distance -title:geo", []string{"maths/padic.md:10", "maths/series.md:6", "crypto/bull.md:7"}}, // whole words only,
		{"channel:bankless", []string{"crypto/bull.md:2"}},
		// Markup, link targets and frontmatter keys do not match; labels do.
		{"yt", nil},
		{"class", nil},
		{"attrword", nil},
		{"stylish", nil},
		{"hidden", nil},
		{"target", nil},
		{"urlword", nil},
		{"videoid", nil},
		{"tags", nil},
		{"secretkey", nil},
		{"label", []string{"maths/padic.md:15"}},
		{"docs", []string{"maths/padic.md:15"}},
		{"00", nil},
		// The title matches through the note's title; with no other hit, the
		// hit is the frontmatter title line.
		{"alternative", []string{"maths/padic.md:2"}},
		{"alternative infinite", []string{"maths/padic.md:8"}},
	} {
		got := hits(t, vault, c.query)
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: hits %q, want %q", c.query, got, c.want)
		}
	}
}

func TestRanking(t *testing.T) {
	// A title hit outranks a heading hit, which outranks body text; more
	// body hits outrank fewer.
	notes := []*model.Note{
		note("a_body_once.md", "c", "---\ntitle: One\n---\nthe zebra ran"),
		note("b_body_many.md", "c", "---\ntitle: Two\n---\nzebra zebra\nzebra zebra"),
		note("c_heading.md", "c", "---\ntitle: Three\n---\n## Zebra\ntext"),
		note("d_title.md", "c", "---\ntitle: Zebra crossing\n---\ntext"),
		note("e_prefix.md", "c", "---\ntitle: Five\n---\nzebras zebras zebras zebras zebras"),
	}
	got := hits(t, notes, "zebra")
	want := []string{"d_title.md:2", "c_heading.md:4", "b_body_many.md:4", "b_body_many.md:5", "a_body_once.md:4", "e_prefix.md:4"}
	if !slices.Equal(got, want) {
		t.Errorf("ranking: got %q, want %q", got, want)
	}
	// Words on one line outrank the same words apart.
	notes = []*model.Note{
		note("apart.md", "c", "red apple\n\nsome green\n"),
		note("together.md", "c", "green apple\n\nsome red\n"),
	}
	got = hits(t, notes, "green apple")
	if want := []string{"together.md:1", "apart.md:1", "apart.md:3"}; !slices.Equal(got, want) {
		t.Errorf("proximity: got %q, want %q", got, want)
	}
	// Within a note, lines holding more of the terms come first.
	notes = []*model.Note{note("n.md", "c", "green\nred\ngreen apple red\napple\ngreen apple\n")}
	got = hits(t, notes, "green apple red")
	if want := []string{"n.md:3", "n.md:5", "n.md:1", "n.md:2", "n.md:4"}; !slices.Equal(got, want) {
		t.Errorf("lines within a note: got %q, want %q", got, want)
	}
}

func TestResultCounts(t *testing.T) {
	q, _ := Parse("distance")
	res := Build(vault).Search(q)
	if res.Notes != 3 || len(res.Hits) != 3 {
		t.Errorf("distance: %d hits in %d notes, want 3 in 3", len(res.Hits), res.Notes)
	}
	q, _ = Parse("")
	if res := Build(vault).Search(q); len(res.Hits) != 0 || res.Notes != 0 {
		t.Errorf("empty query found %d hits", len(res.Hits))
	}
}

func TestSnippet(t *testing.T) {
	q, _ := Parse("cafe istanbul")
	text, spans := Snippet(vault[0], 16, q, 0)
	if text != "Café au lait in İstanbul, ışık." {
		t.Errorf("snippet %q", text)
	}
	var marked []string
	for _, s := range spans {
		marked = append(marked, text[s.Start:s.End])
	}
	if !slices.Equal(marked, []string{"Café", "İstanbul"}) {
		t.Errorf("highlights %q", marked)
	}
	// A title hit shows the title; a long line is cut around the match.
	if text, _ := Snippet(vault[0], 2, q, 0); text != "Alternative distance metrics" {
		t.Errorf("title snippet %q", text)
	}
	long := note("long.md", "c", "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu needle nu xi omicron pi rho sigma tau upsilon phi chi psi omega")
	q, _ = Parse("needle")
	text, spans = Snippet(long, 1, q, 30)
	if len(spans) != 1 || text[spans[0].Start:spans[0].End] != "needle" || text[:3] != "…" || text[len(text)-3:] != "…" {
		t.Errorf("cut snippet %q %v", text, spans)
	}
	if n := len([]rune(text)); n > 32 {
		t.Errorf("cut snippet is %d runes, want about 30", n)
	}
}

// TestPhraseWordsArePrefixes: inside a phrase, a word of three letters or
// more also finds the words it begins, as a bare word does.
func TestPhraseWordsArePrefixes(t *testing.T) {
	for _, c := range []struct {
		query string
		want  []string
	}{
		{`"distance metric"`, []string{"maths/padic.md:2"}},
		{`"bea mark"`, []string{"crypto/bull.md:6", "maths/series.md:8"}},
		{`"geometric ser converges"`, []string{"maths/series.md:6"}},
		{`"series geometric"`, nil}, // the words, but not in order
		{`"a bear"`, []string{"crypto/bull.md:6"}},
		{`"a bea"`, []string{"crypto/bull.md:6"}},
		{`"a be"`, nil}, // two letters: the word alone
		{`title:"distance metric"`, []string{"maths/padic.md:2"}},
		{`title:"dist"`, nil}, // one quoted word: that word alone
	} {
		got := hits(t, vault, c.query)
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: hits %q, want %q", c.query, got, c.want)
		}
	}
}
