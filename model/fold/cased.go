package fold

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Cased is s folded rune by rune as String folds a word (compatibility
// forms decomposed, combining marks dropped, the Turkish dotless i read as
// "i", "ß" as "ss"), except that case and the runes that are not word runes
// are kept: the notes filter's fuzzy scorer matches on it, folding case
// itself and scoring separators and camel case. origin holds, for each
// byte of folded, the byte of s where the rune it came from starts; it is
// nil when s is its own fold (every ASCII text), so folded is s.
func Cased(s string) (folded string, origin []int32) {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return s, nil
	}
	out := make([]byte, i, len(s)+8)
	copy(out, s[:i])
	origin = make([]int32, i, len(s)+8)
	for k := range i {
		origin[k] = int32(k)
	}
	var buf [utf8.UTFMax]byte
	changed := false
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		n := len(out)
		switch {
		case s[i] < utf8.RuneSelf || r == utf8.RuneError && size == 1:
			out = append(out, s[i]) // invalid UTF-8 stays as written
		case r == 'ı':
			out = append(out, 'i')
		case r == 'ß':
			out = append(out, 's', 's')
		case r == 'ẞ':
			out = append(out, 'S', 'S')
		default:
			src := buf[:utf8.EncodeRune(buf[:], r)]
			if norm.NFKD.IsNormal(src) && !unicode.Is(unicode.Mn, r) {
				out = append(out, src...)
				break
			}
			for d := norm.NFKD.Bytes(src); len(d) > 0; {
				dr, dn := utf8.DecodeRune(d)
				if !unicode.Is(unicode.Mn, dr) {
					out = append(out, d[:dn]...)
				}
				d = d[dn:]
			}
		}
		for range len(out) - n {
			origin = append(origin, int32(i))
		}
		changed = changed || string(out[n:]) != s[i:i+size]
		i += size
	}
	if !changed {
		return s, nil
	}
	return string(out), origin
}
