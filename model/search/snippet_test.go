package search

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
	"tubenotes/model"
	"tubenotes/model/fold"
)

func TestPlain(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"the numbers can get *arbitrarily close* to the limit <a class=\"yt-timestamp\" data-t=\"00:03:33\">[00:03:33]</a>.", "the numbers can get arbitrarily close to the limit."},
		{"**Bold** and `code` and 2*3 and a * b", "Bold and code and 2*3 and a * b"},
		{"[What does it feel like?](https://www.youtube.com/watch?v=XFDM1ip5HdU)", "What does it feel like?"},
		{"*Emphasis*, then more", "Emphasis, then more"},
		{"  spaced\t out  ", "spaced out"},
		{"**One-Way (Infeasible to Reverse)**: for a", "One-Way (Infeasible to Reverse): for a"},
	} {
		if got := Plain(c.in); got != c.want {
			t.Errorf("Plain(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestSnippetMatchesWholeLine holds Snippet, which matches words only up to
// the end of the part it keeps, to the snippet cut from every match of the
// whole line, on every hit of some queries, at a narrow and the command's
// width: in generated notes here, in the corpus below.
func TestSnippetMatchesWholeLine(t *testing.T) {
	v, err := loader.Load(loadtest.Generate(300, 1), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkSnippets(t, v.Notes)
}

func TestSnippetMatchesWholeLineCorpus(t *testing.T) {
	v, err := loader.Load(os.DirFS(loadtest.CorpusDir(t)), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkSnippets(t, v.Notes)
}

func checkSnippets(t *testing.T, notes []*model.Note) {
	ix := Build(notes)
	checked := 0
	for _, query := range []string{"the", "product growth", `"interest rates"`, "istanbul", "mat*", "culture"} {
		q, err := Parse(query)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range ix.Search(q).Hits {
			for _, width := range []int{40, 160} {
				text := h.Note.Title
				if h.Line >= max(h.Note.BodyLine, 1) {
					text = plain(noteVisible(h.Note, h.Line))
				}
				wantText, wantSpans := text, Highlights(text, q)
				if utf8.RuneCountInString(text) > width {
					first := Span{}
					if len(wantSpans) > 0 {
						first = wantSpans[0]
					}
					if whole, ok := nextMatch(text, q, 0); ok {
						first = whole
					}
					start, end := window(text, first, len(wantSpans) > 0, width)
					wantText, wantSpans = cut(text, wantSpans, start, end)
				}
				gotText, gotSpans := Snippet(h.Note, h.Line, q, width)
				if gotText != wantText || !slices.Equal(gotSpans, wantSpans) {
					t.Fatalf("%s line %d, %q at %d: got %q %v, want %q %v", h.Note.Path, h.Line, query, width, gotText, gotSpans, wantText, wantSpans)
				}
				checked++
			}
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d snippets checked", checked)
	}
}

// FuzzPlain holds plain's shortcut (alreadyPlain: the text is given back
// as it is) to the rule itself (plainWords): whatever the text, the
// shortcut is taken only where the rule changes nothing.
func FuzzPlain(f *testing.F) {
	for _, s := range []string{"", "a b", "a  b", " a", "a ", "a .", "a ,b", "**b**", "`c`", "a\tb", "a\u00a0b", "é ü", "a\u2003b", "x\xffy", "a `` b", "`` b", "a ``", "a, .", "a, , b", "a,,,.", "a ,,. b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if alreadyPlain(s) && plainWords(s) != s {
			t.Fatalf("%q is taken as plain, but the rule gives %q", s, plainWords(s))
		}
		// The words joined by one space, as strings.Join joins them.
		words := strings.Fields(s)
		for i, w := range words {
			words[i] = plainWord(w)
		}
		joined := strings.ReplaceAll(strings.ReplaceAll(strings.Join(words, " "), " .", "."), " ,", ",")
		for strings.Contains(joined, ",,") || strings.Contains(joined, ",.") { // a comma an anchor left dangling
			joined = strings.Replace(strings.Replace(joined, ",,", ",", 1), ",.", ".", 1)
		}
		if got := plainWords(s); got != joined {
			t.Fatalf("plainWords(%q) = %q, joining its words gives %q", s, got, joined)
		}
	})
}

// FuzzHighlights holds Highlights, which passes over a word whose first
// byte begins no term's word, to folding every word and comparing it.
func FuzzHighlights(f *testing.F) {
	for _, c := range [][2]string{
		{"Interest rates rose; INTEREST fell", "interest rates"},
		{"Çay and cay, Straße, İstanbul", "cay strasse istanbul"},
		{"e\u0301cole ecole Ecole", "école"},
		{"12 apples, 123", `12 "apples"`},
		{"attention mechanisms", `"attention mechanism"`},
	} {
		f.Add(c[0], c[1])
	}
	f.Fuzz(func(t *testing.T, text, query string) {
		q, err := Parse(query)
		if err != nil {
			return
		}
		var want []Span
		for i := 0; ; {
			a, b := fold.NextWord(text, i)
			if a < 0 {
				break
			}
			i = b
			if termsHave(q.Terms, fold.String(text[a:b])) {
				want = append(want, Span{a, b})
			}
		}
		if got := Highlights(text, q); !slices.Equal(got, want) {
			t.Fatalf("Highlights(%q, %q) = %v, want %v", text, query, got, want)
		}
	})
}
