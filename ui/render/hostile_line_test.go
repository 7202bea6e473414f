package render

import (
	"strings"
	"testing"
)

// TestLineOfTooMuchMarkupShownAsWritten: a line holding more markdown
// delimiters than real lines do (markupLimit) is shown as written, its
// delimiters as text, since glamour's parse of one line costs up to the
// square of its delimiters (600 KB of "`a" took minutes, and every other
// note's rendering waited). Its timestamp is still a badge, a table row
// stays a row of its table, and a line of a little markup is markdown.
func TestLineOfTooMuchMarkupShownAsWritten(t *testing.T) {
	ticks := strings.Repeat("`a", markupLimit/2+1)
	stars := strings.Repeat("*a", markupLimit+1)
	n := parse(t, "c/n.md", "---\nvideoId: abcdefghijk\n---\n# T\n\nStart "+ticks+"`"+ticks+
		" at <a class=\"yt-timestamp\" data-t=\"0:07\">[0:07]</a>.\n\n| key | value |\n|---|---|\n| x | "+stars+" |\n\nSome **bold** and `code`.\n")
	for _, style := range []string{"notty", "dark"} {
		d := Render(vaultOf(n), Key{Note: n, Width: 80, Style: style}, NewStyles(style, true))
		got := strings.Join(d.Plain, "\n")
		if c := strings.Count(got, "`"); c < 2*strings.Count(ticks, "`")+1 {
			t.Errorf("%s: %d backticks shown, want the line's %d as written:\n%s", style, c, 2*strings.Count(ticks, "`")+1, got)
		}
		if c := strings.Count(got, "*"); c < strings.Count(stars, "*") {
			t.Errorf("%s: %d stars shown, want the table cell's %d as written:\n%s", style, c, strings.Count(stars, "*"), got)
		}
		if strings.Contains(got, "| x |") || !strings.Contains(got, "value") {
			t.Errorf("%s: the table is not laid out:\n%s", style, got)
		}
		if !strings.Contains(got, "Some bold and") {
			t.Errorf("%s: a line of a little markup is not read as markdown:\n%s", style, got)
		}
		badges := 0
		for _, it := range d.Items {
			if it.Kind == Timestamp && it.Found && !it.Dim {
				badges++
			}
		}
		if badges != 1 {
			t.Errorf("%s: %d timestamp badges located, want 1", style, badges)
		}
	}
}

// TestTagEndsAreLookedForNearby: the end of a tag, a comment, an anchor or
// a wikilink is looked for within inlineReach of its start, so that a line
// of a million openers costs its length, not its square: one that ends
// further is text, one that ends nearby markup.
func TestTagEndsAreLookedForNearby(t *testing.T) {
	far := strings.Repeat("x", inlineReach)
	n := parse(t, "c/n.md", "# T\n\nnear <b class=\"k\">bold</b> and <!-- gone --> end\n\nfar <b title=\""+far+"\">x</b> and <!-- "+far+" --> end\n")
	d := notty(vaultOf(n), n, 80)
	got := strings.Join(d.Plain, "\n")
	if !strings.Contains(got, "near bold and  end") {
		t.Errorf("a nearby tag or comment shows:\n%s", got)
	}
	if !strings.Contains(got, "far <b") || !strings.Contains(got, "x and <!--") {
		t.Errorf("a tag or comment ending past inlineReach is dropped, want it shown as text:\n%s", strings.ReplaceAll(got, far, "x…x"))
	}
}
