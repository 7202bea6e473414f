package search

import (
	"regexp"
	"strings"
	"testing"
)

// anchorRE is the anchor every note generator writes; hiddenRE what a
// reader does not see of a line: the anchors, other tags, and the targets
// of labelled wikilinks.
var (
	anchorRE = regexp.MustCompile(`<a class="yt-timestamp" data-t="[^"]*">[^<]*</a>`)
	hiddenRE = regexp.MustCompile(`<a class="yt-timestamp" data-t="[^"]*">[^<]*</a>|<[^>]*>|\[\[[^\]|]*\|`)
)

// expectedMoment computes the moment rule on its own from the note's
// lines: paragraphs end at blank lines and "#" headings, sections at "#"
// headings, and a heading's paragraph is the first under it. It returns the line of the anchor and its place among its
// line's anchors, or (0, 0) for none. openable says whether the k-th
// anchor of a line can be opened.
func expectedMoment(lines []string, body, line, col int, openable func(line, k int) bool) (int, int) {
	heading := func(l int) bool { return strings.HasPrefix(lines[l-1], "#") }
	blank := func(l int) bool { return strings.TrimSpace(lines[l-1]) == "" }
	anchors := func(l int) [][]int { return anchorRE.FindAllStringIndex(lines[l-1], -1) }
	for k, a := range anchors(line) {
		if a[1] > col && openable(line, k) {
			return line, k
		}
	}
	start := line + 1
	if heading(line) { // a heading's paragraph is the first under it
		for start <= len(lines) && blank(start) {
			start++
		}
	}
	for l := start; l <= len(lines) && !blank(l) && !heading(l); l++ {
		for k := range anchors(l) {
			if openable(l, k) {
				return l, k
			}
		}
	}
	as := anchors(line)
	for k := len(as) - 1; k >= 0; k-- {
		if as[k][1] <= col && openable(line, k) {
			return line, k
		}
	}
	for l := line - 1; l >= body && !heading(l+1); l-- {
		as := anchors(l)
		for k := len(as) - 1; k >= 0; k-- {
			if openable(l, k) {
				return l, k
			}
		}
	}
	return 0, 0
}

// On the real notes, the moment of every hit of several one-word queries
// is the one the rule, computed again here from the text, gives: the
// position of a hit is its first match outside the anchors.
func TestMomentCorpus(t *testing.T) {
	v := loadCorpus(t)
	ix := Build(v.Notes)
	checked, timed := 0, 0
	for _, word := range []string{"policy", "growth", "retention", "bitcoin", "learning", "istanbul", "customer", "probability"} {
		q, err := Parse(word)
		if err != nil {
			t.Fatal(err)
		}
		wordRE := regexp.MustCompile(`(?i)\b` + word) // a word it begins, as search matches
		for _, h := range ix.Search(q).Hits {
			n := h.Note
			if h.Line < n.BodyLine || strings.Contains(n.Text(), "```") {
				continue // title hits; fences hide anchors from the loader but not from a regexp
			}
			lines := strings.Split(n.Text(), "\n")
			raw := lines[h.Line-1]
			visible := hiddenRE.ReplaceAllStringFunc(raw, func(s string) string { return strings.Repeat("\x00", len(s)) })
			col := -1
			if m := wordRE.FindStringIndex(visible); m != nil {
				col = m[0]
			}
			if col < 0 {
				continue // found through folding, or only across markup
			}
			// Start of the stretch between anchors holding the match.
			stretch := 0
			for _, a := range anchorRE.FindAllStringIndex(raw, -1) {
				if a[1] <= col {
					stretch = a[1]
				}
			}
			openable := func(line, k int) bool {
				for i, ts := range n.Timestamps {
					if int(ts.Line) == line {
						return n.Openable(i + k)
					}
				}
				return false
			}
			wantLine, wantK := expectedMoment(lines, n.BodyLine, h.Line, stretch, openable)
			gotLine, gotK := 0, 0
			if i := Moment(n, h.Line, q); i >= 0 {
				gotLine = int(n.Timestamps[i].Line)
				for j := i - 1; j >= 0 && int(n.Timestamps[j].Line) == gotLine; j-- {
					gotK++
				}
				timed++
			}
			checked++
			if gotLine != wantLine || gotK != wantK {
				t.Errorf("%s:%d %q: moment at line %d anchor %d, the rule gives line %d anchor %d", n.Path, h.Line, word, gotLine, gotK, wantLine, wantK)
			}
		}
	}
	if checked < 500 || timed < checked/2 {
		t.Errorf("checked %d hits, %d with a moment: too few to say anything", checked, timed)
	}
	t.Logf("%d hits checked, %d with a moment", checked, timed)
}

// TestSectionMomentsCorpus: on every note of the corpus, the sections
// pane's one-pass heading moments are Moment's.
func TestSectionMomentsCorpus(t *testing.T) {
	v := loadCorpus(t)
	checked := 0
	for _, n := range v.Notes {
		got := n.SectionMoments()
		for s, sec := range n.Sections {
			if want := n.Moment(sec.Line, 0); got[s] != want {
				t.Fatalf("%s: section %q: %d, want Moment's %d", n.Path, sec.Title, got[s], want)
			}
			if got[s] >= 0 {
				checked++
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d headings with a moment checked", checked)
	}
}
