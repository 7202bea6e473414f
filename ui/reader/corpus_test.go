package reader

import (
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
	"tubenotes/model"
	"tubenotes/model/search"
)

// termsOf are what the search view hands find-in-note for q: its words
// and phrases.
func termsOf(q *search.Query) []string {
	var out []string
	for _, t := range q.Terms {
		out = append(out, strings.Join(t.Words, " "))
	}
	return out
}

// wanted is a term find-in-note must find in a note, and the query whose
// hit asks for it.
type wanted struct{ query, term string }

// checkFindsHits searches v for each query and opens every note hit in a
// reader: find-in-note must find each of the query's terms in it, as the
// search view's hand-off asks it to. It returns how many notes it opened.
func checkFindsHits(t *testing.T, v *model.Vault, queries []string) int {
	ix := search.Build(v.Notes)
	want := map[*model.Note][]wanted{}
	for _, s := range queries {
		q, err := search.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		res := ix.Search(q)
		if len(res.Hits) == 0 {
			t.Errorf("%q: no hits", s)
		}
		seen := map[*model.Note]bool{}
		for _, h := range res.Hits {
			if !seen[h.Note] {
				seen[h.Note] = true
				for _, term := range termsOf(q) {
					want[h.Note] = append(want[h.Note], wanted{s, term})
				}
			}
		}
	}
	work := make(chan *model.Note)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range work {
				m := open(t, Options{Style: "notty"}, v, n, 80, 24)
				for _, w := range want[n] {
					if m.SetFind(w.term) == 0 {
						t.Errorf("%q hits %s, but find-in-note finds no %q in it", w.query, n.Path, w.term)
					}
				}
			}
		}()
	}
	for n := range want {
		work <- n
	}
	close(work)
	wg.Wait()
	return len(want)
}

// TestFindFindsSearchHits: a note a search lands on is a note where
// find-in-note finds the search's words, whatever their accents, case,
// ligatures or the punctuation between a phrase's words.
func TestFindFindsSearchHits(t *testing.T) {
	_, a := testdataNote(t, "folding.md")
	_, b := testdataNote(t, "sample.md")
	v := vaultOf(a, b)
	queries := []string{"finance", "cafe", "istanbul", `"product market fit"`, "go", "fold"}
	if opened := checkFindsHits(t, v, queries); opened < 1 {
		t.Fatalf("opened %d notes", opened)
	}
	m := open(t, Options{Style: "notty"}, v, a, 80, 24)
	for term, want := range map[string]int{"finance": 1, "FINANCE": 1, "ﬁnance": 1, "market, fit": 1, "market fit": 1, "go": 1, "istanbul": 1} {
		if got := m.SetFind(term); got != want {
			t.Errorf("SetFind(%q) = %d matches, want %d", term, got, want)
		}
	}
}

func TestCorpusFindFindsSearchHits(t *testing.T) {
	if testing.Short() {
		t.Skip("renders hundreds of corpus notes; skipped with -short")
	}
	v, err := loader.Load(os.DirFS(loadtest.CorpusDir(t)), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	queries := []string{"istanbul", "türkiye", "bitcoin ethereum", `"product market fit"`, "learn", "finance", "cafe", "ai agents", `"arbitrarily close"`}
	opened := checkFindsHits(t, v, queries)
	t.Logf("%d notes opened", opened)
	if opened < 100 {
		t.Errorf("only %d notes hit", opened)
	}
}
