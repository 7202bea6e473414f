package render

import (
	"strings"
	"testing"
)

// TestCallout: an Obsidian callout's "[!type]" reads as its type, never as
// markup, in plain and in colour.
func TestCallout(t *testing.T) {
	n := parse(t, "c/n.md", "> [!tip]- Mind the gap\n> Inside the quote.\n\nText [!not] a callout.\n")
	plain := strings.Join(notty(vaultOf(n), n, 60).Plain, "\n")
	if strings.Contains(plain, "[!tip]") || !strings.Contains(plain, "Tip** Mind the gap") {
		t.Errorf("callout rendered as\n%s", plain)
	}
	if !strings.Contains(plain, "Text [!not] a callout.") {
		t.Errorf("a bracket outside a quote changed:\n%s", plain)
	}
	dark := Render(vaultOf(n), Key{Note: n, Width: 60, Style: "dark"}, NewStyles("dark", true))
	if got := strings.Join(dark.Plain, "\n"); strings.Contains(got, "[!tip]") || !strings.Contains(got, "Tip Mind the gap") {
		t.Errorf("dark callout rendered as\n%s", got)
	}
}

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
