package render

import (
	"strings"
	"testing"

	"tubenotes/loader"
	"tubenotes/ui/safe"
)

// FuzzRender puts arbitrary note bodies through the whole render path: no
// panic, nothing unsafe and no sentinel in the output, every located item
// inside the rendered lines.
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"## H <a class=\"yt-timestamp\" data-t=\"00:01:00\">[00:01:00]</a>\n\n[[a|b]] text",
		"x [00:01:02](<a class=\"yt-timestamp\" data-t=\"00:01:02\">[00:01:02]</a>) y <br/> z",
		"| a | [[b\\|c]] |\n|---|---|\n| <br/> | &#27;[2J |",
		"```\n[[code]] <a class=\"yt-timestamp\" data-t=\"1:00\">x</a>\n```",
		"\x1b]0;t\x07 \u202e &#xE0001; \U000E0001\U000E0020\U000E007F [[[x]]",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		text := "---\ntitle: fuzz\nvideoId: abcdefghijk\n---\n" + body
		n, _ := loader.ParseNote("c/fuzz.md", []byte(text), loader.TimestampsAuto)
		if n == nil {
			return // a binary file is no note
		}
		v := vaultOf(n)
		r := notty(v, n, 40)
		for i, l := range r.Plain {
			for _, c := range l {
				if safe.IsUnsafe(c) || isTag(c) {
					t.Fatalf("line %d holds %U: %q", i, c, l)
				}
			}
			if strings.Contains(r.Lines[i], "\x1b") {
				t.Fatalf("notty line %d holds an escape: %q", i, r.Lines[i])
			}
		}
		for _, it := range r.Items {
			if it.Found && (it.Start.Line >= len(r.Lines) || it.End.Line >= len(r.Lines) || it.Start.Col < 0) {
				t.Fatalf("item outside the lines: %+v", it)
			}
		}
	})
}
