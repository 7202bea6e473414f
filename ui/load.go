package ui

import (
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

// startNote is the note opened when the vault is loaded: the vault's
// index page, or the start page when that is empty or missing.
func (m Model) startNote(v *model.Vault) *model.Note {
	index := v.Note("index.md")
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
		indexed(v, ix)
		return nil
	}
}
