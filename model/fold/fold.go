// Package fold is the one way text is folded for matching: search's index
// and queries, its highlights, and the reader's find-in-note all fold with
// it, so a word search finds is a word find-in-note finds. Folding is
// compatibility decomposition (NFKD: the ligature "ﬁ" reads as "fi", full
// width "Ｇ" as "G"), combining marks dropped (so "café" reads "cafe"),
// lower case, the Turkish dotted and dotless i both read as "i", and "ß" as
// "ss". Only letters, numbers and marks make words; every other rune
// separates them.
package fold

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// String is the folded form of a word: its word runes folded, every other
// rune dropped.
func String(word string) string { return string(AppendWord(nil, word)) }

// AppendWord appends the folded form of word to dst, dropping the runes
// that are not word runes (compatibility forms may bring spaces or
// slashes: "½" is "1⁄2"). ASCII, nearly all of the text, takes a fast path.
func AppendWord(dst []byte, word string) []byte {
	ascii := true
	for i := 0; i < len(word); i++ {
		if word[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		for i := 0; i < len(word); i++ {
			c := word[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if asciiWord[c] {
				dst = append(dst, c)
			}
		}
		return dst
	}
	var it norm.Iter
	it.InitString(norm.NFKD, word)
	for !it.Done() {
		seg := it.Next()
		for len(seg) > 0 {
			r, n := utf8.DecodeRune(seg)
			seg = seg[n:]
			switch {
			case unicode.Is(unicode.Mn, r):
			case r == 'ı' || r == 'İ':
				dst = append(dst, 'i')
			case r == 'ß' || r == 'ẞ':
				dst = append(dst, 's', 's')
			case IsWordRune(r):
				dst = utf8.AppendRune(dst, unicode.ToLower(r))
			}
		}
	}
	return dst
}

// Text is s folded as a run of words: each word folded, every run of
// other runes between them one space, none at either end. "Hello, wörld!"
// is "hello world".
func Text(s string) string {
	var b []byte
	for i := 0; ; {
		a, z := NextWord(s, i)
		if a < 0 {
			return string(b)
		}
		if n := len(b); n > 0 && b[n-1] != ' ' {
			b = append(b, ' ')
		}
		b = AppendWord(b, s[a:z])
		i = z
	}
}

// IsWordRune reports whether r belongs to a word: letters, numbers and
// combining marks (so a decomposed "é" stays one word).
func IsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// IsWordByte is IsWordRune for an ASCII byte (false for any other).
func IsWordByte(c byte) bool { return c < utf8.RuneSelf && asciiWord[c] }

var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// NextWord finds the first word of s at or after byte from, returning its
// bounds, or start = -1 when there is none.
func NextWord(s string, from int) (start, end int) {
	i := from
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiWord[c] {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if IsWordRune(r) {
			break
		}
		i += n
	}
	if i >= len(s) {
		return -1, -1
	}
	start = i
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !asciiWord[c] {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !IsWordRune(r) {
			break
		}
		i += n
	}
	return start, i
}
