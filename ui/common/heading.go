package common

import "strings"

// HeadingText is a heading as a reader sees it: wikilinks shown by their
// label, markdown emphasis and code marks dropped. It does not clean escape
// sequences; pass the result through safe.Line.
func HeadingText(s string) string {
	var b strings.Builder
	for {
		open := strings.Index(s, "[[")
		if open < 0 {
			break
		}
		end := strings.Index(s[open:], "]]")
		if end < 0 {
			break
		}
		b.WriteString(s[:open])
		inner := s[open+2 : open+end]
		target, label, hasLabel := strings.Cut(inner, "|")
		if !hasLabel {
			label, _, _ = strings.Cut(target, "#")
		}
		b.WriteString(strings.TrimSpace(label))
		s = s[open+end+2:]
	}
	b.WriteString(s)
	return strings.NewReplacer("**", "", "__", "", "`", "").Replace(b.String())
}
