package player

import (
	"context"

	tea "charm.land/bubbletea/v2"
)

// PlayheadMsg is a playhead update, delivered by Listen.
type PlayheadMsg struct{ Playhead }

// DoneMsg reports how a request to the player went; Err is a one-line
// error for the status line, nil on success.
type DoneMsg struct {
	Action string // "play", "pause" or "seek"
	Err    error
}

// Listen waits for the next playhead. The UI returns Listen again on each
// PlayheadMsg, so one is always waiting.
func Listen(p Player) tea.Cmd {
	updates := p.Updates()
	return func() tea.Msg { return PlayheadMsg{<-updates} }
}

// PlayCmd plays videoID at seconds, title shown briefly.
func PlayCmd(p Player, videoID string, seconds int, title string) tea.Cmd {
	return func() tea.Msg {
		return DoneMsg{"play", p.Play(context.Background(), videoID, seconds, title)}
	}
}

// TogglePauseCmd pauses or resumes.
func TogglePauseCmd(p Player) tea.Cmd {
	return func() tea.Msg { return DoneMsg{"pause", p.TogglePause(context.Background())} }
}

// SeekByCmd moves the playhead by seconds.
func SeekByCmd(p Player, seconds int) tea.Cmd {
	return func() tea.Msg { return DoneMsg{"seek", p.SeekBy(context.Background(), seconds)} }
}
