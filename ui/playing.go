package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"tubenotes/model"
	engine "tubenotes/model/search"
	"tubenotes/ui/player"
)

// seekStep is how far the seek keys move the playhead, in seconds.
const seekStep = 10

// played is a timestamp of a note: the badge follow mode last scrolled to.
type played struct {
	note *model.Note
	ts   int
}

// playTimestamp asks the player for timestamp ts of n (-1: the video's
// start), with the section's title for its display. The request runs in a
// command, so no key waits on the player; how it went comes back as a
// player.DoneMsg.
func (m *Model) playTimestamp(n *model.Note, ts, seconds int) tea.Cmd {
	title := engine.Plain(n.Title)
	if ts >= 0 && ts < len(n.Timestamps) {
		if s := int(n.Timestamps[ts].Section); s >= 0 && s < len(n.Sections) {
			title = engine.Plain(n.Sections[s].Title)
		}
	}
	m.status.SetMessage("playing "+player.Clock(float64(seconds))+" · "+title, false)
	return player.PlayCmd(m.opts.Player, n.VideoID, seconds, title)
}

// playVideo asks the player for video id from its start, titled title.
func (m *Model) playVideo(id, title string) tea.Cmd {
	m.status.SetMessage("playing "+title, false)
	return player.PlayCmd(m.opts.Player, id, 0, title)
}

// playerKey handles the keys that steer the player; it reports false for
// any other key, or when there is no player.
func (m *Model) playerKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	p := m.opts.Player
	if p == nil {
		return nil, false
	}
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.PlayPause):
		return player.TogglePauseCmd(p), true
	case key.Matches(msg, k.SeekBack):
		return player.SeekByCmd(p, -seekStep), true
	case key.Matches(msg, k.SeekForward):
		return player.SeekByCmd(p, seekStep), true
	case key.Matches(msg, k.Follow):
		m.following = !m.following
		m.revealed = played{}
		if m.following {
			m.status.SetMessage("following the playhead ("+k.Follow.Help().Key+" stops)", false)
		} else {
			m.status.SetMessage("not following the playhead", false)
		}
		return nil, true
	case key.Matches(msg, k.Capture):
		return m.capture(), true
	}
	return nil, false
}

// capture copies the playhead as a timestamp anchor, the way y copies a
// URL.
func (m *Model) capture() tea.Cmd {
	if m.playhead == nil {
		m.status.SetMessage("nothing is playing: "+m.c.Keys.OpenVideo.Help().Key+" plays a moment", true)
		return nil
	}
	anchor := player.Anchor(m.playhead.Seconds)
	m.status.SetMessage("copied "+anchor, false)
	return tea.SetClipboard(anchor)
}

// playerKeys are the player's keys for the hint line and help: none
// until a player reports a playhead, as they do nothing before.
func (m Model) playerKeys(oneHint bool) []key.Binding {
	if m.playhead == nil {
		return nil
	}
	k := m.c.Keys
	if oneHint {
		return []key.Binding{k.PlayPause, k.SeekHint(), k.Follow, k.Capture}
	}
	return []key.Binding{k.PlayPause, k.SeekBack, k.SeekForward, k.Follow, k.Capture}
}

// onPlayhead keeps the newest playhead and listens for the next one.
func (m *Model) onPlayhead(h player.Playhead) tea.Cmd {
	m.playhead = &h
	return m.listen(m.opts.Player)
}

// onPlayerDone shows a request's error; success shows in the playhead.
func (m *Model) onPlayerDone(msg player.DoneMsg) {
	switch {
	case msg.Err != nil:
		m.status.SetMessage(msg.Err.Error(), true)
	case msg.Waiting:
		m.status.SetMessage("opening the player's page in the browser; it plays once loaded", false)
	}
}

// followPlayhead shows the playhead on the status line and marks the
// section played; with follow on, it marks the badge played and scrolls
// the reader to it whenever the player reaches another one (scrolling
// away meanwhile is the user's to do).
func (m *Model) followPlayhead() {
	if m.playhead == nil {
		return
	}
	m.status.SetPlayhead(m.playhead.Status())
	m.timeline.SetPlayhead(m.playhead.VideoID, int(m.playhead.Seconds), m.following)
	n := m.reader.Note()
	ts, section := -1, -1
	if n != nil && n.HasVideo() && n.VideoID == m.playhead.VideoID {
		ts = n.TimestampPlayed(m.playhead.Seconds)
	}
	if ts >= 0 {
		section = int(n.Timestamps[ts].Section)
	}
	m.sections.SetPlaying(section)
	if !m.following {
		m.reader.SetPlaying(-1)
		return
	}
	m.reader.SetPlaying(ts)
	if at := (played{n, ts}); ts >= 0 && at != m.revealed && m.reader.RevealTimestamp(ts) {
		m.revealed = at
	}
}
