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
