package player

import (
	"fmt"
	"math"
)

// Anchor is the playhead as a timestamp anchor in the notes' own format,
// ready to paste into a note:
// <a class="yt-timestamp" data-t="00:12:05">[00:12:05]</a>.
func Anchor(seconds float64) string {
	t := hms(seconds)
	return `<a class="yt-timestamp" data-t="` + t + `">[` + t + `]</a>`
}

// hms is seconds as HH:MM:SS, rounded down; negative or unknown is 0.
func hms(seconds float64) string {
	s := wholeSeconds(seconds)
	return fmt.Sprintf("%02d:%02d:%02d", s/3600, s/60%60, s%60)
}

// Clock is seconds as the status line shows them: 12:05, or 1:02:03 from
// an hour on.
func Clock(seconds float64) string {
	s := wholeSeconds(seconds)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// Status is the playhead for the status line: "▶ 12:05 playing" or
// "⏸ 12:05 paused".
func (p Playhead) Status() string {
	if p.Paused {
		return "⏸ " + Clock(p.Seconds) + " paused"
	}
	return "▶ " + Clock(p.Seconds) + " playing"
}

// wholeSeconds floors seconds into [0, 100 h): a player's odd value never
// makes a long or negative stamp.
func wholeSeconds(seconds float64) int {
	const limit = 100*3600 - 1
	switch {
	case math.IsNaN(seconds) || seconds < 0:
		return 0
	case seconds > limit:
		return limit
	}
	return int(seconds)
}
