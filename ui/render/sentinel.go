package render

import (
	"strings"
	"unicode/utf8"
)

// Sentinels mark where each badge, link and heading starts and ends in the
// markdown handed to glamour, so their place in the rendered lines can be
// found again. They are built from Unicode tag characters (U+E0000–U+E007F),
// which have zero width: glamour wraps the text exactly as without them.
// A marker is U+E0001, the item id in base 64 (U+E0020+digit), then
// U+E007F to open or U+E007E to close. Notes cannot forge one: the transform
// drops every tag character (and entity for one) from note text first.
const (
	tagLead  = '\U000E0001'
	tagDigit = 0xE0020
	tagOpen  = '\U000E007F'
	tagClose = '\U000E007E'
)

func isTag(r rune) bool { return r >= 0xE0000 && r <= 0xE007F }

func appendMarker(b *strings.Builder, id int, open bool) {
	b.WriteRune(tagLead)
	var digits [8]rune
	n := 0
	for {
		digits[n] = rune(tagDigit + id%64)
		n++
		id /= 64
		if id == 0 {
			break
		}
	}
	for n > 0 {
		n--
		b.WriteRune(digits[n])
	}
	if open {
		b.WriteRune(tagOpen)
	} else {
		b.WriteRune(tagClose)
	}
}

// marker is one sentinel found in a plain rendered line.
type marker struct {
	id   int
	open bool
	off  int // byte offset in the line with every tag character removed
}

// scanMarkers finds the markers of a plain line and returns the line without
// them.
func scanMarkers(plain string) (string, []marker) {
	if !hasTags(plain) {
		return plain, nil
	}
	var b strings.Builder
	b.Grow(len(plain))
	var ms []marker
	for i := 0; i < len(plain); {
		r, size := utf8.DecodeRuneInString(plain[i:])
		if r != tagLead {
			if !isTag(r) {
				b.WriteString(plain[i : i+size])
			}
			i += size
			continue
		}
		i += size
		id := 0
		for i < len(plain) {
			r, size = utf8.DecodeRuneInString(plain[i:])
			if r < tagDigit || r >= tagDigit+64 {
				break
			}
			id = id*64 + int(r-tagDigit)
			i += size
		}
		if r == tagOpen || r == tagClose {
			ms = append(ms, marker{id: id, open: r == tagOpen, off: b.Len()})
			i += size
		}
	}
	return b.String(), ms
}

// hasTags reports whether s holds a tag character: all of them are
// encoded as F3 A0 80 xx or F3 A0 81 xx.
func hasTags(s string) bool {
	for {
		i := strings.IndexByte(s, 0xF3)
		if i < 0 || i+2 >= len(s) {
			return false
		}
		if s[i+1] == 0xA0 && (s[i+2] == 0x80 || s[i+2] == 0x81) {
			return true
		}
		s = s[i+1:]
	}
}

// dropTags removes every tag character from s.
func dropTags(s string) string {
	if !hasTags(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isTag(r) {
			return -1
		}
		return r
	}, s)
}
