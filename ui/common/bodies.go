package common

import (
	tea "charm.land/bubbletea/v2"

	"tubenotes/model"
)

// BodiesLoadedMsg says that the texts of Notes are in memory now: a pane
// that drew them without (see LoadBodies) can draw them whole.
type BodiesLoadedMsg struct{ Notes []*model.Note }

// LoadBodies reads, in a command, the texts of those of notes a cache left
// on disk (model.Note.BodyLoaded is false): reading one is file I/O, never
// done in an Update or a View. Until its BodiesLoadedMsg comes, a pane
// draws such a note without what its text gives (a snippet, a moment).
// It is nil when every note is in memory.
func LoadBodies(notes ...*model.Note) tea.Cmd {
	var unread []*model.Note
	for _, n := range notes {
		if n != nil && !n.BodyLoaded() {
			unread = append(unread, n)
		}
	}
	if len(unread) == 0 {
		return nil
	}
	return func() tea.Msg {
		for _, n := range unread {
			n.Text() // kept: the pane reads it next
		}
		return BodiesLoadedMsg{Notes: unread}
	}
}
