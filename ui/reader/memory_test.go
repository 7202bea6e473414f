package reader

import (
	"runtime"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tubenotes/loader/loadtest"
	"tubenotes/ui/render"
)

// TestCacheBoundedByBytesInResizeStorm renders a 400 KB note at many
// widths, as a storm of resizes does: the cache's byte count stays under
// its budget, matches its entries, and keeps the latest widths.
func TestCacheBoundedByBytesInResizeStorm(t *testing.T) {
	n := parse(t, "c/big.md", string(loadtest.BigNote(400<<10)))
	v := vaultOf(n)
	m := New(Options{Style: "dark"})
	m.SetSize(100, 40)
	m = settle(t, m, m.Open(v, n, 0))
	one := m.doc.size
	if one < 2<<20 {
		t.Fatalf("a 400 KB note's rendering is estimated at %d bytes; its lines alone are more", one)
	}
	for w := 92; w >= 30; w -= 9 {
		m = settle(t, m, m.SetSize(w, 40))
		if m.cache.used > m.cache.budget {
			t.Fatalf("width %d: the cache holds %d bytes, budget %d", w, m.cache.used, m.cache.budget)
		}
	}
	sum := 0
	for _, r := range m.cache.byKey {
		sum += r.size
	}
	if sum != m.cache.used || len(m.cache.byKey) != len(m.cache.order) {
		t.Errorf("the cache counts %d bytes in %d keys; its %d entries hold %d", m.cache.used, len(m.cache.order), len(m.cache.byKey), sum)
	}
	if m.cache.get(m.key()) == nil {
		t.Error("the latest width was dropped from the cache")
	}
	if len(m.cache.byKey) < 2 {
		t.Errorf("only %d widths of a 400 KB note cached; the budget holds more", len(m.cache.byKey))
	}
}

// TestRenderedBytesEstimate checks the cache's estimate of a rendering
// against what the heap grows by when one is made and kept.
func TestRenderedBytesEstimate(t *testing.T) {
	n := parse(t, "c/big.md", string(loadtest.BigNote(200<<10)))
	v := vaultOf(n)
	for _, style := range []string{"dark", "notty"} {
		k := render.Key{Note: n, Width: 60, Style: style}
		before := heapInUse()
		r := newRendered(render.Render(v, k, render.NewStyles(style, true)))
		grown := heapInUse() - before
		if float64(grown) > 1.25*float64(r.size) || float64(grown) < 0.75*float64(r.size) {
			t.Errorf("%s: a rendering is estimated at %d bytes; the heap grew by %d", style, r.size, grown)
		}
		runtime.KeepAlive(r)
	}
}

// heapInUse is the bytes of live objects, after two collections (the
// second frees what finalizers of the first released).
func heapInUse() int {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int(ms.HeapAlloc)
}

// TestStaleRenderingSkipped: a rendering whose width was left before its
// command ran is not made; the one for the width now wanted is.
func TestStaleRenderingSkipped(t *testing.T) {
	v, n := seedNote(t)
	m := New(Options{Style: "notty"})
	m.SetSize(60, 20)
	first := m.Open(v, n, 0)
	second := m.SetSize(70, 20)
	msg := runRender(first)
	if msg != (skippedMsg{render.Key{Note: n, Width: 60, Style: "notty"}}) {
		t.Fatalf("the rendering at the width left gave %T", msg)
	}
	m, _ = m.Update(msg)
	m = settle(t, m, second)
	if m.doc.Key.Width != 70 || len(m.inflight) != 0 {
		t.Errorf("shown at width %d, %d renderings in flight", m.doc.Key.Width, len(m.inflight))
	}
}

// runRender runs the rendering command in cmd's batch and returns its
// message.
func runRender(cmd tea.Cmd) tea.Msg {
	for _, c := range cmd().(tea.BatchMsg) {
		switch msg := c().(type) {
		case renderedMsg, skippedMsg:
			return msg
		}
	}
	return nil
}
