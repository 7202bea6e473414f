// Package common holds what every pane of the browser shares: the key map,
// the styles, the actions panes ask of the root, and small formatting helpers.
package common

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

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

// MomentClock is timestamp ts of n as its badge shows it, "?" after a
// doubtful time; "" for none (ts -1).
func MomentClock(n *model.Note, ts int) string {
	if n == nil || ts < 0 || ts >= len(n.Timestamps) {
		return ""
	}
	c := Clock(int(n.Timestamps[ts].Seconds))
	if n.Timestamps[ts].Doubtful {
		c += "?"
	}
	return c
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

// SameTimestamp is the index in n of old's timestamp i (the same text on
// the same line): where a timestamp is in a note read again. -1 when n has
// none such.
func SameTimestamp(old *model.Note, i int, n *model.Note) int {
	if i < 0 || i >= len(old.Timestamps) {
		return -1
	}
	want := old.Timestamps[i]
	for j, ts := range n.Timestamps {
		if ts.Line == want.Line && ts.Raw == want.Raw {
			return j
		}
	}
	return -1
}

// Plural is n and what it counts, one or many: "1 note", "3 notes".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
