package loader

import (
	"reflect"
	"strings"
	"testing"

	"tubenotes/model"
)

// TestSpans: the loader records where each part of a note is, and the
// text at each span is the part.
func TestSpans(t *testing.T) {
	text := "---\ntitle: T\n---\n" +
		"From: [[chan]] <br/>\n" +
		"## Intro <a class=\"yt-timestamp\" data-t=\"00:00:05\">[00:00:05]</a> #\n" +
		"See [[a|b]] and [[[c]] and [x](http://e/) and ![i](p.png).\n" +
		"Wrapped [00:01:02](<a class=\"yt-timestamp\" data-t=\"00:01:02\">[00:01:02]</a>) and [00:02:00]<a class='x yt-timestamp' data-t='2:00'>x</A>.\n" +
		"Unclosed <a class=\"yt-timestamp\" data-t=\"3:00\"> after\n" +
		"> [!info]- Callout title\n" +
		"```go\n[[not]] <a class=\"yt-timestamp\" data-t=\"9:00\">x</a>\n```\n" +
		"Setext title\nover two lines\n---\n" +
		"~~~\nopen to the end [y](z)\n"
	n, _ := parseText(t, "ch/a.md", text)
	at := func(s model.Span) string { return text[s.Start:s.End] }
	var stamps, links, sections []string
	for i := range n.Timestamps {
		stamps = append(stamps, at(n.TimestampSpan(i)))
	}
	for i := range n.Links {
		links = append(links, at(n.LinkSpan(i)))
	}
	for i := range n.Sections {
		sections = append(sections, at(n.SectionSpan(i)))
	}
	want := []string{
		`<a class="yt-timestamp" data-t="00:00:05">[00:00:05]</a>`,
		`[00:01:02](<a class="yt-timestamp" data-t="00:01:02">[00:01:02]</a>)`,
		`[00:02:00]<a class='x yt-timestamp' data-t='2:00'>x</A>`,
		`<a class="yt-timestamp" data-t="3:00">`,
	}
	if !reflect.DeepEqual(stamps, want) {
		t.Errorf("timestamp spans\n%q\nwant\n%q", stamps, want)
	}
	if want := []string{"[[a|b]]", "[[c]]"}; !reflect.DeepEqual(links, want) {
		t.Errorf("link spans %q, want %q", links, want)
	}
	if want := []string{`Intro <a class="yt-timestamp" data-t="00:00:05">[00:00:05]</a> #`, "Setext title"}; !reflect.DeepEqual(sections, want) {
		t.Errorf("section spans %q, want %q", sections, want)
	}
	var parts []string
	for i := range n.NumParts() {
		p := n.Part(i)
		parts = append(parts, [...]string{"", "frontmatter", "fence", "open fence", "link", "callout"}[p.Kind]+": "+at(p.Span)+" | "+text[p.Span.Start:p.Inner])
	}
	wantParts := []string{
		"frontmatter: ---\ntitle: T\n---\n | ",
		"link: [x](http://e/) | [x",
		"link: [i](p.png) | [i",
		"callout: [!info]- | [!info",
		"fence: ```go\n[[not]] <a class=\"yt-timestamp\" data-t=\"9:00\">x</a>\n``` | ```go",
		"open fence: ~~~\nopen to the end [y](z)\n | ~~~",
	}
	if !reflect.DeepEqual(parts, wantParts) {
		t.Errorf("parts\n%q\nwant\n%q", parts, wantParts)
	}
}

// TestSpansPastSixtyFourKiB: a note longer than 64 KiB keeps its offsets
// whole.
func TestSpansPastSixtyFourKiB(t *testing.T) {
	pad := strings.Repeat("word ", 20000) + "\n\n"
	text := pad + "## Late [[far]] <a class=\"yt-timestamp\" data-t=\"1:00\">x</a>\n> [!note] n\n"
	n, _ := parseText(t, "ch/long.md", text)
	if len(n.Timestamps) != 1 || len(n.Links) != 1 || len(n.Sections) != 1 || n.NumParts() != 1 {
		t.Fatalf("%d timestamps, %d links, %d sections, %d parts", len(n.Timestamps), len(n.Links), len(n.Sections), n.NumParts())
	}
	at := func(s model.Span) string { return text[s.Start:s.End] }
	if got := at(n.LinkSpan(0)); got != "[[far]]" {
		t.Errorf("link span %q", got)
	}
	if got := at(n.TimestampSpan(0)); got != `<a class="yt-timestamp" data-t="1:00">x</a>` {
		t.Errorf("timestamp span %q", got)
	}
	if got := at(n.SectionSpan(0)); !strings.HasPrefix(got, "Late [[far]]") {
		t.Errorf("section span %q", got)
	}
	if p := n.Part(0); p.Kind != model.Callout || at(p.Span) != "[!note]" {
		t.Errorf("part %+v reads %q", p, at(p.Span))
	}
}

// TestCalloutForms: the loader takes a callout's "[!type]" as notes write
// it: after ">", inside a list item's quote, without the ">", with a fold
// marker, and as "[!type|Title]"; not in running text, not with a blank in
// the type, not indented four without a ">".
func TestCalloutForms(t *testing.T) {
	text := "> [!tip] a\n1. item\n    > [!NOTE] b\n[!WARNING]+ c\n[!NOTE|Human in the Loop]\nText [!not] here.\n" +
		"> [!two words] d\n    [!code] e\n"
	n, _ := parseText(t, "ch/a.md", text)
	var got []string
	for i := range n.NumParts() {
		if p := n.Part(i); p.Kind == model.Callout {
			got = append(got, text[p.Span.Start:p.Span.End]+"/"+text[p.Span.Start+2:p.Inner])
		}
	}
	want := []string{"[!tip]/tip", "[!NOTE]/NOTE", "[!WARNING]+/WARNING", "[!NOTE|Human in the Loop]/NOTE"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("callouts %q, want %q", got, want)
	}
}

// TestWrappedAnchorWithoutParen: "[00:03:42](" before an anchor belongs to
// it even when the ")" after it is missing, so no "[00:03:42](" shows.
func TestWrappedAnchorWithoutParen(t *testing.T) {
	text := "revisions [00:03:42](<a class=\"yt-timestamp\" data-t=\"00:03:42\">[00:03:42]</a>. Next\n"
	n, _ := parseText(t, "ch/a.md", text)
	if len(n.Timestamps) != 1 {
		t.Fatalf("%d timestamps", len(n.Timestamps))
	}
	s := n.TimestampSpan(0)
	if got := text[s.Start:s.End]; got != "[00:03:42](<a class=\"yt-timestamp\" data-t=\"00:03:42\">[00:03:42]</a>" {
		t.Errorf("span %q", got)
	}
}
