package safe

import (
	"html"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

func TestText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "hello world", "hello world"},
		{"tab and newline kept", "a\tb\nc", "a\tb\nc"},
		{"unicode kept", "café İstanbul ışık 日本 ▶", "café İstanbul ışık 日本 ▶"},
		{"csi clear screen", "a\x1b[2Jb", "ab"},
		{"csi sgr", "\x1b[1;31mred\x1b[0m", "red"},
		{"csi private", "x\x1b[?1049hy", "xy"},
		{"osc title bel", "a\x1b]0;pwned\x07b", "ab"},
		{"osc hyperlink st", "\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"osc unterminated stops at newline", "a\x1b]0;title\nnext", "a\nnext"},
		{"dcs", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"apc pm sos", "a\x1b_x\x07b\x1b^y\x07c\x1bXz\x07d", "abcd"},
		{"two byte escape", "a\x1b7b\x1b(Bc\x1bcd", "abcd"},
		{"lone esc at end", "ab\x1b", "ab"},
		{"c0 controls", "a\x00b\x01c\x07d\x08e\rf\x7fg", "abcdefg"},
		{"c1 controls", "a\u0085b\u0080c\u0090dcs string", "abc"}, // U+0090 is DCS: its string runs to the end
		{"c1 csi", "a\u009b2Jb", "ab"},
		{"c1 osc terminated by st", "a\u009d0;t\u009cb", "ab"},
		{"bidi", "a\u202eb\u2066c\u2069d\u200ee\u200ff\u061cg", "abcdefg"},
		{"invalid utf8", "a\xffb\xc3", "a\uFFFDb\uFFFD"},
		{"raw c1 byte is invalid utf8", "a\x9bb", "a\uFFFDb"},
		{"entity decimal esc", "a&#27;[2Jb", "a[2Jb"},
		{"entity hex esc", "a&#x1b;[2J&#X1B;b", "a[2Jb"},
		{"entity leading zeros", "a&#0000027;b", "ab"},
		{"entity no semicolon", "a&#27 b&#x1b", "a b"},
		{"entity bidi", "&#x202e;&#8238;x&#x2066;", "x"},
		{"entity c1", "a&#x85;b&#155;c", "abc"},
		{"entity named bidi", "a&lrm;b&rlm;c", "abc"},
		{"entity nul", "a&#0;b", "ab"},
		{"entity harmless kept", "R&amp;D &lt;b&gt; &#65; &#x263a; Q&A &#9; &#10;", "R&amp;D &lt;b&gt; &#65; &#x263a; Q&A &#9; &#10;"},
		{"entity nested", "&#&#27;27;", ""},
		{"entity nested hex", "&#x&#27;1b;", ""},
		{"entity split by control", "&#2\x007;", ""},
		{"entity split by escape", "&#x1\x1b[0mb;", ""},
		{"named not lrm", "&lrmx; &LRM;", "&lrmx; &LRM;"},
		{"ampersand alone", "a & b &", "a & b &"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLine(t *testing.T) {
	if got := Line("a\tb\nc\x1b[2J\rd"); got != "a b cd" {
		t.Errorf("Line = %q", got)
	}
}

func TestTextReturnsCleanInputUnchanged(t *testing.T) {
	s := strings.Repeat("Plain text, with unicode: café ▶ 日本.\n", 100)
	if allocs := testing.AllocsPerRun(10, func() { _ = Text(s) }); allocs != 0 {
		t.Errorf("Text allocated %v times on clean input", allocs)
	}
}

// checkSafe fails when s, or s with its HTML entities decoded, holds a
// character Text must remove.
func checkSafe(t *testing.T, in, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("Text(%q) = %q: invalid UTF-8", in, s)
	}
	for _, r := range s {
		if IsUnsafe(r) {
			t.Fatalf("Text(%q) = %q: contains %U", in, s, r)
		}
	}
	for _, r := range html.UnescapeString(s) {
		if IsUnsafe(r) {
			t.Fatalf("Text(%q) = %q: decodes to %U", in, s, r)
		}
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"a\x1b[2Jb", "&#27;", "&#&#27;27;", "&#x1\x00b;", "\u202e", "\u009b1m", "\xff", "&lrm;", "x\x1b]0;t\x07"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Text(in)
		checkSafe(t, in, out)
		if Text(out) != out {
			t.Fatalf("Text is not idempotent on %q: %q then %q", in, out, Text(out))
		}
		line := Line(in)
		checkSafe(t, in, line)
		if strings.ContainsAny(line, "\n\t") {
			t.Fatalf("Line(%q) = %q keeps a newline or tab", in, line)
		}
	})
}

func BenchmarkTextClean(b *testing.B) {
	s := strings.Repeat("A foundational principle in technological advancement is that hardware — café ▶ precede software.\n", 70)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		_ = Text(s)
	}
}

func BenchmarkTextWithEntities(b *testing.B) {
	s := strings.Repeat("R&D and Q&A: hardware &amp; software <a class=\"yt-timestamp\" data-t=\"00:01:00\">[00:01:00]</a>\n", 70)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		_ = Text(s)
	}
}

// TestJoinedEmojiWidth: an emoji sequence joined with ZWJ measures as the
// terminal draws it (tmux: each emoji, 6 cells for 👨‍👩‍👧), so no pane
// border moves; a ZWJ in other scripts stays.
func TestJoinedEmojiWidth(t *testing.T) {
	for _, c := range []struct {
		in, want string
		width    int
	}{
		{"## 👨\u200d👩\u200d👧 family", "## 👨👩👧 family", 16},
		{"👩\u200d💻", "👩💻", 4},
		{"👍🏽\u200d", "👍🏽", 2},
		{"❤\ufe0f\u200d🔥", "❤\ufe0f🔥", 4},
		{"क्\u200dष", "क्\u200dष", ansi.StringWidth("क्\u200dष")},
	} {
		got := Line(c.in)
		if got != c.want || ansi.StringWidth(got) != c.width {
			t.Errorf("Line(%q) = %q (%d cells), want %q (%d cells)", c.in, got, ansi.StringWidth(got), c.want, c.width)
		}
	}
}
