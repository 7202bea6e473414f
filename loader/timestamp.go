package loader

import (
	"math"
	"slices"
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
// their seconds, section and doubt. In auto mode a three-part value a:b:c
// reads as h:mm:ss unless:
//   - the note writes its third fields as filler: one value of the third
//     field (commonly 00) makes up at least half of the note's three-part
//     values (00:00:00 aside, two at least), and one of the values ending
//     in it has a first field over 0 (00:mm:00 values alone read the same
//     as minutes). Then every three-part value reads as mm:ss:ff;
//   - its h:mm:ss reading is implausible beside the note's others (see
//     plausibleBound). Then it reads as mm:ss:ff.
//
// Whatever the mode, a reading still implausible is marked Doubtful.
func readTimestamps(n *model.Note, mode TimestampMode) {
	var lastFields [60]int32 // how many three-part values end in each
	var leading [60]bool     // whether one of them has a first field over 0
	threePart, section := int32(0), -1
	for i := range n.Timestamps {
		ts := &n.Timestamps[i]
		for section+1 < len(n.Sections) && n.Sections[section+1].Line <= int(ts.Line) {
			section++ // timestamps come in line order, so their sections do too
		}
		ts.Section = int32(section)
		c := parseClock(ts.Raw)
		ts.Valid = c.valid
		if c.valid {
			ts.Seconds = int32(c.seconds())
			if c.n == 3 && ts.Seconds > 0 {
				lastFields[c.fields[2]]++
				leading[c.fields[2]] = leading[c.fields[2]] || c.fields[0] > 0
				threePart++
			}
		}
	}
	filler := false
	if commonest := slices.Max(lastFields[:]); commonest >= 2 && 2*commonest >= threePart {
		filler = leading[slices.Index(lastFields[:], commonest)]
	}
	if mode == TimestampsMS || mode == TimestampsAuto && filler {
		for i := range n.Timestamps {
			if ts := &n.Timestamps[i]; isThreePart(ts) {
				ts.Seconds /= 60 // h:mm:ss read as mm:ss:ff is the same value divided by 60
			}
		}
	}
	if mode == TimestampsAuto && !filler {
		bound := plausibleBound(n.Timestamps)
		for i := range n.Timestamps {
			if ts := &n.Timestamps[i]; ts.Seconds > bound && isThreePart(ts) {
				ts.Seconds /= 60
			}
		}
	}
	bound := plausibleBound(n.Timestamps)
	for i := range n.Timestamps {
		ts := &n.Timestamps[i]
		ts.Doubtful = ts.Valid && ts.Seconds > bound
	}
}

// isThreePart reports whether ts is a valid a:b:c value.
func isThreePart(ts *model.Timestamp) bool {
	return ts.Valid && strings.Count(ts.Raw, ":") == 2
}

// plausibleBound is model.PlausibleBound of the median of the note's
// valid times not past model.MaxVideoSeconds.
func plausibleBound(stamps []model.Timestamp) int32 {
	least := model.PlausibleBound(0)
	latest := int32(0)
	for _, ts := range stamps {
		if ts.Valid {
			latest = max(latest, ts.Seconds)
		}
	}
	if latest <= least {
		return least // nothing is past any bound: spare the sort
	}
	seconds := make([]int32, 0, 64)
	for _, ts := range stamps {
		if ts.Valid && ts.Seconds <= model.MaxVideoSeconds {
			seconds = append(seconds, ts.Seconds)
		}
	}
	if len(seconds) == 0 {
		return model.MaxVideoSeconds
	}
	slices.Sort(seconds)
	return model.PlausibleBound(seconds[len(seconds)/2])
}

// appendStamps adds the data-t value of every yt-timestamp anchor of line
// l, which starts at byte off of the note, and the anchor's span (see
// model.Note.TimestampSpan) to spans. It stops at each "<": searching for
// the class name instead costs more, as its first letter is common in
// prose.
func appendStamps(stamps []model.Timestamp, spans []uint32, l string, off, line int) ([]model.Timestamp, []uint32) {
	for i := 0; ; {
		j := strings.IndexByte(l[i:], '<')
		if j < 0 {
			return stamps, spans
		}
		start := i + j
		i = start + 1
		if len(l)-i < 2 || l[i] != 'a' || (l[i+1] != ' ' && l[i+1] != '\t') {
			continue
		}
		end := strings.IndexByte(l[i:], '>')
		if end < 0 {
			return stamps, spans
		}
		tag := l[i+1 : i+end] // the attributes, from the space after "a"
		i += end + 1
		raw, ok := timestampTag(tag)
		if !ok {
			continue
		}
		stamps = append(stamps, model.Timestamp{Raw: raw, Line: int32(line)})
		a, z := anchorSpan(l, start, i)
		spans = append(spans, uint32(off+a), uint32(off+z))
		i = max(i, z)
	}
}

// anchorSpan is where the anchor whose opening tag is l[start:tagEnd] ends:
// past its "</a>" on the line, else past the opening tag. A "[00:01:02]("
// before it and a ")" after it, a markdown link some notes wrap around
// their anchors, belong to it (the "[00:01:02](" alone when the ")" is
// missing), and so does a "[00:01:02]" written just before it: the
// anchor's badge says the time once.
func anchorSpan(l string, start, tagEnd int) (int, int) {
	end := tagEnd
	if k := model.IndexCloseAnchor(l[tagEnd:]); k >= 0 {
		end = tagEnd + k + len("</a>")
	}
	before := l[:start]
	if strings.HasSuffix(before, "(") {
		if c := clockBefore(before[:len(before)-1]); c > 0 {
			if end < len(l) && l[end] == ')' {
				return start - 1 - c, end + 1
			}
			return start - 1 - c, end
		}
	}
	return start - clockBefore(before), end
}

// clockBefore is the length of a "[00:01:02]" (digits and colons in
// brackets) that s ends with, or 0.
func clockBefore(s string) int {
	if !strings.HasSuffix(s, "]") {
		return 0
	}
	i := len(s) - 2
	for i >= 0 && (s[i] >= '0' && s[i] <= '9' || s[i] == ':') {
		i--
	}
	if i < 0 || s[i] != '[' || i == len(s)-2 || i > 0 && s[i-1] == '[' {
		return 0
	}
	return len(s) - i
}
