package search

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"tubenotes/model/fold"
)

func TestParse(t *testing.T) {
	w := func(prefix bool, words ...string) Term { return Term{Words: words, Prefix: prefix} }
	for _, c := range []struct {
		in   string
		want Query
	}{
		{"", Query{}},
		{"   ", Query{}},
		{"Café", Query{Terms: []Term{w(true, "cafe")}}},
		{"a", Query{Terms: []Term{w(false, "a")}}},
		{"ab", Query{Terms: []Term{w(false, "ab")}}}, // too short to be a prefix
		{"abc", Query{Terms: []Term{w(true, "abc")}}},
		{"deep learning", Query{Terms: []Term{w(true, "deep"), w(true, "learning")}}},
		{`"Deep Learning"`, Query{Terms: []Term{w(true, "deep", "learning")}}}, // words in a phrase are prefixes too
		{`"gpu"`, Query{Terms: []Term{w(false, "gpu")}}},
		{"p-adic", Query{Terms: []Term{w(true, "p", "adic")}}},
		{"-crypto", Query{Excludes: []Term{w(false, "crypto")}}},
		{`-"bear market" bull`, Query{Excludes: []Term{w(false, "bear", "market")}, Terms: []Term{w(true, "bull")}}},
		{"channel:3blue1brown", Query{Channels: []string{"3blue1brown"}}},
		{`Channel:"Lenny's Podcast"`, Query{Channels: []string{"lennyspodcast"}}},
		{"-channel:bankless x", Query{NotChannels: []string{"bankless"}, Terms: []Term{w(false, "x")}}},
		{"title:Distance", Query{Titles: []Term{w(true, "distance")}}},
		{`title:"padic metrics"`, Query{Titles: []Term{w(true, "padic", "metrics")}}},
		{"-title:intro", Query{NotTitles: []Term{w(false, "intro")}}},
		{`foo"bar baz"`, Query{Terms: []Term{w(true, "foo"), w(true, "bar", "baz")}}},
		{`"to be"`, Query{Terms: []Term{w(false, "to", "be")}}}, // no word long enough to be a prefix
		{"- -- ...", Query{}},
		{"other:thing", Query{Terms: []Term{w(true, "other", "thing")}}},
		{"İSTANBUL\tışık", Query{Terms: []Term{w(true, "istanbul"), w(true, "isik")}}},
	} {
		got, err := Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		if !reflect.DeepEqual(*got, c.want) {
			t.Errorf("Parse(%q) = %+v, want %+v", c.in, *got, c.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		in, msg string
		offset  int
	}{
		{`"unclosed phrase`, "unclosed quote at character 1", 0},
		{`ok "half`, "unclosed quote at character 4", 3},
		{`café "x`, "unclosed quote at character 6", 6},
		{`channel:`, "channel: needs a value", 0},
		{`a -title:""`, "title: needs a value", 2},
		// A pasted page is refused with a reason, not searched for minutes.
		{strings.Repeat("word ", MaxTerms+1), fmt.Sprintf("too many terms at character %d: a query holds at most %d", 5*MaxTerms+1, MaxTerms), 5 * MaxTerms},
		{`"` + strings.Repeat("word ", MaxWords) + `" more`, fmt.Sprintf("too many words at character %d: a query holds at most %d words", 5*MaxWords+4, MaxWords), 5*MaxWords + 3},
	} {
		_, err := Parse(c.in)
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("Parse(%q) error = %v, want a ParseError", c.in, err)
			continue
		}
		if !strings.HasPrefix(pe.Error(), c.msg) || pe.Offset != c.offset || strings.Contains(pe.Error(), "\n") {
			t.Errorf("Parse(%q) = %q at %d, want %q… at %d", c.in, pe.Error(), pe.Offset, c.msg, c.offset)
		}
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{`a "b c" -d channel:x title:"y z"`, `"`, `-"`, `channel:`, "İı\xff", `-title:a"b`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Offset < 0 || pe.Offset > len(s) {
				t.Fatalf("Parse(%q): bad error %v", s, err)
			}
			return
		}
		for _, group := range [][]Term{q.Terms, q.Excludes, q.Titles, q.NotTitles} {
			for _, term := range group {
				if len(term.Words) == 0 {
					t.Fatalf("Parse(%q): a term without words", s)
				}
				for _, w := range term.Words {
					if w == "" || fold.String(w) != w || len(Tokens(w)) != 1 {
						t.Fatalf("Parse(%q): word %q is not one folded token", s, w)
					}
				}
			}
		}
		// Reading back what String writes gives the same words.
		again, err := Parse(q.String())
		if err != nil {
			t.Fatalf("Parse(%q) wrote %q, which does not parse: %v", s, q.String(), err)
		}
		if !reflect.DeepEqual(words(again.Terms), words(q.Terms)) || !reflect.DeepEqual(words(again.Excludes), words(q.Excludes)) {
			t.Fatalf("Parse(%q) wrote %q, which reads differently", s, q.String())
		}
		// A query never makes an index panic, and its hits are lines of
		// their notes with spans inside their snippets.
		Build(nil).Search(q)
		for _, h := range fuzzIndex().Search(q).Hits {
			if h.Line < 1 || h.Line > h.Note.LineCount() {
				t.Fatalf("Parse(%q): hit on line %d of %s", s, h.Line, h.Note.Path)
			}
			text, spans := Snippet(h.Note, h.Line, q, 40)
			for _, sp := range spans {
				if sp.Start < 0 || sp.Start >= sp.End || sp.End > len(text) {
					t.Fatalf("Parse(%q): span %v out of %q", s, sp, text)
				}
			}
		}
	})
}

var fuzzIndex = sync.OnceValue(func() *Index { return Build(vault) })

func words(ts []Term) [][]string {
	var out [][]string
	for _, t := range ts {
		out = append(out, t.Words)
	}
	return out
}
