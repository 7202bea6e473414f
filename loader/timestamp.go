package loader

import (
	"math"
	"strings"

	"tubenotes/model"
)

// maxField is the most digits a timestamp field may have, so that seconds
// never overflow an int before they are checked against maxSeconds.
const maxField = 9

// maxSeconds is the largest time a timestamp holds (68 years): a
// model.Timestamp keeps its seconds in 32 bits.
const maxSeconds = math.MaxInt32

// clock is a data-t value split into its fields.
type clock struct {
	fields [4]int
	n      int // number of fields: 2, 3 or 4 when valid
	valid  bool
}

// parseClock reads mm:ss, h:mm:ss or h:mm:ss:ff. Every field must be all
// digits; the leading one is unbounded, the minutes and seconds after it
// are 0..59, and the fourth (frames) is only checked for digits. A time
// over maxSeconds is out of range too.
func parseClock(raw string) clock {
	var c clock
	v, digits := 0, 0
	for i := 0; i <= len(raw); i++ {
		if i == len(raw) || raw[i] == ':' {
			if digits == 0 || c.n == len(c.fields) {
				return clock{}
			}
			c.fields[c.n] = v
			c.n++
			v, digits = 0, 0
			continue
		}
		if raw[i] < '0' || raw[i] > '9' || digits == maxField {
			return clock{}
		}
		v = v*10 + int(raw[i]-'0')
		digits++
	}
	if c.n < 2 {
		return clock{}
	}
	for i := 1; i < c.n && i < 3; i++ {
		if c.fields[i] > 59 {
			return clock{}
		}
	}
	c.valid = c.seconds() <= maxSeconds
	return c
}

// seconds is the time c names, reading three fields as h:mm:ss.
func (c clock) seconds() int {
	f := c.fields
	if c.n == 2 {
		return f[0]*60 + f[1]
	}
	return f[0]*3600 + f[1]*60 + f[2]
}

// readTimestamps gives the anchors found in a note (Raw and Line set)
// their seconds and section, applying the mm:ss:00 rule in auto mode: two
// or more valid three-part values other than 00:00:00, all ending in :00,
// make every three-part value read as mm:ss:00.
func readTimestamps(n *model.Note, mode TimestampMode) {
	endingInZero, notEndingInZero := 0, 0
	section := -1 // timestamps come in line order, so their sections do too
	for i := range n.Timestamps {
		ts := &n.Timestamps[i]
		for section+1 < len(n.Sections) && n.Sections[section+1].Line <= int(ts.Line) {
			section++
		}
		ts.Section = int32(section)
		c := parseClock(ts.Raw)
		ts.Valid = c.valid
		if c.valid {
			ts.Seconds = int32(c.seconds())
			if c.n == 3 && ts.Seconds > 0 {
				if c.fields[2] == 0 {
					endingInZero++
				} else {
					notEndingInZero++
				}
			}
		}
	}
	if mode == TimestampsMS || mode == TimestampsAuto && endingInZero >= 2 && notEndingInZero == 0 {
		for i := range n.Timestamps {
			// h:mm:ss read as mm:ss:xx is the same value divided by 60.
			if ts := &n.Timestamps[i]; ts.Valid && strings.Count(ts.Raw, ":") == 2 {
				ts.Seconds /= 60
			}
		}
	}
}

// appendStamps adds the data-t value of every yt-timestamp anchor of line l.
// It stops at each "<": searching for the class name instead costs more,
// as its first letter is common in prose.
func appendStamps(stamps []model.Timestamp, l string, line int) []model.Timestamp {
	for {
		i := strings.IndexByte(l, '<')
		if i < 0 {
			return stamps
		}
		l = l[i+1:]
		if len(l) < 2 || l[0] != 'a' || (l[1] != ' ' && l[1] != '\t') {
			continue
		}
		end := strings.IndexByte(l, '>')
		if end < 0 {
			return stamps
		}
		tag := l[1:end] // the attributes, from the space after "a"
		l = l[end+1:]
		if raw, ok := model.TimestampTag(tag); ok {
			stamps = append(stamps, model.Timestamp{Raw: raw, Line: int32(line)})
		}
	}
}
