package ui

import (
	"runtime/debug"
	"time"

	tea "charm.land/bubbletea/v2"

	"tubenotes/model"
	engine "tubenotes/model/search"
	"tubenotes/ui/notes"
	"tubenotes/ui/start"
)

// loadProgressMsg is how far loading has got.
type loadProgressMsg struct{ done, total int }

// loadedMsg ends loading. The notes pane's listing is made in the
// command too, so no update waits for it.
type loadedMsg struct {
	vault   *model.Vault
	listing *notes.Listing
	index   *engine.Index // nil when it has to be built
	err     error
}

// loadCmd loads the vault. Progress goes into the channel without ever
// blocking the loader (a report is dropped while the last one is unread);
// the channel is closed when loading ends.
func (m Model) loadCmd() tea.Cmd {
	load, index, ch := m.opts.Load, m.opts.Index, m.progress
	return func() tea.Msg {
		defer close(ch)
		v, err := load(func(done, total int) {
			select {
			case ch <- loadProgressMsg{done, total}:
			default:
			}
		})
		if err != nil {
			return loadedMsg{err: err}
		}
		msg := loadedMsg{vault: v, listing: notes.List(v)}
		if index != nil {
			msg.index = index(v)
		}
		return msg
	}
}

// waitProgress delivers the next progress report, nothing once loading
// has ended.
func waitProgress(ch <-chan loadProgressMsg) tea.Cmd {
	return func() tea.Msg {
		p, ok := <-ch
		if !ok {
			return nil
		}
		return p
	}
}

// indexPath is the vault's index page, the note a vault opens at.
const indexPath = "index.md"

// startNote is the note opened when the vault is loaded: the vault's
// index page, or the start page when that is empty or missing. The
// index's text must be read (begin sees to it).
func (m Model) startNote(v *model.Vault) *model.Note {
	index := v.Note(indexPath)
	if !start.IsEmpty(index) {
		return index
	}
	o := start.Options{Keys: m.c.Keys}
	if index != nil {
		o.Title = index.Title
	}
	o.Recent, o.Bookmarks = m.startLists()
	return start.Page(v, o)
}

// keepCmd hands the vault and its index to Options.Indexed, in a command
// of its own: writing a cache takes a while and the screen is up already.
func (m Model) keepCmd(ix *engine.Index) tea.Cmd {
	indexed, v := m.opts.Indexed, m.vault
	if indexed == nil || v == nil || ix == nil {
		return nil
	}
	return func() tea.Msg {
		lv, lix := indexed(v, ix)
		if lv == nil || lix == nil {
			return nil
		}
		msg := lighterMsg{old: v, vault: lv, index: lix}
		if !notes.SameTree(v, lv) { // channel pages are notes of their own
			msg.listing = notes.List(lv)
		}
		return msg
	}
}

// freeAfter is how long after the lighter vault took over the memory of
// the old one is given back: time for the commands that still hold it
// (drawing the open note again) to end.
const freeAfter = 2 * time.Second

// lighterMsg is the vault shown, as a cache holds it: the same notes,
// their texts read on demand.
type lighterMsg struct {
	old     *model.Vault
	vault   *model.Vault
	listing *notes.Listing // nil when the tree is the same (notes.SameTree)
	index   *engine.Index
}

// lighter shows the lighter vault in place of the one it is a copy of,
// unless that changed or is being read again since. Nothing on screen
// moves: the tree keeps its folds and cursor, the open note is drawn again
// in place.
func (m *Model) lighter(msg lighterMsg) tea.Cmd {
	if m.vault != msg.old || m.live.refreshing || len(m.live.queued) > 0 || m.live.indexGen != m.live.indexed {
		return nil
	}
	cmd := m.refreshed(refreshedMsg{vault: msg.vault, listing: msg.listing, index: msg.index})
	// The old vault's texts are garbage once the commands still working
	// on it end: give their pages back then, as the browser will sit idle
	// with what it holds.
	return tea.Batch(cmd, tea.Tick(freeAfter, func(time.Time) tea.Msg { debug.FreeOSMemory(); return nil }))
}
