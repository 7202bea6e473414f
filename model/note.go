// Package model holds the plain types of a notes vault and the queries the
// browser and the commands ask of it. It does no I/O.
package model

import "strconv"

// Note is one markdown file of a vault.
type Note struct {
	Path    string // slash-separated, relative to the vault root
	Channel string // from the "From: [[x]]" line, else the top folder
	// FromLine is the line that named the channel, 0 when the folder did.
	FromLine int
	Title    string // frontmatter title, else first # heading, else the file name made readable
	VideoID  string // frontmatter videoId as written, "" if none

	// BodyLine is the first line after the frontmatter (1 when there is none).
	BodyLine int

	Sections   []Section
	Timestamps []Timestamp
	Links      []Link

	// The note's text and spans: see Text and Spans. A note read from a
	// cache has them loaded on first use (lazy), so that a start shows the
	// vault without decompressing every note.
	text     string
	spans    []uint16
	lazy     *lazyBody
	lineInfo *lineCache // for text; a lazy note's is in lazy
}

// Section is a heading of a note.
type Section struct {
	Title string
	Level int // 1 for #, 6 for ######; setext: 1 for ===, 2 for ---
	Line  int
}

// Timestamp is one yt-timestamp anchor of a note. A vault holds tens of
// them per note, so the numbers are 32 bits: 32 bytes a timestamp, not 48.
type Timestamp struct {
	Raw     string // the data-t value as written
	Seconds int32  // meaningful only when Valid
	Line    int32
	Section int32 // index into the note's Sections, -1 before the first heading
	Valid   bool
	// Doubtful marks a valid time implausible beside the note's others
	// (the loader says how it decides). It is still openable.
	Doubtful bool
}

// Link is one [[wikilink]] of a note.
type Link struct {
	Target   string // the note part, as written, trimmed
	Heading  string // the part after #, "" if none
	Label    string // the part after |, else Target
	Line     int
	Resolved string // path of the note it names, "" when dangling
}

// Dangling reports whether the link names no note of the vault.
func (l Link) Dangling() bool { return l.Resolved == "" }

// HasVideo reports whether the note's videoId has the shape of a YouTube id,
// the one condition for any URL to be made from it.
func (n *Note) HasVideo() bool { return ValidVideoID(n.VideoID) }

// ValidVideoID reports whether id matches ^[A-Za-z0-9_-]{11}$.
func ValidVideoID(id string) bool {
	if len(id) != 11 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// VideoURL is the watch URL of id at second, or "" when id is not a valid
// video id or seconds is negative. Nothing else from a note goes into it.
func VideoURL(id string, seconds int) string {
	if !ValidVideoID(id) || seconds < 0 {
		return ""
	}
	return "https://www.youtube.com/watch?v=" + id + "&t=" + strconv.Itoa(seconds) + "s"
}

// TimestampURL is the URL that opens the note's video at timestamp i, or ""
// when the timestamp is invalid or the note has no valid videoId.
func (n *Note) TimestampURL(i int) string {
	if i < 0 || i >= len(n.Timestamps) || !n.Timestamps[i].Valid {
		return ""
	}
	return VideoURL(n.VideoID, int(n.Timestamps[i].Seconds))
}

// Openable reports whether timestamp i has a URL.
func (n *Note) Openable(i int) bool { return n.TimestampURL(i) != "" }

// SectionAt is the index of the section that line falls in, -1 before the
// first heading.
func (n *Note) SectionAt(line int) int {
	lo, hi := 0, len(n.Sections)
	for lo < hi { // first section starting after line
		mid := (lo + hi) / 2
		if n.Sections[mid].Line <= line {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo - 1
}

// SectionEnd is the last line of section i (the line before the next heading
// of any level, or the last line of the note).
func (n *Note) SectionEnd(i int) int {
	if i+1 < len(n.Sections) {
		return n.Sections[i+1].Line - 1
	}
	return n.LineCount()
}

// LineCount is the number of lines of the note's text.
func (n *Note) LineCount() int {
	text := n.Text()
	if text == "" {
		return 0
	}
	// A final newline ends the last line; it does not start another.
	lines := n.lines().lines // the line after a final newline counts there
	if text[len(text)-1] == '\n' {
		return lines - 1
	}
	return lines
}

// SectionTimestamps are the indexes of the timestamps inside section i
// (-1 for the intro), in order.
func (n *Note) SectionTimestamps(i int) []int {
	var out []int
	for j, ts := range n.Timestamps {
		if int(ts.Section) == i {
			out = append(out, j)
		}
	}
	return out
}

// FirstTimestamp is the index of the first openable timestamp of section i,
// or -1 when it has none.
func (n *Note) FirstTimestamp(section int) int {
	for _, j := range n.SectionTimestamps(section) {
		if n.Openable(j) {
			return j
		}
	}
	return -1
}

// TimestampAbove is the index of the last openable timestamp on or before
// line, or -1 when there is none.
func (n *Note) TimestampAbove(line int) int {
	best := -1
	for j, ts := range n.Timestamps {
		if int(ts.Line) > line {
			break
		}
		if n.Openable(j) {
			best = j
		}
	}
	return best
}

// TimestampPlayed is the index of the timestamp being played when the
// video is at seconds: the valid timestamp latest in time at or before
// seconds (the first of equal ones, in note order), or -1 when every one
// is later or there is none.
func (n *Note) TimestampPlayed(seconds float64) int {
	best := -1
	for j, ts := range n.Timestamps {
		if !ts.Valid || float64(ts.Seconds) > seconds {
			continue
		}
		if best < 0 || ts.Seconds > n.Timestamps[best].Seconds {
			best = j
		}
	}
	return best
}
