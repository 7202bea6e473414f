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
	// Waiting: the play went to a window still opening (Waiter), so
	// nothing plays yet.
	Waiting bool
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
		msg := DoneMsg{Action: "play", Err: p.Play(context.Background(), videoID, seconds, title)}
		if w, ok := p.(Waiter); ok && msg.Err == nil {
			msg.Waiting = w.Waiting()
		}
		return msg
	}
}

// TogglePauseCmd pauses or resumes.
func TogglePauseCmd(p Player) tea.Cmd {
	return func() tea.Msg { return DoneMsg{Action: "pause", Err: p.TogglePause(context.Background())} }
}

// SeekByCmd moves the playhead by seconds.
func SeekByCmd(p Player, seconds int) tea.Cmd {
	return func() tea.Msg { return DoneMsg{Action: "seek", Err: p.SeekBy(context.Background(), seconds)} }
}
