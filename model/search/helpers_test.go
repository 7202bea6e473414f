package search

import (
	"strings"
	"testing"

	"tubenotes/model"
)

// note makes a note the way the loader would, enough for the index: the
// frontmatter title, the body line, and # headings as sections.
func note(path, channel, text string) *model.Note {
	n := (&model.Note{Path: path, Channel: channel, BodyLine: 1}).SetBody(text, nil)
	lines := strings.Split(text, "\n")
	if len(lines) > 0 && lines[0] == "---" {
		for i := 1; i < len(lines); i++ {
			if t, ok := strings.CutPrefix(lines[i], "title:"); ok {
				n.Title = strings.TrimSpace(t)
			}
			if lines[i] == "---" {
				n.BodyLine = i + 2
				break
			}
		}
	}
	for i := n.BodyLine - 1; i < len(lines); i++ {
		if h := strings.TrimLeft(lines[i], "#"); h != lines[i] && strings.HasPrefix(h, " ") {
			n.Sections = append(n.Sections, model.Section{Title: strings.TrimSpace(h), Level: len(lines[i]) - len(h), Line: i + 1})
		}
	}
	if n.Title == "" {
		n.Title = strings.TrimSuffix(path[strings.LastIndexByte(path, '/')+1:], ".md")
	}
	return n
}

// hits runs query over notes and returns "path:line" of every hit.
func hits(t *testing.T, notes []*model.Note, query string) []string {
	t.Helper()
	q, err := Parse(query)
	if err != nil {
		t.Fatalf("Parse(%q): %v", query, err)
	}
	res := Build(notes).Search(q)
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.Note.Path+":"+itoa(h.Line))
	}
	return out
}

func itoa(i int) string {
	if i < 0 {
		return "-" + itoa(-i)
	}
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
