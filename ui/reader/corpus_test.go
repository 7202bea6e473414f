package reader

import (
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
	"tubenotes/model"
	"tubenotes/ui/common"
)

// TestCorpusRendersClean renders every note of the real corpus and checks
// that no raw markup shows and that every valid timestamp's badge and every
// link was found in the output.
func TestCorpusRendersClean(t *testing.T) {
	if testing.Short() {
		t.Skip("renders the whole corpus; skipped with -short")
	}
	dir := loadtest.CorpusDir(t)
	v, err := loader.Load(os.DirFS(dir), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Notes) < 1000 {
		t.Fatalf("corpus loaded only %d notes", len(v.Notes))
	}
	work := make(chan *model.Note)
	var mu sync.Mutex
	var stamps, links int
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range work {
				s, l := checkRendered(t, v, n)
				mu.Lock()
				stamps, links = stamps+s, links+l
				mu.Unlock()
			}
		}()
	}
	for _, n := range v.Notes {
		work <- n
	}
	close(work)
	wg.Wait()
	t.Logf("%d notes: %d valid timestamps and %d links located", len(v.Notes), stamps, links)
	if stamps < 60000 {
		t.Errorf("only %d valid timestamps located in the corpus", stamps)
	}
}

// checkRendered renders n at 80 columns in notty and reports problems; it
// returns how many valid timestamps and links it located.
func checkRendered(t *testing.T, v *model.Vault, n *model.Note) (stamps, links int) {
	r := render(v, n, renderKey{note: n, width: 80, style: "notty"}, newStyles("notty", true))
	if r.err != nil {
		t.Errorf("%s: %v", n.Path, r.err)
	}
	for i, l := range r.plain {
		for _, raw := range []string{"<a class=", "data-t=", "[[", "]]", "</a>"} {
			if strings.Contains(l, raw) {
				t.Errorf("%s: rendered line %d shows %q: %q", n.Path, i, raw, l)
			}
		}
		if hasTags(l) || hasTags(r.lines[i]) {
			t.Errorf("%s: rendered line %d keeps a sentinel", n.Path, i)
		}
	}
	seenTS := make([]bool, len(n.Timestamps))
	seenLink := make([]bool, len(n.Links))
	for _, it := range r.items {
		if !it.found || it.index < 0 {
			continue
		}
		switch it.kind {
		case itemTimestamp:
			seenTS[it.index] = true
			if ts := n.Timestamps[it.index]; ts.Valid && it.start.line == it.end.line {
				want := "▶ " + common.Clock(int(ts.Seconds))
				if ts.Doubtful {
					want += "?"
				}
				if got := ansi.Cut(r.plain[it.start.line], it.start.col, it.end.col); got != want {
					t.Errorf("%s: timestamp %d located at %+v..%+v reads %q, want %q", n.Path, it.index, it.start, it.end, got, want)
				}
			}
		case itemLink:
			seenLink[it.index] = true
		}
	}
	for i, ts := range n.Timestamps {
		if ts.Valid && !seenTS[i] {
			t.Errorf("%s: timestamp %d (%q, line %d) not located", n.Path, i, ts.Raw, ts.Line)
		}
		if ts.Valid && seenTS[i] {
			stamps++
		}
	}
	for i, l := range n.Links {
		if !seenLink[i] {
			t.Errorf("%s: link %d (%q, line %d) not located", n.Path, i, l.Target, l.Line)
		} else {
			links++
		}
	}
	return stamps, links
}
