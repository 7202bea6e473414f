package ui

import (
	"runtime"
	"strings"
	"testing"
	"time"
	"weak"

	tea "charm.land/bubbletea/v2"

	"tubenotes/loader/demo"
	"tubenotes/loader/loadtest"
	"tubenotes/model"
	engine "tubenotes/model/search"
)

// TestIndexFromTheLoadIsReadyAtOnce: a load that gives the index (a warm
// cache) has search ready with the vault, builds no other index, and hands
// that index to Indexed once, for the cache to be written.
func TestIndexFromTheLoadIsReadyAtOnce(t *testing.T) {
	v := loadVault(t, demo.FS())
	ready := engine.Build(v.Notes)
	var kept []*engine.Index
	h := loadedBrowser(t, Options{
		Load:  func(func(int, int)) (*model.Vault, error) { return v, nil },
		Index: func(*model.Vault) *engine.Index { return ready },
		Indexed: func(_ *model.Vault, ix *engine.Index) (*model.Vault, *engine.Index) {
			kept = append(kept, ix)
			return nil, nil
		},
	})
	if len(kept) != 1 || kept[0] != ready {
		t.Errorf("Indexed got %d indexes (the load's: %v), want the load's once", len(kept), len(kept) == 1 && kept[0] == ready)
	}
	h.press("s")
	h.typeText("gpus")
	if s := h.screen(); strings.Contains(s, "indexing") || !strings.Contains(s, "match") {
		t.Errorf("search not ready with the vault:\n%s", s)
	}
}

// TestIndexBuiltWhenTheLoadHasNone: without an index from the load, the
// browser builds one and hands it to Indexed.
func TestIndexBuiltWhenTheLoadHasNone(t *testing.T) {
	v := loadVault(t, demo.FS())
	var kept []*engine.Index
	loadedBrowser(t, Options{
		Load:  func(func(int, int)) (*model.Vault, error) { return v, nil },
		Index: func(*model.Vault) *engine.Index { return nil },
		Indexed: func(_ *model.Vault, ix *engine.Index) (*model.Vault, *engine.Index) {
			kept = append(kept, ix)
			return nil, nil
		},
	})
	if len(kept) != 1 || kept[0] == nil {
		t.Errorf("Indexed got %d indexes, want the built one", len(kept))
	}
}

// TestLighterVaultTakesOver: the lighter copy Indexed gives back (the
// cache's, texts read on demand) replaces the vault and index shown, the
// open note and search included, and the screen stays as it was.
func TestLighterVaultTakesOver(t *testing.T) {
	v := loadVault(t, demo.FS())
	light := loadVault(t, demo.FS())
	lightIndex := engine.Build(light.Notes)
	h := loadedBrowser(t, Options{
		Load:  func(func(int, int)) (*model.Vault, error) { return v, nil },
		Index: func(*model.Vault) *engine.Index { return nil },
		Indexed: func(got *model.Vault, _ *engine.Index) (*model.Vault, *engine.Index) {
			if got != v {
				t.Error("Indexed was not given the vault shown")
			}
			return light, lightIndex
		},
	})
	if h.m.vault != light || h.m.index != lightIndex {
		t.Fatalf("the lighter vault did not take over (vault %v, index %v)", h.m.vault == light, h.m.index == lightIndex)
	}
	if n := h.m.reader.Note(); n == nil || light.Note(n.Path) != n {
		t.Errorf("the open note is not the lighter vault's")
	}
	h.press("s")
	h.typeText("gpus")
	if s := h.screen(); !strings.Contains(s, "match") {
		t.Errorf("search after the swap:\n%s", s)
	}
}

// TestLighterVaultFreesTheOld: once the lighter vault took over, the notes
// of the vault it replaced are garbage: nothing of the browser keeps them.
func TestLighterVaultFreesTheOld(t *testing.T) {
	vaultFS := loadtest.Generate(300, 1)
	v := loadVault(t, vaultFS)
	old := make([]weak.Pointer[model.Note], len(v.Notes))
	for i, n := range v.Notes {
		old[i] = weak.Make(n)
	}
	light := loadVault(t, vaultFS)
	pending := v // handed over once, as a load does
	v = nil
	h := loadedBrowser(t, Options{
		Load: func(func(int, int)) (*model.Vault, error) {
			got := pending
			pending = nil
			return got, nil
		},
		Index: func(*model.Vault) *engine.Index { return nil },
		Indexed: func(*model.Vault, *engine.Index) (*model.Vault, *engine.Index) {
			return light, engine.Build(light.Notes)
		},
	})
	// A command the browser started may still be running on a loaded
	// machine, holding what it was given: collect until none is left, or
	// for a while.
	var alive []string
	for range 100 {
		runtime.GC()
		runtime.GC()
		alive = alive[:0]
		for _, p := range old {
			if n := p.Value(); n != nil {
				alive = append(alive, n.Path)
			}
		}
		if len(alive) == 0 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if len(alive) > 0 {
		t.Errorf("%d notes of the old vault still held: %v", len(alive), alive)
	}
	runtime.KeepAlive(h) // the browser, which must not hold them
}

// loadedBrowser is a browser with opts at 100×30, once its load (opts.Load,
// opts.Index) is done and handed to opts.Indexed.
func loadedBrowser(t *testing.T, opts Options) *harness {
	t.Helper()
	opts.Opener, opts.Style = &fakeOpener{}, "notty"
	m := New(opts)
	h := &harness{t: t, m: m}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.send(m.loadCmd()())
	return h
}
