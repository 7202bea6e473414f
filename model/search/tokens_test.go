package search

import (
	"slices"
	"testing"
)

func TestTokens(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"Hello, World!", []string{"hello", "world"}},
		{"p-adic numbers", []string{"p", "adic", "numbers"}},
		{"don't", []string{"don", "t"}},
		{"  ", nil},
		{"über—naïve", []string{"uber", "naive"}},
		{"a\xffb", []string{"a", "b"}}, // invalid UTF-8 splits
		{"x1 2y", []string{"x1", "2y"}},
	} {
		if got := Tokens(c.in); !slices.Equal(got, c.want) {
			t.Errorf("Tokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestVisible(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`Intro <a class="yt-timestamp" data-t="00:01:00">[00:01:00]</a>.`, "Intro ."},
		{`See [[target_note | the label]] and [[plain]] and [[x#h|y]]`, "See the label and plain and y"},
		{`A [link text](https://example.com/hidden) here`, "A link text here"},
		{`![alt words](img/src.png)`, "!alt words"},
		{`From: [[3blue1brown]] <br/> `, "From: 3blue1brown  "},
		{`x < y and y > z`, "x < y and y > z"},
		{`<span class="secret">shown</span>`, "shown"},
		{`Tom &amp; Jerry &copy; &bogus;`, "Tom & Jerry © &bogus;"},
		{`<!-- hidden --> shown`, " shown"},
		{`[[unclosed`, "[[unclosed"},
	} {
		if got := Visible(c.in); got != c.want {
			t.Errorf("Visible(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// The index folds words as it scans them; its tokens must be those of
// Tokens, which queries use.
func TestBuilderTokensMatchTokens(t *testing.T) {
	for _, s := range []string{
		"Hello, World!", "café au lait", "İstanbul'da ışık", "ASCIIthenÉtoile", "naïve—über",
		"x1 2y", "a\xffb", "ｆｕｌｌ width", "e\u0301clair", "mixedÇase end", "½ ² ﬁ", "日本語 text", "", "   ", "-- !!",
	} {
		if got, want := builderTokens(s), Tokens(s); !slices.Equal(got, want) {
			t.Errorf("builder tokens of %q = %q, want %q", s, got, want)
		}
	}
}

func FuzzBuilderTokens(f *testing.F) {
	for _, s := range []string{"café", "ASCIIthenÉ", "İı", "a\xffb", "x—y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := builderTokens(s), Tokens(s); !slices.Equal(got, want) {
			t.Fatalf("builder tokens of %q = %q, want %q", s, got, want)
		}
	})
}

// builderTokens are the terms the index builder reads from s, in order.
func builderTokens(s string) []string {
	b := newBuilder()
	b.tokenize([]byte(s), 0, 0)
	var got []string
	for _, id := range b.toks {
		got = append(got, b.term(id))
	}
	return got
}
