package model

import (
	"sync"
	"sync/atomic"
	"testing"
)

// A lazy body is loaded once, on first use, whichever goroutines ask.
func TestLazyBodyLoadsOnce(t *testing.T) {
	var loads atomic.Int32
	n := (&Note{Path: "a.md"}).SetLazyBody(func() Body {
		loads.Add(1)
		return Body{Text: "hello\nworld\n", Spans: []uint16{1, 2}}
	})
	if n.BodyLoaded() {
		t.Fatal("loaded before use")
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if n.Text() != "hello\nworld\n" || len(n.Spans()) != 2 {
				t.Errorf("got %q %v", n.Text(), n.Spans())
			}
		})
	}
	wg.Wait()
	if loads.Load() != 1 || !n.BodyLoaded() {
		t.Errorf("%d loads, loaded %v; want 1, true", loads.Load(), n.BodyLoaded())
	}
	if n.LineCount() != 2 {
		t.Errorf("LineCount of the lazy text = %d", n.LineCount())
	}
}

// SetBody replaces a lazy body: the note is eager again.
func TestSetBodyDropsTheLazyOne(t *testing.T) {
	n := (&Note{}).SetLazyBody(func() Body { t.Error("loaded"); return Body{} })
	n.SetBody("x", nil)
	if n.Text() != "x" || !n.BodyLoaded() {
		t.Errorf("Text %q loaded %v", n.Text(), n.BodyLoaded())
	}
}
