// Package search is the full-text index and query engine of a vault: it
// folds text (case, accents, Turkish i), keeps only what a reader sees (no
// markup), and answers queries with ranked line hits. It does no I/O.
package search

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold is the form a token is indexed and searched in: compatibility
// decomposition, combining marks dropped, lower case, and the Turkish
// dotted and dotless i both read as i (so "istanbul" finds "İstanbul" and
// "isik" finds "ışık"); ß reads as ss.
func Fold(token string) string {
	return string(foldAppend(nil, token))
}

// foldAppend appends the folded form of token to dst. ASCII, nearly all of
// the text, takes the fast path.
func foldAppend(dst []byte, token string) []byte {
	ascii := true
	for i := 0; i < len(token); i++ {
		if token[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		for i := 0; i < len(token); i++ {
			c := token[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
		}
		return dst
	}
	var it norm.Iter
	it.InitString(norm.NFKD, token)
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
			case isWordRune(r): // compatibility forms may bring spaces or slashes ("½")
				dst = utf8.AppendRune(dst, unicode.ToLower(r))
			}
		}
	}
	return dst
}

// isWordRune reports whether r belongs to a token: letters, numbers and
// combining marks (so a decomposed "é" stays one word).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// nextToken finds the first token of s at or after byte from, returning
// its bounds, or start = -1 when there is none.
func nextToken(s string, from int) (start, end int) {
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
		if isWordRune(r) {
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
		if !isWordRune(r) {
			break
		}
		i += n
	}
	return start, i
}

// Tokens are the folded tokens of s, in order.
func Tokens(s string) []string {
	var out []string
	for i := 0; ; {
		a, b := nextToken(s, i)
		if a < 0 {
			return out
		}
		if f := Fold(s[a:b]); f != "" {
			out = append(out, f)
		}
		i = b
	}
}
