package cache

import (
	"fmt"
	"strings"

	"tubenotes/model"
)

// checkNote refuses a decoded note whose numbers do not fit its text: a
// span outside it or out of order, a line past its end, a section number
// that is none of its sections. The checksum only tells a damaged file; a
// forged one with a right checksum must not make a reader slice or index
// out of range. Strings that are parts of the text are checked as they
// are read (reader.sub).
func checkNote(n *model.Note) error {
	if !n.SpansConsistent() {
		return fmt.Errorf("%w: %s: spans do not fit the text", errCorrupt, n.Path)
	}
	lines := strings.Count(n.Text(), "\n") + 1
	line := func(l int) bool { return l >= 0 && l <= lines }
	ok := line(n.FromLine) && line(n.BodyLine)
	for _, s := range n.Sections {
		ok = ok && line(s.Line) && s.Level >= 1 && s.Level <= 6
	}
	for _, ts := range n.Timestamps {
		ok = ok && line(int(ts.Line)) && ts.Section >= -1 && int(ts.Section) < len(n.Sections)
	}
	for _, l := range n.Links {
		ok = ok && line(l.Line)
	}
	if !ok {
		return fmt.Errorf("%w: %s: a line or section out of range", errCorrupt, n.Path)
	}
	return nil
}
