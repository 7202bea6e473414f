package search

import (
	"os"
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
