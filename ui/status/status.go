// Package status is the line at the bottom of the browser: where you are,
// the last message, and the vault's note count or loading progress.
package status

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"tubenotes/ui/common"
	"tubenotes/ui/safe"
)

// Model is the status line.
type Model struct {
	c     *common.Common
	width int

	loading     bool
	done, total int
	notes       int

	crumbs   []string
	message  string
	isError  bool
	find     string // the find-in-note segment, "" when no query
	playhead string // "▶ 12:05 playing", "" when no player reports
}

// New is the status line of a vault being loaded.
func New(c *common.Common) Model { return Model{c: c, loading: true} }

// SetWidth sets the line's width.
func (m *Model) SetWidth(w int) { m.width = max(w, 0) }

// SetProgress shows how many of the vault's files are read.
func (m *Model) SetProgress(done, total int) { m.done, m.total = done, total }

// SetLoaded ends loading and shows the note count.
func (m *Model) SetLoaded(notes int) { m.loading, m.notes = false, notes }

// SetCrumbs shows where the reader is: channel › title › section. Empty
// parts are left out; every part is cleaned for the terminal.
func (m *Model) SetCrumbs(parts ...string) {
	m.crumbs = m.crumbs[:0]
	for _, p := range parts {
		if p = safe.Line(p); p != "" {
			m.crumbs = append(m.crumbs, p)
		}
	}
}

// SetMessage shows a message (an error in the error style) in place of the
// crumbs until ClearMessage.
func (m *Model) SetMessage(msg string, isError bool) {
	m.message, m.isError = safe.Line(msg), isError
}

// ClearMessage brings the crumbs back.
func (m *Model) ClearMessage() { m.message, m.isError = "", false }

// SetFind shows the find-in-note query and where its matches are: cur of
// total (cur 0 when none is current). While the query is typed, input is
// its input as drawn (prompt, text and cursor) and stands in for the
// query; "" otherwise. An empty query not being typed hides it.
func (m *Model) SetFind(query, input string, cur, total int) {
	if query == "" && input == "" {
		m.find = ""
		return
	}
	m.find = "/" + safe.Line(query)
	if input != "" {
		m.find = input
	}
	switch {
	case query == "":
	case total == 0:
		m.find += "  no match"
	default:
		m.find += "  " + strconv.Itoa(cur) + "/" + strconv.Itoa(total)
	}
}

// SetFindMoment adds the current match's moment (a clock, "" for none)
// after the find segment SetFind made.
func (m *Model) SetFindMoment(clock string) {
	if m.find != "" && clock != "" {
		m.find += "  ▶ " + clock
	}
}

// SetPlayhead shows where the player is ("▶ 12:05 playing"); "" hides it.
func (m *Model) SetPlayhead(s string) { m.playhead = safe.Line(s) }

// Message is the message shown, "" when none.
func (m Model) Message() string { return m.message }

// barWidth is the width of the loading bar in cells.
const barWidth = 20

// View is the status line, exactly width cells.
func (m Model) View() string {
	if m.width <= 0 {
		return ""
	}
	st := m.c.Styles
	right := strconv.Itoa(m.notes) + " notes"
	if m.notes == 1 {
		right = "1 note"
	}
	if m.loading {
		right = "loading"
		if m.total > 0 {
			filled := barWidth * min(m.done, m.total) / m.total
			right = "loading " + st.Progress.Render(strings.Repeat("█", filled)) +
				st.Dim.Render(strings.Repeat("░", barWidth-filled)) +
				" " + strconv.Itoa(m.done) + "/" + strconv.Itoa(m.total)
		}
	}
	right = " " + right + " "
	if m.playhead != "" {
		right = " " + st.Current.Render(m.playhead) + "  " + right
		if ansi.StringWidth(right) > m.width/2 { // the playhead matters more than the count
			right = " " + st.Current.Render(m.playhead) + " "
		}
	}
	if m.find != "" {
		find := " " + st.Current.Render(m.find) + " "
		right = find + " " + right
		if ansi.StringWidth(right) > m.width/2 && ansi.StringWidth(find) <= m.width*2/3 {
			right = find // the find matters more than the count and the playhead
		}
	}
	if ansi.StringWidth(right) > m.width*2/3 || m.find == "" && ansi.StringWidth(right) > m.width/2 {
		right = ""
	}
	left := " " + st.Status.Render(strings.Join(m.crumbs, " › "))
	if m.message != "" {
		style := st.Status
		if m.isError {
			style = st.StatusError
		}
		left = " " + style.Render(m.message)
	}
	if m.message != "" && ansi.StringWidth(left)+ansi.StringWidth(right) > m.width {
		right = "" // a message (often a URL to copy) matters more than the count
	}
	room := m.width - ansi.StringWidth(right)
	return common.Fit(left, room) + right
}
