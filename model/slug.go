package model

import (
	"strings"
	"unicode"
)

// Slug is the file-name form the site gives a title: lowercase, punctuation
// dropped, runs of spaces and dashes made one "_". Letters of any script,
// digits and "_" are kept.
func Slug(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	gap := false
	for _, r := range strings.ToLower(s) {
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
