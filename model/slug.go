package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Slug is the file-name form the site gives a title: lowercase, punctuation
// dropped, runs of spaces and dashes made one "_". Letters of any script,
// digits and "_" are kept.
func Slug(s string) string {
	if isSlug(s) {
		return s // most file names and link targets already are one
	}
	var b strings.Builder
	b.Grow(len(s))
	gap := false
	for _, r := range s {
		// rune by rune, as strings.ToLower would, without its copy
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		} else if r >= utf8.RuneSelf {
			r = unicode.ToLower(r)
		}
		switch {
		case r == ' ' || r == '-' || r == '\t':
			gap = true
		case r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			if gap {
				b.WriteByte('_')
				gap = false
			}
			b.WriteRune(r)
		}
	}
	if gap {
		b.WriteByte('_')
	}
	return b.String()
}

// isSlug reports whether s is ASCII that Slug leaves as it is: lower-case
// letters, digits and "_".
func isSlug(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}
