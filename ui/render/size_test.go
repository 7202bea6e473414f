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
		body := len(n.Text) - bodyOffset(n)
		if d.Truncated < body-MaxText || d.Truncated > body {
			t.Fatalf("%s: %d of %d bytes left out, want all but at most %d", style, d.Truncated, body, MaxText)
		}
		last := d.Plain[len(d.Plain)-1]
		want := fmt.Sprintf("note truncated at %s of 50.0 MB", megabytes(body-d.Truncated))
		if !strings.Contains(last, want) || !strings.HasPrefix(megabytes(body-d.Truncated), "2.0") && !strings.HasPrefix(megabytes(body-d.Truncated), "1.9") {
			t.Errorf("%s: the last line is %q, want it to say %q", style, last, want)
		}
		size := 0
		for i := range d.Lines {
			size += len(d.Lines[i]) + len(d.Plain[i])
		}
		// A 2 MB note lays out to about 30,000 lines of 80 cells and 20 MB.
		if len(d.Lines) > 60_000 || size > 40<<20 {
			t.Errorf("%s: %d lines, %d bytes rendered of a 50 MB note", style, len(d.Lines), size)
		}
		for _, it := range d.Items {
			if it.Found && it.Start.Line >= len(d.Lines) {
				t.Fatalf("%s: an item is located past the last line", style)
			}
		}
	}
}

// TestTextEndAtLineStart: the cut is at a line's start within the limit,
// preferring a blank line near it, and nothing is cut from a small note.
func TestTextEndAtLineStart(t *testing.T) {
	n := parse(t, "c/n.md", "# T\n\nfirst line\n\nsecond para\nmore\n")
	if got := textEnd(n, 1<<20); got != len(n.Text) {
		t.Errorf("a small note is cut at %d of %d", got, len(n.Text))
	}
	lo := bodyOffset(n)
	for limit := 1; limit < len(n.Text)-lo; limit++ {
		end := textEnd(n, limit)
		if end-lo > limit || end > lo && n.Text[end-1] != '\n' {
			t.Errorf("limit %d: cut at %d (%q)", limit, end, n.Text[lo:end])
		}
	}
	long := parse(t, "c/long.md", strings.Repeat("word ", 1000))
	if got := textEnd(long, 100); got != bodyOffset(long) {
		t.Errorf("a line longer than the limit is cut inside, at %d", got)
	}
}

// TestPiecesRenderAsTheWhole: markdown cut into pieces (before headings,
// never in fenced code) renders to the same lines as in one go.
func TestPiecesRenderAsTheWhole(t *testing.T) {
	var b strings.Builder
	for i := range 40 {
		fmt.Fprintf(&b, "## Section %d\n\nSome text of section %d, long enough to wrap at the width given here.\n\n- one\n- two\n\n", i, i)
		if i%7 == 0 {
			b.WriteString("```\n# not a heading\n\n## nor this\n```\n\n")
		}
		if i%5 == 0 {
			b.WriteString("1. first\n2. second\n\n> a quote\n\n")
		}
	}
	md := b.String()
	ps := pieces(md, 300)
	if len(ps) < 10 || strings.Join(ps, "") != md {
		t.Fatalf("%d pieces, joined equal: %v", len(ps), strings.Join(ps, "") == md)
	}
	for _, p := range ps[1:] {
		if !strings.HasPrefix(p, "## Section") {
			t.Fatalf("a piece starts %q", p[:min(len(p), 20)])
		}
	}
	for _, style := range []string{"notty", "dark"} {
		tr, err := glamour.NewTermRenderer(glamourStyle(style), glamour.WithWordWrap(40), glamour.WithPreservedNewLines())
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
			for i := range min(len(got), len(want)) {
				if got[i] != want[i] {
					t.Logf("line %d: %q vs %q", i, got[i-4:i+2], want[i-4:i+2])
					break
				}
			}
		}
	}
}

func plainLines(s string) []string {
	ls := strings.Split(strings.TrimRight(ansi.Strip(s), "\n"), "\n")
	for i := range ls {
		ls[i] = strings.TrimRight(ls[i], " ")
	}
	return ls
}
