package main

import (
	"strconv"
	"unicode/utf8"

	"tubenotes/ui/safe"
)

// jsonText is a string from a vault written to JSON exactly and safe to
// print to a terminal: every control, DEL, C1 and bidi character (and
// U+2028, U+2029) is escaped as \uXXXX, so no byte that a terminal obeys
// is written raw. A byte that is not UTF-8 (a file name from a Latin-1
// system) is written as \udcXX, XX its value: the way Python reads such
// names (os.fsencode(path) gives the bytes back), and a string no valid
// name can produce.
type jsonText string

func (s jsonText) MarshalJSON() ([]byte, error) {
	out := make([]byte, 0, len(s)+2)
	out = append(out, '"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(string(s[i:]))
		switch {
		case r == utf8.RuneError && size == 1:
			out = appendEscape(out, 0xdc00|rune(s[i]))
		case r == '"' || r == '\\':
			out = append(out, '\\', byte(r))
		case r == '\n':
			out = append(out, `\n`...)
		case r == '\t':
			out = append(out, `\t`...)
		case r < 0x20 || safe.IsUnsafe(r) || r == 0x2028 || r == 0x2029:
			out = appendEscape(out, r)
		default:
			out = append(out, s[i:i+size]...)
		}
		i += size
	}
	return append(out, '"'), nil
}

func appendEscape(out []byte, r rune) []byte {
	hex := strconv.FormatInt(int64(r), 16)
	out = append(out, `\u`...)
	for range 4 - len(hex) {
		out = append(out, '0')
	}
	return append(out, hex...)
}
