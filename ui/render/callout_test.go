package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestCalloutBox: a callout is a box titled by its kind's label, its title
// on the first line inside, its body inside; no "[!type]" shows, in any
// style, and a bracket outside a quote is left alone.
func TestCalloutBox(t *testing.T) {
	n := parse(t, "c/n.md", "Intro line.\n> [!tip]- Mind the gap\n> Inside the quote.\n\nText [!not] a callout.\n")
	for _, style := range []string{"notty", "dark", "light"} {
		d := Render(vaultOf(n), Key{Note: n, Width: 60, Style: style}, NewStyles(style, true))
		got := strings.Join(d.Plain, "\n")
		want := []string{
			"  ╭─ Tip ─",
			"  │ Mind the gap" + strings.Repeat(" ", 40) + " │",
			"  │ Inside the quote." + strings.Repeat(" ", 35) + " │",
			"  ╰" + strings.Repeat("─", 54) + "╯",
			"Text [!not] a callout.",
		}
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: no %q in\n%s", style, w, got)
			}
		}
		if strings.Contains(got, "[!tip]") || strings.Contains(got, "**") {
			t.Errorf("%s: markup shows in\n%s", style, got)
		}
		for i, l := range d.Lines {
			if w := ansi.StringWidth(l); w > 60 {
				t.Errorf("%s: line %d is %d cells wide", style, i, w)
			}
		}
	}
}

// TestCalloutKinds: every kind the notes use, in any case and with a fold
// marker or not, is labelled; an unknown kind is its own name.
func TestCalloutKinds(t *testing.T) {
	cases := map[string]string{
		"info": "Info", "INFO": "Info", "quote": "Quote", "Tip": "Tip", "WARNING": "Warning",
		"example": "Example", "NOTE": "Note", "definition": "Definition", "caution": "Caution",
		"SUMMARY": "Summary", "important": "Important", "weird": "Weird", "tip]+": "Tip", "Quote]-": "Quote",
	}
	for kind, label := range cases {
		marker := "[!" + kind + "]"
		if strings.Contains(kind, "]") { // a fold marker
			marker = "[!" + kind
		}
		n := parse(t, "c/n.md", "> "+marker+" Title here\n> Body.\n")
		got := strings.Join(notty(vaultOf(n), n, 50).Plain, "\n")
		if !strings.Contains(got, "╭─ "+label+" ─") || strings.Contains(got, "[!") || !strings.Contains(got, "│ Title here ") {
			t.Errorf("[!%s] rendered as\n%s", kind, got)
		}
	}
}

// TestCalloutItems: the timestamps, links and headings inside a callout
// are located in its box, the body wraps inside it, and a second callout
// right after the first gets a box of its own.
func TestCalloutItems(t *testing.T) {
	text := "---\nvideoId: abcdefghijk\n---\n# Top\n\n> [!NOTE] See [[other]] at <a class=\"yt-timestamp\" data-t=\"00:01:05\">[00:01:05]</a>\n" +
		"> " + strings.Repeat("word ", 30) + "<a class=\"yt-timestamp\" data-t=\"00:02:00\">[00:02:00]</a>\n> ## Inside\n> [!warning]\n> Careful.\n\nAfter.\n"
	n := parse(t, "c/n.md", text)
	d := notty(vaultOf(n), n, 50)
	got := strings.Join(d.Plain, "\n")
	if strings.Count(got, "╭─") != 2 || !strings.Contains(got, "╭─ Warning ─") || !strings.Contains(got, "│ Careful.") {
		t.Fatalf("two callouts rendered as\n%s", got)
	}
	for _, it := range d.Items {
		if !it.Found {
			t.Errorf("item %+v not located in\n%s", it, got)
			continue
		}
		if l := d.Plain[it.Start.Line]; it.Kind != Heading && !strings.HasPrefix(l, "  │ ") {
			t.Errorf("item %+v outside the box: %q", it, l)
		}
	}
	if len(d.Items) != 4 {
		t.Errorf("%d items, want the heading, a link and two badges", len(d.Items))
	}
	if !strings.Contains(got, "│ ## Inside") {
		t.Errorf("a heading inside the callout rendered as\n%s", got)
	}
	for i, l := range d.Plain {
		if strings.HasPrefix(l, "  │") && !strings.HasSuffix(l, "│") {
			t.Errorf("line %d leaves the box: %q", i, l)
		}
	}
}

// TestCalloutNarrow: too narrow a column for borders shows the label and
// the body, still without markup.
func TestCalloutNarrow(t *testing.T) {
	n := parse(t, "c/n.md", "> [!info] T\n> Body text.\n")
	for _, w := range []int{10, 19} {
		got := strings.Join(notty(vaultOf(n), n, w).Plain, "\n")
		if strings.Contains(got, "[!") || !strings.Contains(got, "Info") {
			t.Errorf("width %d: %q", w, got)
		}
	}
}
