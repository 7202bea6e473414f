package loader

import (
	"strings"

	"tubenotes/model"
)

// appendLinks adds the wikilinks of line l, which starts at byte off of
// the note: [[target]], [[target|label]], [[target#heading|label]], spaces
// around each part allowed; and each link's span, from "[[" to past "]]",
// to spans. A link that names no note (empty target, such as [[#heading]])
// is not one, nor is one that holds a timestamp anchor: stamps are the
// line's timestamp spans, as pairs in text order, and no link overlaps one
// (the reader shows the anchor as a badge).
func appendLinks(links []model.Link, spans []uint32, l string, off, line int, stamps []uint32) ([]model.Link, []uint32) {
	taken := spanCursor{spans: stamps}
	for at := 0; ; {
		i := strings.IndexByte(l[at:], '[')
		if i < 0 || at+i+1 == len(l) {
			return links, spans
		}
		i += at
		if l[i+1] != '[' { // the text of a timestamp anchor, mostly
			at = i + 1
			continue
		}
		for i+2 < len(l) && l[i+2] == '[' { // [[[x]] links x
			i++
		}
		end := strings.Index(l[i+2:], "]]")
		if end < 0 {
			return links, spans
		}
		start, inner := i, l[i+2:i+2+end]
		at = i + 2 + end + 2
		if strings.IndexByte(inner, '[') >= 0 { // rare: LastIndex costs more than the rest
			if k := strings.LastIndex(inner, "[["); k >= 0 {
				start, inner = i+2+k, inner[k+2:]
			}
		}
		if taken.inside(off+start) > 0 || taken.startsBefore(off+at) {
			continue
		}
		if link, ok := parseLink(inner); ok {
			link.Line = line
			links = append(links, link)
			spans = append(spans, uint32(off+start), uint32(off+at))
		}
	}
}

func parseLink(inner string) (model.Link, bool) {
	target, label, _ := strings.Cut(inner, "|")
	target = strings.TrimSuffix(target, `\`) // [[a\|b]]: a pipe escaped inside a table
	target, heading, _ := strings.Cut(target, "#")
	link := model.Link{
		Target:  strings.TrimSpace(target),
		Heading: strings.TrimSpace(heading),
		Label:   strings.TrimSpace(label),
	}
	if link.Target == "" {
		return link, false
	}
	if link.Label == "" {
		link.Label = link.Target
	}
	return link, true
}
