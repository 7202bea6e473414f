package model

import "strings"

// IndexCloseAnchor is the index of the first "</a>" in s, in either case,
// or -1: where a timestamp anchor ends, for the loader that records it and
// for search's reading of text the loader recorded no span for.
func IndexCloseAnchor(s string) int {
	for i := 0; ; {
		j := strings.Index(s[i:], "</")
		if j < 0 {
			return -1
		}
		i += j
		if len(s)-i >= 4 && (s[i+2] == 'a' || s[i+2] == 'A') && s[i+3] == '>' {
			return i
		}
		i += 2
	}
}
