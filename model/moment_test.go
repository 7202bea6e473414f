package model_test

import (
	"os"
	"strings"
	"testing"

	"tubenotes/loader"
	"tubenotes/model"
)

func parseTestNote(t *testing.T, path string) *model.Note {
	t.Helper()
	data, err := os.ReadFile("testdata/" + path)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := loader.ParseNote(path, data, loader.TimestampsAuto)
	return n
}

// lineCol is the line and byte column of the first occurrence of s in text.
func lineCol(t *testing.T, text, s string) (int, int) {
	t.Helper()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q not in the note", s)
	}
	return 1 + strings.Count(text[:i], "\n"), i - (strings.LastIndexByte(text[:i], '\n') + 1)
}

func TestMomentRule(t *testing.T) {
	n := parseTestNote(t, "lexfridman/deep_reinforcement_learning.md")
	for _, c := range []struct {
		at, why string
		want    string // the raw timestamp, "" for none
	}{
		{"approximate the functions", "the anchor closing its sentence, not the paragraph above's (the issue's example)", "01:30:31"},
		{"Deep reinforcement learning combines", "its own line's anchor", "01:27:10"},
		{"A remark no anchor closes", "no anchor after it in the paragraph: the last before it in the section", "01:30:31"},
		{"A claim", "an invalid anchor after it is skipped", "01:40:00"},
		{"A sentence after it", "the last before it on its line", "01:40:00"},
		{"Another line of the same", "the last before it in the section", "01:40:00"},
		{"A paragraph without anchors", "a paragraph without anchors: the last before it in the section", "01:40:00"},
		{"A sentence that starts", "the first after it, on the paragraph's next line", "01:45:00"},
		{"No timestamps in this", "none in its section, none at all", ""},
		{"## Overview", "a heading's paragraph is the first under it", "01:27:10"},
		{"## Later", "a heading's paragraph is the first under it, its invalid anchor skipped", "01:40:00"},
		{"## Untimed", "a heading over a section without anchors", ""},
		{"## Spaced", "blank lines between a heading and its paragraph", "01:50:00"},
		{"## Empty", "an empty section: not the next section's anchors", ""},
		{"title: Deep", "the frontmatter has no moment", ""},
		{") and its tail", "the \")\" of a markdown link around an anchor is the anchor's (its span)", "01:55:00"},
		{" and its tail", "past the anchor's span: the next anchor on its line", "02:00:00"},
		{"[02:00:00]<a", "the \"[02:00:00]\" written before an anchor is the anchor's", "02:00:00"},
		{"[01:55:00](", "the \"[01:55:00](\" before an anchor is the anchor's", "01:55:00"},
	} {
		line, col := lineCol(t, n.Text(), c.at)
		got := ""
		if i := n.Moment(line, col); i >= 0 {
			got = n.Timestamps[i].Raw
		}
		if got != c.want {
			t.Errorf("%q (line %d): %q, want %q: %s", c.at, line, got, c.want, c.why)
		}
		if i, j := n.Moment(line, col), n.MomentAtOffset(strings.Index(n.Text(), c.at)); i != j {
			t.Errorf("%q: MomentAtOffset %d, Moment %d", c.at, j, i)
		}
	}
	// A position inside an anchor is before it; just past it, after.
	line, col := lineCol(t, n.Text(), `data-t="01:30:31"`)
	if i := n.Moment(line, col); i < 0 || n.Timestamps[i].Raw != "01:30:31" {
		t.Errorf("inside the anchor: %d", i)
	}
}

func TestMomentNeedsOpenable(t *testing.T) {
	n := parseTestNote(t, "lexfridman/deep_reinforcement_learning.md")
	n.VideoID = "not an id"
	if i := n.Moment(lineCol(t, n.Text(), "approximate")); i != -1 {
		t.Errorf("a note without a valid video id: moment %d, want none", i)
	}
	if i := (&model.Note{}).Moment(1, 0); i != -1 {
		t.Errorf("an empty note: %d", i)
	}
}
