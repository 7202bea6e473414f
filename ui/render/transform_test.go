package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestEveryHeadingLocated: each section's heading is found in the output,
// an empty "##", a setext heading and one holding a timestamp included.
func TestEveryHeadingLocated(t *testing.T) {
	n := parse(t, "c/n.md", "---\nvideoId: abcdefghijk\n---\n# One\n\n##\n\nSetext\nheading\n---\n\n### At <a class=\"yt-timestamp\" data-t=\"0:07\">x</a> ###\n")
	if len(n.Sections) != 4 {
		t.Fatalf("%d sections", len(n.Sections))
	}
	d := notty(vaultOf(n), n, 60)
	for i, l := range d.Headings {
		if l < 0 {
			t.Errorf("section %d (%q) not located", i, n.Sections[i].Title)
		}
	}
	if l := d.Headings[3]; l < 0 || !strings.Contains(d.Plain[l], "At ▶ 0:07") {
		t.Errorf("the last heading reads %q", d.Plain[max(l, 0)])
	}
}

// TestMarkdownLinks: "[text](url)" shows its text only, as a link item,
// in a heading and in a line, and an image its alt text without the "!".
func TestMarkdownLinks(t *testing.T) {
	n := parse(t, "c/n.md", "### [Video **title**](https://www.youtube.com/watch?v=abcdefghijk)\n\nSee [the site](https://example.com/a_b) and ![a chart](img.png).\n")
	d := notty(vaultOf(n), n, 70)
	got := strings.Join(d.Plain, "\n")
	for _, w := range []string{"### Video title ", "See the site and a chart."} {
		if !strings.Contains(got, w) {
			t.Errorf("no %q in\n%s", w, got)
		}
	}
	if strings.Contains(got, "http") || strings.Contains(got, "](") {
		t.Errorf("a URL shows in\n%s", got)
	}
	links := 0
	for _, it := range d.Items {
		if it.Kind == WebLink && it.Found && it.Index == links {
			links++
		}
	}
	if links != 3 {
		t.Errorf("%d markdown links located, want 3", links)
	}
}

// TestWideTable: a table wider than the column is laid out by glamour in
// it: body cells wrap, headers are cut with "…", no line is wider than the
// column and no markdown row shows.
func TestWideTable(t *testing.T) {
	n := parse(t, "c/n.md", "| Feature | Platform PMs build tools for engineers | Product PMs build products for consumers |\n"+
		"| :-- | :-- | :-- |\n| **Users** | AI engineers who need observability and evaluation | Consumers or enterprises buying a product |\n")
	for _, style := range []string{"notty", "dark"} {
		d := Render(vaultOf(n), Key{Note: n, Width: 50, Style: style}, NewStyles(style, true))
		got := strings.Join(d.Plain, "\n")
		for i, l := range d.Lines {
			if w := ansi.StringWidth(l); w > 50 {
				t.Errorf("%s: line %d is %d cells wide", style, i, w)
			}
		}
		if strings.Contains(got, ":--") || strings.Contains(got, "**") || strings.Contains(got, "| Feature |") {
			t.Errorf("%s: markdown shows in\n%s", style, got)
		}
		for _, w := range []string{"Users", "observability", "evaluation", "enterprises", "product"} {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q lost in\n%s", style, w, got)
			}
		}
	}
}

// TestLongWordBroken: a word wider than the column (a run of dashes) is
// broken at the column's width.
func TestLongWordBroken(t *testing.T) {
	n := parse(t, "c/n.md", "| :"+strings.Repeat("-", 300)+"   ## glued\n")
	d := notty(vaultOf(n), n, 60)
	for i, l := range d.Lines {
		if w := ansi.StringWidth(l); w > 60 {
			t.Errorf("line %d is %d cells wide", i, w)
		}
	}
}

func TestSurelyFits(t *testing.T) {
	cases := []struct {
		s    string
		w    int
		want bool
	}{
		{"hello     ", 5, true},
		{"hello!", 5, false},
		{"• ab", 5, true},   // counted 5: not sure at 4
		{"• abc", 4, false}, // 5 cells at most by the count, 5 in fact
		{"日本", 4, true},
		{"日本語", 4, false},
		{"ab\U000E0001\U000E0021\U000E007F", 2, true},
	}
	for _, c := range cases {
		if got := surelyFits(c.s, c.w); got != c.want {
			t.Errorf("surelyFits(%q, %d) = %v", c.s, c.w, got)
		}
	}
}
