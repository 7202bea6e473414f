package render

import (
	"io/fs"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"tubenotes/loader"
	"tubenotes/loader/demo"
	"tubenotes/loader/loadtest"
	"tubenotes/model"
	"tubenotes/ui/common"
	"tubenotes/ui/safe"
)

// TestCorpusRendersClean renders every note of the real corpus and checks
// that no raw markup shows, and that the rendered note has exactly one
// badge a timestamp and one label a link, in order, each located in the
// output and reading what it should.
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

var unescape = strings.NewReplacer(`\]`, "]", `\[`, "[", `\&`, "&", `\*`, "*", `\_`, "_", `\(`, "(", `\)`, ")")

// checkRendered renders n at 80 columns in notty and reports problems; it
// returns how many valid timestamps and links it located.
func checkRendered(t *testing.T, v *model.Vault, n *model.Note) (stamps, links int) {
	r := notty(v, n, 80)
	if r.Err != nil {
		t.Errorf("%s: %v", n.Path, r.Err)
	}
	for i, l := range r.Plain {
		for _, raw := range []string{"<a class=", "data-t=", "[[", "]]", "</a>"} {
			if strings.Contains(l, raw) {
				t.Errorf("%s: rendered line %d shows %q: %q", n.Path, i, raw, l)
			}
		}
		if hasTags(l) || hasTags(r.Lines[i]) {
			t.Errorf("%s: rendered line %d keeps a sentinel", n.Path, i)
		}
	}
	// Exactly one badge a timestamp and one label a link, in the note's
	// order, each where the rendered text says it.
	nextTS, nextLink := 0, 0
	for _, it := range r.Items {
		if it.Index < 0 {
			continue
		}
		switch it.Kind {
		case Timestamp:
			if it.Index != nextTS {
				t.Errorf("%s: badge of timestamp %d where timestamp %d was due", n.Path, it.Index, nextTS)
			}
			nextTS = it.Index + 1
			ts := n.Timestamps[it.Index]
			if !it.Found {
				t.Errorf("%s: timestamp %d (%q, line %d) not located", n.Path, it.Index, ts.Raw, ts.Line)
				continue
			}
			want := "▶ " + badgeText(safe.Line(ts.Raw))
			if ts.Valid {
				want = "▶ " + common.MomentClock(n, it.Index)
				stamps++
			}
			if it.Start.Line == it.End.Line {
				if got := ansi.Cut(r.Plain[it.Start.Line], it.Start.Col, it.End.Col); got != want {
					t.Errorf("%s: timestamp %d located at %+v..%+v reads %q, want %q", n.Path, it.Index, it.Start, it.End, got, want)
				}
			}
		case Link:
			if it.Index != nextLink {
				t.Errorf("%s: label of link %d where link %d was due", n.Path, it.Index, nextLink)
			}
			nextLink = it.Index + 1
			l := n.Links[it.Index]
			if !it.Found {
				t.Errorf("%s: link %d (%q, line %d) not located", n.Path, it.Index, l.Target, l.Line)
				continue
			}
			links++
			if it.Start.Line == it.End.Line && !strings.Contains(l.Label, "  ") {
				// A label inside `code` shows the escapes of its
				// punctuation, as glamour reads no escapes there.
				got := ansi.Cut(r.Plain[it.Start.Line], it.Start.Col, it.End.Col)
				if got != safe.Line(l.Label) && unescape.Replace(got) != safe.Line(l.Label) {
					t.Errorf("%s: link %d located at %+v..%+v reads %q, want %q", n.Path, it.Index, it.Start, it.End, got, l.Label)
				}
			}
		}
	}
	for i, l := range r.Headings {
		if l < 0 {
			t.Errorf("%s: heading of section %d (%q, line %d) not located", n.Path, i, n.Sections[i].Title, n.Sections[i].Line)
		}
	}
	if nextTS != len(n.Timestamps) || nextLink != len(n.Links) {
		t.Errorf("%s: rendered up to timestamp %d of %d and link %d of %d", n.Path, nextTS, len(n.Timestamps), nextLink, len(n.Links))
	}
	return stamps, links
}

// TestTestdataRendersClean is the corpus test on the notes this project
// carries (the demo vault and every testdata note), so that it runs in any
// clone.
func TestTestdataRendersClean(t *testing.T) {
	vaults := []fs.FS{demo.FS(), os.DirFS("../../testdata"), os.DirFS("../../loader/testdata"), os.DirFS("../reader/testdata")}
	notes := 0
	for _, fsys := range vaults {
		v, err := loader.Load(fsys, loader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range v.Notes {
			checkRendered(t, v, n)
			notes++
		}
	}
	if notes < 20 {
		t.Errorf("only %d notes rendered", notes)
	}
}
