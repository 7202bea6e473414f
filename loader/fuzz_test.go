package loader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func addSeeds(f *testing.F, add func(data []byte)) {
	files, _ := filepath.Glob("testdata/*.md")
	more, _ := filepath.Glob("testdata/vault/*/*.md")
	for _, p := range append(files, more...) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		add(data)
	}
	for _, s := range []string{
		"", "---", "---\n", "---\n---", "---\ntitle: [x\n---\n", "\ufeff---\r\ntitle: T\r\n---\r\n# H\r\n",
		"para\n---\n", "a\nb\n===\n", "```\n# x\n", "~~~~\n~~~\n# y\n~~~~~\n", "# a #\n#\n", "<br>\n---\n",
		"[[a|b]] [[ c # d | e ]] [[[x]]] [[", "### [T](https://www.youtube.com/watch?v=AAAAAAAAAAA)\n- [[a]]\n- [[b|c]]\n### [U](https://youtu.be/B)\n", stamp("42:34:00") + stamp("1:00:00") + stamp("x") + stamp("1:2:3:4"),
		`<a class="yt-timestamp" data-t="`, `<a data-t='1:00' class="a yt-timestamp">`, "From: [[x]]\n", "\xff\xfe# t\n",
	} {
		add([]byte(s))
	}
}

// FuzzParseNote checks that no input panics the parser or gives lines,
// sections or seconds out of their bounds.
func FuzzParseNote(f *testing.F) {
	addSeeds(f, func(data []byte) { f.Add(data, uint8(0)) })
	f.Fuzz(func(t *testing.T, data []byte, modeByte uint8) {
		mode := TimestampMode(modeByte % 3)
		n, problems := ParseNote("ch/fuzz.md", data, mode)
		for _, p := range problems {
			if p.Path != "ch/fuzz.md" || p.Message == "" {
				t.Fatalf("problem %+v", p)
			}
		}
		if n == nil {
			if strings.IndexByte(string(data), 0) < 0 {
				t.Fatal("note without a NUL byte skipped")
			}
			return
		}
		if !utf8.ValidString(n.Text()) {
			t.Fatal("text is not valid UTF-8")
		}
		lines := n.LineCount()
		if n.BodyLine < 1 || n.BodyLine > lines+1 {
			t.Fatalf("body line %d of %d", n.BodyLine, lines)
		}
		last := 0
		for i, s := range n.Sections {
			if s.Line < max(n.BodyLine, 1) || s.Line > lines || s.Line <= last || s.Level < 1 || s.Level > 6 {
				t.Fatalf("section %d %+v out of bounds (body %d, %d lines, previous at %d)", i, s, n.BodyLine, lines, last)
			}
			last = s.Line
		}
		for i, ts := range n.Timestamps {
			line, section := int(ts.Line), int(ts.Section)
			if line < n.BodyLine || line > lines || section < -1 || section >= len(n.Sections) || section != n.SectionAt(line) {
				t.Fatalf("timestamp %d %+v out of bounds (%d lines, %d sections)", i, ts, lines, len(n.Sections))
			}
			if ts.Valid && ts.Seconds < 0 {
				t.Fatalf("timestamp %d %+v: valid with negative seconds", i, ts)
			}
			if !strings.Contains(n.Text(), ts.Raw) {
				t.Fatalf("timestamp %d raw %q not in the text", i, ts.Raw)
			}
		}
		for i, l := range n.Links {
			if l.Line < n.BodyLine || l.Line > lines || l.Target == "" || l.Label == "" {
				t.Fatalf("link %d %+v out of bounds (%d lines)", i, l, lines)
			}
		}
		if !n.SpansConsistent() {
			t.Fatal("the loader's spans fail model.Note.SpansConsistent, which the cache checks them with")
		}
		if n.Title == "" && readableName(n.Path) != "" {
			t.Fatal("no title")
		}
		for _, pv := range parseChannelPage(n).Videos {
			for _, li := range pv.Links {
				if li < 0 || li >= len(n.Links) {
					t.Fatalf("channel page video %q lists link %d of %d", pv.ID, li, len(n.Links))
				}
			}
		}
	})
}

// FuzzSimpleMeta checks that the fast frontmatter reader never reads
// anything differently from the YAML library.
func FuzzSimpleMeta(f *testing.F) {
	addSeeds(f, func(data []byte) {
		if fm := splitFrontmatter(string(data)); fm.found {
			f.Add(fm.yaml)
		}
	})
	for _, s := range []string{"title: x\n", "title: 'a'\nvideoId: \"b\"\n", "k: 1e3\n", "k: - a\n", "k: No\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if utf8.ValidString(src) {
			checkSimpleMetaAgrees(t, src)
		}
	})
}
