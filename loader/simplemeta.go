package loader

import (
	"strings"
	"unicode/utf8"
)

// simpleMeta reads the frontmatter almost every note has, "key: value"
// lines of plain or quoted strings, without the YAML library, whose
// parser costs more than the rest of a note. The strings are slices of src.
// ok is false for anything it is not sure YAML reads as the same strings
// (numbers, booleans, nesting, comments, escapes, odd characters): the
// caller then asks the YAML library. Without keep, meta is nil: a load
// keeps only the title and videoId, and makes no map a note.
func simpleMeta(src string, keep bool) (meta map[string]any, title, videoID string, ok bool) {
	if keep {
		meta = make(map[string]any, strings.Count(src, "\n")+1)
	}
	var seen keySet
	for len(src) > 0 {
		line, rest, _ := strings.Cut(src, "\n")
		src = rest
		if strings.TrimRight(line, " ") == "" {
			continue
		}
		key, value, found := strings.Cut(line, ":")
		if !found || !plainKey(key) || !seen.add(key) {
			return nil, "", "", false
		}
		if value != "" && value[0] != ' ' {
			return nil, "", "", false
		}
		value = strings.Trim(value, " ")
		if value == "" {
			if keep {
				meta[key] = nil
			}
			continue
		}
		v, ok := simpleValue(value)
		if !ok {
			return nil, "", "", false
		}
		if keep {
			meta[key] = v
		}
		switch key {
		case "title":
			title = strings.TrimSpace(v)
		case "videoId":
			videoID = strings.TrimSpace(v)
		}
	}
	return meta, title, videoID, true
}

// keySet finds duplicate keys: a look along a few keys, the usual case,
// and a map past them, so that no frontmatter costs more than linear time.
type keySet struct {
	few  [16]string
	n    int
	many map[string]bool
}

// add reports whether k is new, and remembers it.
func (s *keySet) add(k string) bool {
	if s.many != nil {
		if s.many[k] {
			return false
		}
		s.many[k] = true
		return true
	}
	for _, f := range s.few[:s.n] {
		if f == k {
			return false
		}
	}
	if s.n < len(s.few) {
		s.few[s.n] = k
		s.n++
		return true
	}
	s.many = make(map[string]bool, 2*len(s.few))
	for _, f := range s.few {
		s.many[f] = true
	}
	s.many[k] = true
	return true
}

// plainKey reports whether k is a key YAML reads as that string: a letter
// or _ first, then letters, digits, _ and -, and no word YAML resolves.
func plainKey(k string) bool {
	if k == "" || !(isASCIILetter(k[0]) || k[0] == '_') || resolvesAsNonString(k) {
		return false
	}
	for i := 1; i < len(k); i++ {
		c := k[i]
		if !(isASCIILetter(c) || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// simpleValue reads a non-empty plain, "double-quoted" (no escapes) or
// 'single-quoted' (no doubled quote) scalar that YAML reads as a string.
func simpleValue(v string) (string, bool) {
	if !printable(v) {
		return "", false
	}
	switch q := v[0]; q {
	case '"', '\'':
		inner := v[1:]
		end := strings.IndexByte(inner, q)
		if len(v) < 2 || end != len(inner)-1 || (q == '"' && strings.IndexByte(inner, '\\') >= 0) {
			return "", false
		}
		return inner[:end], true
	}
	if !plainStart(v[0]) || len(v) > 1 && v[1] == ' ' && (v[0] == '-' || v[0] == '?') || strings.Contains(v, ": ") || strings.HasSuffix(v, ":") ||
		strings.Contains(v, " #") || strings.IndexByte(v, '\t') >= 0 || resolvesAsNonString(v) {
		return "", false
	}
	if c := v[0]; c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' {
		// Could be a number or a date: sure only when some letter is
		// outside the ones those are written with.
		if strings.Trim(v, "0123456789abcdefABCDEF_xXoO+-.:TtZz ") == "" {
			return "", false
		}
	}
	return v, true
}

// plainStart reports whether a plain scalar may start with c: not a YAML
// indicator (- is one only when a space follows).
func plainStart(c byte) bool {
	return isASCIILetter(c) || c >= '0' && c <= '9' || c == '_' || c == '(' || c == '$' || c == '/' || c == '.' || c == '+' ||
		c == '-' || c >= utf8.RuneSelf
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// resolvesAsNonString reports the words YAML reads as booleans, null or
// special floats, in any of the spellings some YAML version accepts. The
// words are ASCII and at most five bytes, and no longer string lowers to
// one of them, so titles are never lowered (that allocates).
func resolvesAsNonString(v string) bool {
	if len(v) > len("false") {
		return false
	}
	switch strings.ToLower(v) {
	case "true", "false", "null", "~", "yes", "no", "on", "off", "y", "n", ".inf", "-.inf", "+.inf", ".nan", "<<", "-", "=":
		return true
	}
	return false
}

// printable reports whether v has only characters YAML takes as they are
// in a scalar: no control characters, no line or byte-order marks.
func printable(v string) bool {
	for _, r := range v {
		switch {
		case r < 0x20 || r == 0x7f,
			r >= 0x80 && r <= 0x9f,
			r == 0x2028 || r == 0x2029 || r == 0xfeff || r == 0xfffe || r == 0xffff || r == utf8.RuneError:
			return false
		}
	}
	return true
}
