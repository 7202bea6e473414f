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
		raw, ok := strings.CutPrefix(tag, ` class="yt-timestamp" data-t="`)
		if ok && raw != "" && strings.IndexByte(raw, '"') == len(raw)-1 {
			// The form every note generator writes, read without a search.
			raw = raw[:len(raw)-1]
		} else if !hasClass(tag, "yt-timestamp") {
			continue
		} else if raw, ok = attribute(tag, "data-t="); !ok {
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
// their anchors, belong to it, and so does a "[00:01:02]" written just
// before it: the anchor's badge says the time once.
func anchorSpan(l string, start, tagEnd int) (int, int) {
	end := tagEnd
	if k := indexCloseAnchor(l[tagEnd:]); k >= 0 {
		end = tagEnd + k + len("</a>")
	}
	before := l[:start]
	if strings.HasSuffix(before, "(") {
		if c := clockBefore(before[:len(before)-1]); c > 0 && end < len(l) && l[end] == ')' {
			return start - 1 - c, end + 1
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

// indexCloseAnchor is the index of the first "</a>", in either case, or -1.
func indexCloseAnchor(s string) int {
	for i := 0; ; {
		j := strings.Index(s[i:], "</")
		if j < 0 {
			return -1
		}
		i += j
		if len(s)-i >= 4 && (s[i+2] == 'a' || s[i+2] == 'A') && s[i+3] == '>' {
			return i
		}
		i += 2
	}
}

// attribute is the quoted value of the attribute inside tag (which starts
// with the space after the tag name) that nameEq, "name=", introduces.
func attribute(tag, nameEq string) (string, bool) {
	for i := 0; ; {
		j := strings.Index(tag[i:], nameEq)
		if j < 0 {
			return "", false
		}
		j += i
		i = j + len(nameEq)
		if j == 0 || (tag[j-1] != ' ' && tag[j-1] != '\t') {
			continue
		}
		if i >= len(tag) || (tag[i] != '"' && tag[i] != '\'') {
			return "", false
		}
		q := tag[i]
		end := strings.IndexByte(tag[i+1:], q)
		if end < 0 {
			return "", false
		}
		return tag[i+1 : i+1+end], true
	}
}

// hasClass reports whether tag's class attribute lists class.
func hasClass(tag, class string) bool {
	v, ok := attribute(tag, "class=")
	if !ok {
		return false
	}
	for v != "" {
		i := strings.Index(v, class)
		if i < 0 {
			return false
		}
		end := i + len(class)
		if (i == 0 || v[i-1] == ' ') && (end == len(v) || v[end] == ' ') {
			return true
		}
		v = v[end:]
	}
	return false
}
