package loadtest_test

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
)

func TestGenerateIsDeterministic(t *testing.T) {
	a, b, other := loadtest.Generate(300, 7), loadtest.Generate(300, 7), loadtest.Generate(300, 8)
	if len(a) != len(b) {
		t.Fatalf("%d and %d files from the same seed", len(a), len(b))
	}
	same := true
	for p, f := range a {
		if g, ok := b[p]; !ok || !bytes.Equal(f.Data, g.Data) {
			t.Fatalf("%s differs between two runs of one seed", p)
		}
		if g, ok := other[p]; !ok || !bytes.Equal(f.Data, g.Data) {
			same = false
		}
	}
	if same {
		t.Error("another seed gave the same vault")
	}
}

// TestGenerateShape loads a generated vault and checks it has the shape the
// benchmarks promise: ~7 KB notes, ~35 timestamps and ~10 links each, about
// a quarter of links dangling, some named by title, channel pages listing
// every note.
func TestGenerateShape(t *testing.T) {
	const notes = 2500
	fsys := loadtest.Generate(notes, 1)
	var size int
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasSuffix(p, "/"+strings.Split(p, "/")[0]+".md") && strings.Contains(p, "/") {
			size += len(fsys[p].Data)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	v, err := loader.Load(fsys, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	channels := len(v.Channels)
	if want := notes + channels + 2; len(v.Notes) != want || len(v.Problems) != 0 {
		t.Fatalf("%d notes and %d problems, want %d notes (with %d channel pages and 2 root pages) and none", len(v.Notes), len(v.Problems), want, channels)
	}
	var stamps, invalid, links, dangling, byTitle, minutes, listed int
	for _, c := range v.Channels {
		for _, vid := range c.Videos {
			listed += len(vid.Notes)
		}
	}
	for _, n := range v.Notes {
		if n.Channel == "" || n == v.Channel(n.Channel).Page {
			continue
		}
		stamps += len(n.Timestamps)
		for _, ts := range n.Timestamps {
			if !ts.Valid {
				invalid++
			}
		}
		allZero := true
		for _, ts := range n.Timestamps {
			allZero = allZero && strings.HasSuffix(ts.Raw, ":00")
		}
		if allZero {
			minutes++
			// Read as mm:ss:00, the clock of 35 steps of at most 64 s.
			if last := n.Timestamps[len(n.Timestamps)-1]; last.Seconds > 35*64 {
				t.Errorf("%s: last timestamp %s read as %d s, not as mm:ss:00", n.Path, last.Raw, last.Seconds)
			}
		}
		for _, l := range n.Links {
			links++
			if l.Dangling() {
				dangling++
			} else if strings.Contains(l.Target, " ") {
				byTitle++
			}
		}
	}
	perNote := func(x int) float64 { return float64(x) / notes }
	if avg := perNote(size); avg < 6500 || avg > 7800 {
		t.Errorf("notes average %.0f bytes, want about 7 KB", avg)
	}
	if stamps != 35*notes || perNote(invalid) > 1 {
		t.Errorf("%d timestamps (%d invalid), want 35 a note, a few invalid", stamps, invalid)
	}
	if links != 10*notes || dangling < links/5 || dangling > links/3 || byTitle < links/20 {
		t.Errorf("%d links, %d dangling, %d by title: want 10 a note, about a quarter dangling, some by title", links, dangling, byTitle)
	}
	if minutes < notes/30 || minutes > notes/8 {
		t.Errorf("%d notes write mm:ss:00, want about 1 in 16", minutes)
	}
	if listed != notes {
		t.Errorf("channel pages list %d notes, want all %d", listed, notes)
	}
}
