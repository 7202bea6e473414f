package loader

import (
	"strings"

	"tubenotes/model"
)

// maxField is the most digits a timestamp field may have, so that seconds
// never overflow.
const maxField = 9

// clock is a data-t value split into its fields.
type clock struct {
	fields [4]int
	n      int // number of fields: 2, 3 or 4 when valid
	valid  bool
}

// parseClock reads mm:ss, h:mm:ss or h:mm:ss:ff. Every field must be all
// digits; the leading one is unbounded, the minutes and seconds after it
// are 0..59, and the fourth (frames) is only checked for digits.
func parseClock(raw string) clock {
	var c clock
	for {
		field, rest, more := strings.Cut(raw, ":")
		if c.n == len(c.fields) || field == "" || len(field) > maxField {
			return clock{}
		}
		v := 0
		for i := 0; i < len(field); i++ {
			if field[i] < '0' || field[i] > '9' {
				return clock{}
			}
			v = v*10 + int(field[i]-'0')
		}
		c.fields[c.n] = v
		c.n++
		if !more {
			break
		}
		raw = rest
	}
	if c.n < 2 {
		return clock{}
	}
	for i := 1; i < c.n && i < 3; i++ {
		if c.fields[i] > 59 {
			return clock{}
		}
	}
	c.valid = true
	return c
}

// seconds is the time c names; msReading reads three fields as mm:ss:00.
func (c clock) seconds(msReading bool) int {
	f := c.fields
	switch {
	case c.n == 2:
		return f[0]*60 + f[1]
	case c.n == 3 && msReading:
		return f[0]*60 + f[1]
	}
	return f[0]*3600 + f[1]*60 + f[2]
}

// readsAsMinutes applies the mm:ss:00 rule to a note's timestamps: two or
// more valid three-part values other than 00:00:00, all ending in :00.
func readsAsMinutes(stamps []model.Timestamp) bool {
	count := 0
	for _, ts := range stamps {
		c := parseClock(ts.Raw)
		if !c.valid || c.n != 3 || c.fields == [4]int{} {
			continue
		}
		if c.fields[2] != 0 {
			return false
		}
		count++
	}
	return count >= 2
}

// readTimestamps gives the anchors found in a note (Raw and Line set)
// their seconds and section. Clocks are parsed twice, as that costs less
// than keeping them.
func readTimestamps(n *model.Note, mode TimestampMode) {
	msReading := mode == TimestampsMS || mode == TimestampsAuto && readsAsMinutes(n.Timestamps)
	for i := range n.Timestamps {
		ts := &n.Timestamps[i]
		c := parseClock(ts.Raw)
		ts.Valid = c.valid
		if c.valid {
			ts.Seconds = c.seconds(msReading)
		}
		ts.Section = n.SectionAt(ts.Line)
	}
}

// appendStamps adds the data-t value of every yt-timestamp anchor of line l.
func appendStamps(stamps []model.Timestamp, l string, line int) []model.Timestamp {
	for {
		i := strings.Index(l, "<a")
		if i < 0 {
			return stamps
		}
		end := strings.IndexByte(l[i:], '>')
		if end < 0 {
			return stamps
		}
		tag := l[i : i+end]
		l = l[i+end+1:]
		if len(tag) < 3 || (tag[2] != ' ' && tag[2] != '\t') || !hasClass(tag, "yt-timestamp") {
			continue
		}
		if raw, ok := attribute(tag, "data-t"); ok {
			stamps = append(stamps, model.Timestamp{Raw: raw, Line: line})
		}
	}
}

// attribute is the quoted value of attribute name inside tag.
func attribute(tag, name string) (string, bool) {
	for i := 0; ; {
		j := strings.Index(tag[i:], name+"=")
		if j < 0 {
			return "", false
		}
		j += i
		i = j + len(name) + 1
		if b := tag[j-1]; b != ' ' && b != '\t' {
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
	v, ok := attribute(tag, "class")
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
