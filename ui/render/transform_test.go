package render

import (
	"strings"
	"testing"
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
