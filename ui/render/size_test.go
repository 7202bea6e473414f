package render

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"

	"tubenotes/loader/loadtest"
)

// TestHugeNoteTruncated renders a 50 MB note: only its first MaxText bytes
// are laid out, a line says so, and the rendering's size is that of a
// 2 MB note (before, it took two minutes and 9 GB).
func TestHugeNoteTruncated(t *testing.T) {
	text := string(loadtest.BigNote(50 << 20))
	n := parse(t, "c/huge.md", text)
	for _, style := range []string{"notty", "dark"} {
		d := Render(vaultOf(n), Key{Note: n, Width: 80, Style: style}, NewStyles(style, true))
		body := len(n.Text()) - bodyOffset(n)
		if d.Truncated < body-MaxText || d.Truncated > body {
			t.Fatalf("%s: %d of %d bytes left out, want all but at most %d", style, d.Truncated, body, MaxText)
		}
		last := d.Plain[len(d.Plain)-1]
		want := "note truncated at 1.0 MB of 50.0 MB: the rest is not shown"
		if !strings.Contains(last, want) {
			t.Errorf("%s: the last line is %q, want it to say %q", style, last, want)
		}
		size := 0
		for i := range d.Lines {
			size += len(d.Lines[i]) + len(d.Plain[i])
		}
		// A 1 MB note lays out to about 15,000 lines of 80 cells and 10 MB.
		if len(d.Lines) > 30_000 || size > MaxStyled+4<<20 {
			t.Errorf("%s: %d lines, %d bytes rendered of a 50 MB note", style, len(d.Lines), size)
		}
		for _, it := range d.Items {
			if it.Found && it.Start.Line >= len(d.Lines) {
				t.Fatalf("%s: an item is located past the last line", style)
			}
		}
	}
}

// TestStyledOutputBounded renders 1 MB of one-letter list items, which
// glamour writes out 350 times larger: rendering stops soon after
// MaxStyled bytes of lines, and says the note was truncated.
func TestStyledOutputBounded(t *testing.T) {
	n := parse(t, "c/list.md", "# List\n\n"+strings.Repeat("- a\n", (1<<20)/4-4))
	d := Render(vaultOf(n), Key{Note: n, Width: 100, Style: "dark"}, NewStyles("dark", true))
	size := 0
	for _, l := range d.Lines {
		size += len(l)
	}
	if size < MaxStyled || size > MaxStyled+8<<20 {
		t.Errorf("%d bytes of styled lines, want %d to %d", size, MaxStyled, MaxStyled+8<<20)
	}
	if d.Truncated == 0 || !strings.Contains(d.Plain[len(d.Plain)-1], "note truncated at") {
		t.Errorf("%d bytes left out; the last line is %q", d.Truncated, d.Plain[len(d.Plain)-1])
	}
}

// TestTextEndAtLineStart: the cut is at a line's start within the limit,
// preferring a blank line near it, and nothing is cut from a small note.
func TestTextEndAtLineStart(t *testing.T) {
	n := parse(t, "c/n.md", "# T\n\nfirst line\n\nsecond para\nmore\n")
	if got := textEnd(n, 1<<20); got != len(n.Text()) {
		t.Errorf("a small note is cut at %d of %d", got, len(n.Text()))
	}
	lo := bodyOffset(n)
	for limit := 1; limit < len(n.Text())-lo; limit++ {
		end := textEnd(n, limit)
		if end-lo > limit || end > lo && n.Text()[end-1] != '\n' {
			t.Errorf("limit %d: cut at %d (%q)", limit, end, n.Text()[lo:end])
		}
	}
	long := parse(t, "c/long.md", strings.Repeat("word ", 1000))
	if got := textEnd(long, 100); got != bodyOffset(long) {
		t.Errorf("a line longer than the limit is cut inside, at %d", got)
	}
}

