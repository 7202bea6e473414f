// Package common holds what every pane of the browser shares: the key map,
// the styles, the messages panes send the root, and small formatting helpers.
package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"strconv"

	"tubenotes/model"
)

// Common is shared by the root and its panes; the root changes it in place
// (the background colour arrives after start) and panes read it when drawing.
type Common struct {
	Styles Styles
	Keys   KeyMap
}

// New is a Common with the default key map and dark styles.
func New(noColor bool) *Common {
	return &Common{Styles: NewStyles(true, noColor), Keys: DefaultKeyMap()}
}

// Clock formats seconds the way the timestamps badges show them: 0:28, 1:05,
// 1:02:03.
func Clock(seconds int) string {
	if seconds < 0 {
		seconds = 0
	}
	h, m, s := seconds/3600, seconds/60%60, seconds%60
	two := func(n int) string {
		if n < 10 {
			return "0" + strconv.Itoa(n)
		}
		return strconv.Itoa(n)
	}
	if h > 0 {
		return strconv.Itoa(h) + ":" + two(m) + ":" + two(s)
	}
	return strconv.Itoa(m) + ":" + two(s)
}

// OpenNoteMsg asks the root to open a note in the reader.
type OpenNoteMsg struct {
	Note        *model.Note
	FocusReader bool
}

// ScrollToSectionMsg asks the root to scroll the reader to a section of the
// open note.
type ScrollToSectionMsg struct{ Index int }

// OpenVideoMsg asks the root to open the note's video at one of its
// timestamps.
type OpenVideoMsg struct {
	Note      *model.Note
	Timestamp int  // index into Note.Timestamps; -1 opens the video at its start
	Copy      bool // copy the URL instead of opening it
}

// Fit cuts or pads a line to exactly w cells.
func Fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = ansi.Truncate(s, w, "…")
	if pad := w - ansi.StringWidth(s); pad > 0 {
		s += strings.Repeat(" ", pad)
	}
	return s
}
