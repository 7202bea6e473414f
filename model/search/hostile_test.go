package search

import (
	"strings"
	"testing"
	"unicode/utf8"

	"tubenotes/model"
)

// Hostile notes index and search without a panic, hits stay on lines of
// their notes, and snippets stay short.
func TestHostileNotes(t *testing.T) {
	notes := hostileNotes()
	ix := Build(notes)
	q, _ := Parse("needle")
	res := ix.Search(q)
	if res.Notes < 7 {
		t.Errorf("%d notes found, want the 7 that show the word", res.Notes)
	}
	for _, h := range res.Hits {
		if h.Line < 1 || h.Line > max(h.Note.LineCount(), 1) && h.Line != 1 {
			t.Errorf("%s: hit on line %d of %d", h.Note.Path, h.Line, h.Note.LineCount())
		}
		text, spans := Snippet(h.Note, h.Line, q, 80)
		if n := utf8.RuneCountInString(text); n > 82 {
			t.Errorf("%s:%d: snippet of %d runes", h.Note.Path, h.Line, n)
		}
		for _, s := range spans {
			if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
				t.Errorf("%s:%d: span %v out of %q", h.Note.Path, h.Line, s, text)
			}
		}
	}
	if got := hits(t, notes, `"word needle"`); len(got) != 1 || got[0] != "b.md:4" {
		t.Errorf("phrase in a huge line: %q", got)
	}
	// An anchor never closed hides nothing: its tag goes, its text shows.
	if got := hits(t, notes, "needle never"); len(got) != 1 || got[0] != "d.md:1" {
		t.Errorf("text after an unclosed anchor: %q", got)
	}
	if got := hits(t, notes, "yt timestamp class"); len(got) != 0 {
		t.Errorf("the unclosed anchor's attributes matched: %q", got)
	}
}

// hostileNotes are notes made to break an index: broken UTF-8, control
// bytes, a huge line, a hundred thousand blank lines, markup never closed,
// no text, a body line past the end.
func hostileNotes() []*model.Note {
	huge := strings.Repeat("word ", 200_000) + "needle " + strings.Repeat("| ", 100_000)
	return []*model.Note{
		note("a.md", "c", "needle \xff\xfe broken \x00 utf8\n\x1b[31mneedle\x1b[0m"),
		note("b.md", "c", "---\ntitle: needle\n---\n"+huge),
		note("c.md", "c", strings.Repeat("\n", 100_000)+"needle at the end"),
		note("d.md", "c", "<a class=\"yt-timestamp\" data-t=\"00:00:01\">needle never closed"),
		note("e.md", "c", "[[needle|\n<!-- needle"),
		note("f.md", "c", "[label](needle"),
		note("g.md", "c", ""),
		note("h.md", "c", "&#27;needle &amp;&#x9b;"),
		(&model.Note{Path: "i.md", Title: "needle", BodyLine: 5}).SetBody("no newline at all", nil), // body line past the end
	}
}
