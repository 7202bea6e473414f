package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"tubenotes/ui/backlinks"
	"tubenotes/ui/common"
	"tubenotes/ui/notes"
	"tubenotes/ui/reader"
	"tubenotes/ui/searchview"
	"tubenotes/ui/sections"
	"tubenotes/ui/timelineview"
)

// pane is what every pane is to the root (soft-serve's common.Component,
// crush's dialogs): it takes a size, takes messages (keys only while its
// mode gives it the keyboard), draws itself as a string of exactly its
// size, brings the keys it reads as a help.KeyMap (ShortHelp for the hint
// line, FullHelp for the ? screen) and queues what it asks of the root as
// typed actions, which the root takes straight after each key.
type pane[P any] interface {
	SetSize(w, h int) tea.Cmd
	Update(tea.Msg) (P, tea.Cmd)
	View() string
	help.KeyMap
	Take() []common.Action
}

var (
	_ pane[notes.Model]        = (*notes.Model)(nil)
	_ pane[sections.Model]     = (*sections.Model)(nil)
	_ pane[backlinks.Model]    = (*backlinks.Model)(nil)
	_ pane[reader.Model]       = (*reader.Model)(nil)
	_ pane[searchview.Model]   = (*searchview.Model)(nil)
	_ pane[timelineview.Model] = (*timelineview.Model)(nil)
)
