package search

import (
	"html"
	"strings"
)

// appendVisible appends to dst the text of one markdown line that a reader
// sees: HTML tags dropped (their attributes never match), yt-timestamp
// anchors dropped whole (the reader shows them as badges), wikilinks
// reduced to their label, markdown links and images to their text, and
// HTML entities decoded. Everything else is kept as written; punctuation
// never makes a token anyway.
func appendVisible(dst []byte, line string) []byte {
	if !strings.ContainsAny(line, "<[&") {
		return append(dst, line...)
	}
	for i := 0; i < len(line); {
		if j := strings.IndexAny(line[i:], "<[&"); j != 0 {
			if j < 0 {
				return append(dst, line[i:]...)
			}
			dst = append(dst, line[i:i+j]...)
			i += j
		}
		switch line[i] {
		case '<':
			if end, ok := skipTag(line, i); ok {
				i = end
				continue
			}
		case '[':
			if strings.HasPrefix(line[i:], "[[") {
				if j := strings.Index(line[i+2:], "]]"); j >= 0 {
					dst = append(dst, wikiLabel(line[i+2:i+2+j])...)
					i += 2 + j + 2
					continue
				}
			} else if label, end, ok := markdownLink(line, i); ok {
				dst = appendVisible(dst, label)
				i = end
				continue
			}
		case '&':
			if j := strings.IndexByte(line[i:], ';'); j > 1 && j <= 10 {
				ent := line[i : i+j+1]
				if dec := html.UnescapeString(ent); dec != ent {
					dst = append(dst, dec...)
					i += j + 1
					continue
				}
			}
		}
		dst = append(dst, line[i])
		i++
	}
	return dst
}

// Visible is the text a reader sees of one markdown line (see appendVisible).
func Visible(line string) string { return string(appendVisible(nil, line)) }

// skipTag returns the index just past the HTML tag or comment starting at
// i. A yt-timestamp anchor is skipped with its text and closing tag. A "<"
// that opens no tag on this line (as in "x < y") is not one.
func skipTag(line string, i int) (int, bool) {
	rest := line[i:]
	if strings.HasPrefix(rest, "<!--") {
		if j := strings.Index(rest[4:], "-->"); j >= 0 {
			return i + 4 + j + 3, true
		}
		return len(line), true
	}
	if len(rest) < 2 {
		return 0, false
	}
	c := rest[1]
	if !(c == '/' || c == '!' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
		return 0, false
	}
	j := strings.IndexByte(rest, '>')
	if j < 0 {
		return 0, false
	}
	end := i + j + 1
	if timestampAnchor(rest[:j]) {
		if k := indexCloseAnchor(line[end:]); k >= 0 {
			return end + k + 4, true
		}
	}
	return end, true
}

// timestampAnchor reports whether tag (from "<" up to its ">") opens a
// yt-timestamp anchor, as the loader reads them: an <a> with a data-t
// attribute whose quoted class list holds yt-timestamp.
func timestampAnchor(tag string) bool {
	if len(tag) < 3 || tag[1] != 'a' && tag[1] != 'A' || !strings.ContainsRune(" \t\n", rune(tag[2])) ||
		!strings.Contains(tag, " data-t=\"") && !strings.Contains(tag, " data-t='") {
		return false
	}
	for i := 2; ; {
		j := strings.Index(tag[i:], "class=")
		if j < 0 {
			return false
		}
		at := i + j
		i = at + len("class=")
		if !strings.ContainsRune(" \t\n", rune(tag[at-1])) || i >= len(tag) || tag[i] != '"' && tag[i] != '\'' {
			continue
		}
		end := strings.IndexByte(tag[i+1:], tag[i])
		if end < 0 {
			return false
		}
		for _, c := range strings.Fields(tag[i+1 : i+1+end]) {
			if c == "yt-timestamp" {
				return true
			}
		}
		i += end + 2
	}
}

// anchorSpans are the byte ranges of the yt-timestamp anchors of a line,
// each from its "<a" to past its "</a>" (or its own ">" when never closed),
// in order.
func anchorSpans(line string) [][2]int {
	var out [][2]int
	for i := 0; ; {
		j := strings.IndexByte(line[i:], '<')
		if j < 0 {
			return out
		}
		start := i + j
		end, ok := skipTag(line, start)
		if !ok {
			i = start + 1
			continue
		}
		if k := strings.IndexByte(line[start:], '>'); k >= 0 && timestampAnchor(line[start:start+k]) {
			out = append(out, [2]int{start, end})
		}
		i = end
	}
}

// wikiLabel is what a reader shows of [[inner]]: the label after "|", else
// the target without its "#heading".
func wikiLabel(inner string) string {
	if j := strings.IndexByte(inner, '|'); j >= 0 {
		return strings.TrimSpace(inner[j+1:])
	}
	if j := strings.IndexByte(inner, '#'); j >= 0 {
		inner = inner[:j]
	}
	return strings.TrimSpace(inner)
}

// markdownLink recognises [label](target) at i and returns the label and
// the index past the closing parenthesis.
func markdownLink(line string, i int) (label string, end int, ok bool) {
	depth := 0
	for j := i; j < len(line); j++ {
		switch line[j] {
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				if j+1 >= len(line) || line[j+1] != '(' {
					return "", 0, false
				}
				k := strings.IndexByte(line[j+2:], ')')
				if k < 0 {
					return "", 0, false
				}
				return line[i+1 : j], j + 2 + k + 1, true
			}
		}
	}
	return "", 0, false
}

// indexCloseAnchor is the index of the first "</a>", in any case, or -1.
func indexCloseAnchor(s string) int {
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
