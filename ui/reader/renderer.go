package reader

import (
	"sync/atomic"

	tea "charm.land/bubbletea/v2"

	"tubenotes/ui/render"
)

// renderer runs the reader's rendering commands one at a time, and skips
// those no longer wanted when their turn comes: a storm of resizes of a
// big note would otherwise hold a rendering per width in memory at once.
// Update says what it wants (want); the commands only read it.
type renderer struct {
	slot   chan struct{}
	wanted atomic.Pointer[render.Key]
}

// skippedMsg reports a rendering not made: another was wanted by then.
type skippedMsg struct{ key render.Key }

func newRenderer() *renderer { return &renderer{slot: make(chan struct{}, 1)} }

// want records the rendering the pane needs now.
func (r *renderer) want(k render.Key) { r.wanted.Store(&k) }

// command makes the rendering of k with build, in its turn, unless by
// then another key is wanted.
func (r *renderer) command(k render.Key, build func() *rendered) tea.Cmd {
	return func() tea.Msg {
		r.slot <- struct{}{}
		defer func() { <-r.slot }()
		if w := r.wanted.Load(); w == nil || *w != k {
			return skippedMsg{k}
		}
		return renderedMsg{build()}
	}
}
