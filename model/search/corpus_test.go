package search

import (
	"os"
	"strings"
	"testing"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
	"tubenotes/model"
)

func loadCorpus(t *testing.T) *model.Vault {
	t.Helper()
	v, err := loader.Load(os.DirFS(loadtest.CorpusDir(t)), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestCorpus searches the real notes: every hit is a line of its note
// whose visible text holds a query word (or the title does), and what
// markup alone holds is never found.
func TestCorpus(t *testing.T) {
	v := loadCorpus(t)
	ix := Build(v.Notes)
	for _, c := range []struct {
		query    string
		minNotes int
	}{
		{`"arbitrarily close"`, 1},
		{"istanbul", 5},
		{"ISTANBUL channel:nisanyans", 5},
		{"bitcoin ethereum", 10},
		{"product -growth", 5},
		{"title:bitcoin", 3},
		{"türkiye", 1},
	} {
		q, err := Parse(c.query)
		if err != nil {
			t.Fatal(err)
		}
		res := ix.Search(q)
		if res.Notes < c.minNotes {
			t.Errorf("%q: %d notes, want at least %d", c.query, res.Notes, c.minNotes)
		}
		for _, h := range res.Hits {
			text, spans := Snippet(h.Note, h.Line, q, 0)
			if len(q.Terms) > 0 && len(spans) == 0 {
				t.Errorf("%q: hit %s:%d has nothing to highlight in %q", c.query, h.Note.Path, h.Line, text)
				break
			}
		}
	}
	// Words that only markup holds in these notes: every hit must show
	// them in its visible text.
	for _, markup := range []string{"yt-timestamp", "data-t", "class", "videoid", "href"} {
		q, _ := Parse(`"` + markup + `"`)
		for _, h := range ix.Search(q).Hits {
			if text, spans := Snippet(h.Note, h.Line, q, 0); len(spans) == 0 {
				t.Errorf("%q matched %s:%d, where only markup holds it: %q", markup, h.Note.Path, h.Line, text)
			}
		}
	}
}

// TestCorpusPhraseMatchesGrep: on the real notes, the phrase "attention
// mechanism" finds every note that grep -rli finds (its words as prefixes:
// "attention mechanisms" too), and some that grep can't, where the phrase
// runs across a line break.
func TestCorpusPhraseMatchesGrep(t *testing.T) {
	v := loadCorpus(t)
	q, err := Parse(`"attention mechanism"`)
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, h := range Build(v.Notes).Search(q).Hits {
		found[h.Note.Path] = true
	}
	grep, plural := 0, 0
	for _, n := range v.Notes {
		text := strings.ToLower(n.Text())
		if !strings.Contains(text, "attention mechanism") {
			continue
		}
		grep++
		if strings.Contains(text, "attention mechanisms") {
			plural++
		}
		if !found[n.Path] {
			t.Errorf("%s: grep finds \"attention mechanism\", search does not", n.Path)
		}
	}
	if grep == 0 || plural == 0 {
		t.Fatalf("grep finds %d notes (%d with the plural): the corpus no longer tests this", grep, plural)
	}
	t.Logf("grep -rli: %d notes (%d with \"mechanisms\"); search: %d", grep, plural, len(found))
}

// TestCorpusSnippetsShowNoMarkup: the snippets of the hits of common words
// show link labels and plain headings: no link target, wikilink bracket,
// callout marker or bold stars.
func TestCorpusSnippetsShowNoMarkup(t *testing.T) {
	v := loadCorpus(t)
	ix := Build(v.Notes)
	hits := 0
	for _, query := range []string{"the", "product", "video", "note"} {
		q, err := Parse(query)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range ix.Search(q).Hits {
			hits++
			text, _ := Snippet(h.Note, h.Line, q, 0)
			for _, raw := range []string{"](", "[[", "]]", "[!", "**"} {
				// that note writes its "[!NOTE]" inside `code` in a <mark>
				if strings.Contains(text, raw) && !(raw == "[!" && h.Note.Path == "lennyspodcast/embracing_founder_mode_in_product_leadership.md") {
					t.Errorf("%q: %s:%d shows %q: %q", query, h.Note.Path, h.Line, raw, text)
				}
			}
		}
	}
	if hits < 1000 {
		t.Errorf("only %d hits looked at", hits)
	}
}