// TestPiecesRenderAsTheWhole: markdown cut into pieces (before headings or
// after blank lines, never in fenced code) renders to the same lines as in
// one go, but for the number of blank lines where pieces meet.
func TestPiecesRenderAsTheWhole(t *testing.T) {
	var b strings.Builder
	for i := range 40 {
		fmt.Fprintf(&b, "## Section %d\n\nSome text of section %d, long enough to wrap at the width given here.\n\n- one\n- two\n\n", i, i)
		if i%7 == 0 {
			b.WriteString("```\n# not a heading\n\n## nor this\n```\n\n")
		}
		if i%5 == 0 {
			b.WriteString("1. first\n2. second\n\n> a quote\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n")
		}
	}
	md := b.String()
	ps := pieces(md, 300)
	if len(ps) < 10 || strings.Join(ps, "") != md {
		t.Fatalf("%d pieces, joined equal: %v", len(ps), strings.Join(ps, "") == md)
	}
	for i, p := range ps[1:] {
		if !strings.HasSuffix(ps[i], "\n\n") && !strings.HasPrefix(p, "## Section") || !startsBlock(p) {
			t.Fatalf("a piece starts %q after %q", p[:min(len(p), 20)], ps[i][max(len(ps[i])-20, 0):])
		}
		if strings.HasPrefix(p, "```") || strings.HasPrefix(p, "#") && !strings.HasPrefix(p, "## Section") {
			t.Fatalf("a piece starts inside fenced code: %q", p[:20])
		}
	}
	for _, style := range []string{"notty", "dark"} {
		tr, err := glamour.NewTermRenderer(glamourStyle(style, nil), glamour.WithWordWrap(40), glamour.WithPreservedNewLines())
		if err != nil {
			t.Fatal(err)
		}
		whole, _ := tr.Render(md)
		var parts []string
		for i, p := range ps {
			out, _ := tr.Render(p)
			parts = append(parts, pieceLines(out, i == len(ps)-1)...)
		}
		want, got := plainLines(whole), plainLines(strings.Join(parts, "\n"))
		if strings.Join(want, "\n") != strings.Join(got, "\n") {
			t.Errorf("%s: in pieces %d lines, whole %d; they differ", style, len(got), len(want))
		}
	}
	if ps := pieces(md[:1200], 300); len(ps) != 1 {
		t.Errorf("markdown of four pieces' size is cut in %d", len(ps))
	}
}

// plainLines are the lines of s without styles or trailing spaces, each
// run of blank lines as one.
func plainLines(s string) []string {
	var out []string
	for l := range strings.SplitSeq(strings.TrimRight(ansi.Strip(s), "\n"), "\n") {
		l = strings.TrimRight(l, " ")
		if l == "" && len(out) > 0 && out[len(out)-1] == "" {
			continue
		}
		out = append(out, l)
	}
	return out
}

// TestPiecesCutLongCode: fenced code longer than a piece is cut into
// parts, each closed and the next opened again with the same fence line,
// so every part renders as code and every code line is in one part.
func TestPiecesCutLongCode(t *testing.T) {
	const opener = "~~~~ go\n"
	code := strings.Repeat("x := 1 // ``` is not a fence here\n", 100)
	md := "# T\n\n" + opener + code + "~~~~\n\nafter\n"
	ps := pieces(md, 500)
	if len(ps) < 5 {
		t.Fatalf("%d pieces of %d bytes of code", len(ps), len(code))
	}
	var back strings.Builder
	for i, p := range ps {
		if i > 0 {
			if !strings.HasPrefix(p, opener) {
				t.Fatalf("piece %d starts %q", i, p[:20])
			}
			p = strings.TrimPrefix(p, opener)
		}
		if i < len(ps)-1 {
			if !strings.HasSuffix(p, "\n~~~~\n") {
				t.Fatalf("piece %d ends %q", i, p[len(p)-20:])
			}
			p = strings.TrimSuffix(p, "~~~~\n")
		}
		back.WriteString(p)
	}
	if back.String() != md {
		t.Error("the pieces without their added fence lines are not the markdown")
	}
}
