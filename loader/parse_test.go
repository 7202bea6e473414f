package loader

import (
	"reflect"
	"strings"
	"testing"

	"tubenotes/model"
)

func parseText(t *testing.T, path, text string) (*model.Note, []model.Problem) {
	t.Helper()
	n, problems := ParseNote(path, []byte(text), TimestampsAuto)
	if n == nil {
		t.Fatalf("ParseNote(%q) skipped the note: %v", path, problems)
	}
	return n, problems
}

func messages(problems []model.Problem) []string {
	var out []string
	for _, p := range problems {
		out = append(out, p.Message)
	}
	return out
}

func TestTitle(t *testing.T) {
	tests := []struct {
		name, path, text, want string
	}{
		{"frontmatter", "ch/a.md", "---\ntitle: From YAML\n---\n# Heading\n", "From YAML"},
		{"frontmatter quoted", "ch/a.md", "---\ntitle: \"Quoted: yes\"\n---\n", "Quoted: yes"},
		{"frontmatter number", "ch/a.md", "---\ntitle: 1984\n---\n", "1984"},
		{"first # heading", "ch/a.md", "intro\n## Second level\n# First level\n# Later\n", "First level"},
		{"setext level 1", "ch/a.md", "Big title\n===\n", "Big title"},
		{"heading when title empty", "ch/a.md", "---\ntitle:\n---\n# Heading\n", "Heading"},
		{"file name", "ch/role_of-product_leaders.md", "no headings\n", "Role of product leaders"},
		{"file name non-ASCII", "ch/ışık_hızı.md", "", "Işık hızı"},
		{"escape sequences kept for the UI to clean", "ch/a.md", "---\ntitle: \"\\e[31mred\\a\"\n---\n", "\x1b[31mred\a"},
		{"escape in heading kept", "ch/a.md", "# \x1b]8;;http://x\x07link\n", "\x1b]8;;http://x\x07link"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, _ := parseText(t, tt.path, tt.text)
			if n.Title != tt.want {
				t.Errorf("title %q, want %q", n.Title, tt.want)
			}
		})
	}
}

func TestFrontmatter(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		meta     map[string]any
		videoID  string
		bodyLine int
		problems []string
	}{
		{"keys kept", "---\ntitle: T\nvideoId: LKlE93-SDpc\ntags: [a, b]\nviews: 12\n---\nbody\n",
			map[string]any{"title": "T", "videoId": "LKlE93-SDpc", "tags": []any{"a", "b"}, "views": 12}, "LKlE93-SDpc", 7, nil},
		{"simple keys", "---\ntitle: T\nvideoId: -4svi_vYmOM\n---\n",
			map[string]any{"title": "T", "videoId": "-4svi_vYmOM"}, "-4svi_vYmOM", 5, nil},
		{"videoId as written", "---\nvideoId: 12345678901\n---\n", map[string]any{"videoId": 12345678901}, "12345678901", 4, nil},
		{"dots close", "---\ntitle: T\n...\nbody", map[string]any{"title": "T"}, "", 4, nil},
		{"empty block", "---\n---\nbody\n", nil, "", 3, nil},
		{"none", "body\n---\n", nil, "", 1, nil},
		{"not at the top", "\n---\ntitle: T\n---\n", nil, "", 1, nil},
		{"unterminated", "---\ntitle: T\nbody\n", nil, "", 1, []string{"unterminated frontmatter: read as body"}},
		{"only the opening line", "---", nil, "", 1, []string{"unterminated frontmatter: read as body"}},
		{"invalid YAML", "---\ntitle: [unclosed\n---\nbody\n", nil, "", 4, []string{"invalid frontmatter YAML: line 2: did not find expected ',' or ']'"}},
		{"not a mapping", "---\n- a\n- b\n---\n", nil, "", 5, []string{"invalid frontmatter YAML: not a mapping of keys to values"}},
		{"duplicate key", "---\ntitle: a\ntitle: b\n---\n", nil, "", 5, []string{"invalid frontmatter YAML: line 3: mapping key \"title\" already defined at line 2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, problems := parseText(t, "ch/a.md", tt.text)
			if meta, _ := Meta(n); len(tt.meta) != len(meta) || len(tt.meta) > 0 && !reflect.DeepEqual(meta, tt.meta) {
				t.Errorf("meta %#v, want %#v", meta, tt.meta)
			}
			if n.VideoID != tt.videoID || n.BodyLine != tt.bodyLine {
				t.Errorf("videoId %q body line %d, want %q %d", n.VideoID, n.BodyLine, tt.videoID, tt.bodyLine)
			}
			if got := messages(problems); !reflect.DeepEqual(got, tt.problems) {
				t.Errorf("problems %q, want %q", got, tt.problems)
			}
		})
	}
}

func TestChannel(t *testing.T) {
	tests := []struct{ name, path, text, want string }{
		{"From line", "folder/a.md", "---\ntitle: T\n---\n\nFrom: [[bankless]] <br/> \n", "bankless"},
		{"From line with label", "folder/a.md", "From: [[ lenny | Lenny's Podcast ]]\n", "lenny"},
		{"top folder", "lennyspodcast/sub/a.md", "no from line\n", "lennyspodcast"},
		{"root", "index.md", "# Index\n", ""},
		{"From inside code is not one", "folder/a.md", "```\nFrom: [[x]]\n```\n", "folder"},
		{"bidi marks in the folder name", "\u200fchan\u200e/a.md", "text\n", "\u200fchan\u200e"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, _ := parseText(t, tt.path, tt.text)
			if n.Channel != tt.want {
				t.Errorf("channel %q, want %q", n.Channel, tt.want)
			}
		})
	}
	n, _ := parseText(t, "f/a.md", "From: [[chan]] and [[other]]\nsee [[chan]]\n")
	if len(n.Links) != 2 || n.Links[0].Target != "other" || n.Links[1].Line != 2 {
		t.Errorf("links %+v: want the From link left out, the rest kept", n.Links)
	}
}

func sections(secs ...any) []model.Section {
	var out []model.Section
	for i := 0; i < len(secs); i += 3 {
		out = append(out, model.Section{Title: secs[i].(string), Level: secs[i+1].(int), Line: secs[i+2].(int)})
	}
	return out
}

func TestSections(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []model.Section
	}{
		{"ATX levels", "# One\n## Two\n###### Six\n####### Seven\n", sections("One", 1, 1, "Two", 2, 2, "Six", 6, 3)},
		{"space needed", "#hashtag\n#\tTab\n##\n", sections("Tab", 1, 2, "", 2, 3)},
		{"closing hashes", "## Title ##\n## C# #\n## Sharp#\n### ###\n", sections("Title", 2, 1, "C#", 2, 2, "Sharp#", 2, 3, "", 3, 4)},
		{"indent", "   ## Three spaces\n    ## Code\n", sections("Three spaces", 2, 1)},
		{"setext", "Title one\n===\n\nTitle two\n---\n", sections("Title one", 1, 1, "Title two", 2, 4)},
		{"setext over two lines", "first line\nsecond line\n---\n", sections("first line second line", 2, 1)},
		{"thematic break after blank", "para\n\n---\ntext\n***\n", nil},
		{"break after a list", "- item\n---\n1. one\n===\n", nil},
		{"break after an HTML line", "<br>\n---\n", nil},
		{"heading after frontmatter is not setext", "---\ntitle: T\n---\n---\n## Real\n", sections("Real", 2, 5)},
		{"backtick fence", "```go\n# not\n```\n# yes\n", sections("yes", 1, 4)},
		{"tilde fence", "~~~\n# not\n~~~\n", nil},
		{"closing fence longer", "````\n# not\n```\n# still not\n`````\n# yes\n", sections("yes", 1, 6)},
		{"closing fence other char", "```\n~~~\n# not\n```\n## yes\n", sections("yes", 2, 5)},
		{"backtick info with backtick is not a fence", "``` a`b\n# yes\n", sections("yes", 1, 2)},
		{"unclosed fence hides the rest", "# before\n```\n# not\n", sections("before", 1, 1)},
		{"setext not across a fence", "text\n```\n---\n```\n", nil},
		{"CRLF", "# One\r\n\r\nTwo\r\n---\r\n", sections("One", 1, 1, "Two", 2, 3)},
		{"CR alone", "# One\r\rTwo\r---\r## Three\r", sections("One", 1, 1, "Two", 2, 3, "Three", 2, 5)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, _ := parseText(t, "ch/a.md", tt.text)
			if !reflect.DeepEqual(n.Sections, tt.want) && (len(n.Sections) != 0 || len(tt.want) != 0) {
				t.Errorf("sections\n%+v, want\n%+v", n.Sections, tt.want)
			}
		})
	}
}

func stamp(raw string) string {
	return `<a class="yt-timestamp" data-t="` + raw + `">[` + raw + `]</a>`
}

func TestTimestampValues(t *testing.T) {
	tests := []struct {
		raw     string
		valid   bool
		seconds int
	}{
		{"00:00:00", true, 0},
		{"00:01:05", true, 65},
		{"1:02:03", true, 3723},
		{"02:03", true, 123},
		{"75:00", true, 4500},
		{"100:00:00", true, 360000},
		{"01:02:03:45", true, 3723},
		{"1:02:03:94", true, 3723},
		{"00:60:00", false, 0},
		{"00:00:60", false, 0},
		{"01:61", false, 0},
		{"00:18:58]", false, 0},
		{"HH:MM:SS", false, 0},
		{"https://youtu.be/x?t=5", false, 0},
		{"", false, 0},
		{"12", false, 0},
		{"1:2:3:4:5", false, 0},
		{"-1:00", false, 0},
		{"+1:00", false, 0},
		{" 1:00", false, 0},
		{"1::00", false, 0},
		{"1:02:03:x", false, 0},
		{"9999999999:00", false, 0},
		{"596523:14:07", true, 2147483647}, // the most seconds a timestamp holds
		{"596523:14:08", false, 0},
		{"999999999:00:00", false, 0},
		{"١:٠٠", false, 0},
	}
	for _, tt := range tests {
		// h:mm:ss forced: the value as read, not the doubt over a lone one.
		n, _ := ParseNote("ch/a.md", []byte("x "+stamp(tt.raw)+"\n"), TimestampsHMS)
		if len(n.Timestamps) != 1 {
			t.Errorf("%q: %d timestamps, want 1", tt.raw, len(n.Timestamps))
			continue
		}
		ts := n.Timestamps[0]
		if ts.Raw != tt.raw || ts.Valid != tt.valid || tt.valid && int(ts.Seconds) != tt.seconds {
			t.Errorf("%q: raw %q valid %v seconds %d, want valid %v seconds %d", tt.raw, ts.Raw, ts.Valid, ts.Seconds, tt.valid, tt.seconds)
		}
	}
}

func secondsOf(n *model.Note) []int {
	var out []int
	for _, ts := range n.Timestamps {
		if ts.Valid {
			out = append(out, int(ts.Seconds))
		} else {
			out = append(out, -1)
		}
	}
	return out
}

func TestMinutesRule(t *testing.T) {
	note := func(raws ...string) string {
		var b strings.Builder
		for _, r := range raws {
			b.WriteString("- " + stamp(r) + "\n")
		}
		return b.String()
	}
	tests := []struct {
		name string
		text string
		mode TimestampMode
		want []int
	}{
		{"all :00 read as mm:ss:00", note("00:00:00", "42:34:00", "43:10:00", "12:05", "01:02:03:04"), TimestampsAuto, []int{0, 2554, 2590, 725, 3723}},
		{"one value is not enough", note("00:00:00", "02:34:00"), TimestampsAuto, []int{0, 9240}},
		{"past 12 hours reads as mm:ss:00 even alone", note("00:00:00", "42:34:00"), TimestampsAuto, []int{0, 2554}},
		{"00:00:00 does not count", note("00:00:00", "00:00:00", "00:05:00"), TimestampsAuto, []int{0, 0, 300}},
		{"half ending in :00 is enough", note("01:01:00", "00:02:00", "00:02:30"), TimestampsAuto, []int{61, 2, 2}},
		{"00:mm:00 alone is h:mm:ss", note("00:01:00", "00:02:00", "00:02:30"), TimestampsAuto, []int{60, 120, 150}},
		{"a mixture: 53:17:00 is not 53 hours", note("00:00:00", "05:30:00", "53:17:00", "00:00:17", "55:30:00"), TimestampsAuto, []int{0, 330, 3197, 0, 3330}},
		{"fewer than half ending in :00 keeps h:mm:ss", note("00:01:00", "00:02:30", "00:03:15"), TimestampsAuto, []int{60, 150, 195}},
		{"any filler, not only :00", note("05:31:01", "06:27:01", "07:10:01", "00:12:34"), TimestampsAuto, []int{331, 387, 430, 12}},
		{"implausible beside the others reads as mm:ss:00", note("00:01:10", "00:02:20", "00:03:30", "00:04:45", "05:17:23"), TimestampsAuto, []int{70, 140, 210, 285, 317}},
		{"one past the hour among early ones keeps h:mm:ss", note("00:00:32", "00:00:38", "00:01:00", "01:02:03"), TimestampsAuto, []int{32, 38, 60, 3723}},
		{"plausible beside the others keeps h:mm:ss", note("00:10:10", "00:32:20", "00:53:30", "01:04:45", "01:57:23"), TimestampsAuto, []int{610, 1940, 3210, 3885, 7043}},
		{"invalid values do not count", note("01:00:00", "02:00:00", "00:61:05", "HH:MM:SS"), TimestampsAuto, []int{60, 120, -1, -1}},
		{"hms forced", note("01:00:00", "02:00:00"), TimestampsHMS, []int{3600, 7200}},
		{"ms forced", note("01:02:03", "01:00"), TimestampsMS, []int{62, 60}},
		{"code is not counted", "```\n" + note("01:00:00", "02:00:00") + "```\n" + note("01:00:00"), TimestampsAuto, []int{3600}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, _ := ParseNote("ch/a.md", []byte(tt.text), tt.mode)
			if got := secondsOf(n); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("seconds %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDoubtful(t *testing.T) {
	note := func(raws ...string) string {
		var b strings.Builder
		for _, r := range raws {
			b.WriteString("- " + stamp(r) + "\n")
		}
		return b.String()
	}
	tests := []struct {
		name string
		text string
		mode TimestampMode
		want []bool
	}{
		{"a two-part value far past the others", note("00:01:10", "00:02:20", "00:03:30", "300:00"), TimestampsAuto, []bool{false, false, false, true}},
		{"past 12 hours either way", note("00:01:10", "00:02:20", "999:00:00"), TimestampsAuto, []bool{false, false, true}},
		{"a spread of plausible times", note("00:10:10", "00:32:20", "01:04:45", "01:57:23"), TimestampsAuto, []bool{false, false, false, false}},
		{"forced readings are doubted too", note("00:01:10", "00:02:20", "00:03:30", "05:00:00"), TimestampsHMS, []bool{false, false, false, true}},
		{"invalid is not doubtful", note("HH:MM:SS", "00:01:00"), TimestampsAuto, []bool{false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, _ := ParseNote("ch/a.md", []byte(tt.text), tt.mode)
			var got []bool
			for _, ts := range n.Timestamps {
				got = append(got, ts.Doubtful)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("doubtful %v, want %v (seconds %v)", got, tt.want, secondsOf(n))
			}
			for i, ts := range n.Timestamps {
				if ts.Doubtful && !n.Openable(i) && n.HasVideo() {
					t.Errorf("doubtful timestamp %d not openable", i)
				}
			}
		})
	}
}

func TestTimestampPlaces(t *testing.T) {
	text := "---\ntitle: T\n---\nintro " + stamp("00:00:01") + " and " + stamp("00:00:02") + "\n" +
		"## First " + stamp("00:00:03") + "\n" +
		"```\n" + stamp("00:00:09") + "\n```\n" +
		"Second\n" + stamp("00:00:04") + "\n---\n" +
		`<a data-t="00:00:05" class="note yt-timestamp">x</a> <a class="yt-timestamps" data-t="00:00:06">no</a>` + "\n" +
		`<abbr class="yt-timestamp" data-t="00:00:07">no</abbr> <a class='yt-timestamp' data-t='00:00:08'>y</a>` + "\n"
	n, _ := parseText(t, "ch/a.md", text)
	type place struct {
		raw           string
		line, section int
	}
	var got []place
	for _, ts := range n.Timestamps {
		got = append(got, place{ts.Raw, int(ts.Line), int(ts.Section)})
	}
	want := []place{{"00:00:01", 4, -1}, {"00:00:02", 4, -1}, {"00:00:03", 5, 0}, {"00:00:04", 10, 1}, {"00:00:05", 12, 1}, {"00:00:08", 13, 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("timestamps\n%v, want\n%v", got, want)
	}
	if want := sections("First "+stamp("00:00:03"), 2, 5, "Second "+stamp("00:00:04"), 2, 9); !reflect.DeepEqual(n.Sections, want) {
		t.Errorf("sections %+v, want %+v", n.Sections, want)
	}
}

func TestWikilinks(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []model.Link
	}{
		{"plain", "see [[target]].", []model.Link{{Target: "target", Label: "target", Line: 1}}},
		{"label", "[[target|Label]]", []model.Link{{Target: "target", Label: "Label", Line: 1}}},
		{"spaces", "[[ target | The label ]]", []model.Link{{Target: "target", Label: "The label", Line: 1}}},
		{"heading", "[[target#Some heading|label]]", []model.Link{{Target: "target", Heading: "Some heading", Label: "label", Line: 1}}},
		{"heading without label", "[[target#h]]", []model.Link{{Target: "target", Heading: "h", Label: "target", Line: 1}}},
		{"by title", "[[Role of product leaders]]", []model.Link{{Target: "Role of product leaders", Label: "Role of product leaders", Line: 1}}},
		{"empty label", "[[target|]]", []model.Link{{Target: "target", Label: "target", Line: 1}}},
		{"escaped pipe in a table", `| [[target\|label]] |`, []model.Link{{Target: "target", Label: "label", Line: 1}}},
		{"several on lines", "[[a]] [[b]]\n\n[[c]]", []model.Link{{Target: "a", Label: "a", Line: 1}, {Target: "b", Label: "b", Line: 1}, {Target: "c", Label: "c", Line: 3}}},
		{"nested brackets", "[[[x]]] [[a [[b]]", []model.Link{{Target: "x", Label: "x", Line: 1}, {Target: "b", Label: "b", Line: 1}}},
		{"not links", "[[]] [[ | x]] [[#only heading]] [[unclosed\nnext]] [single]", nil},
		{"inside code", "```\n[[no]]\n```\n~~~\n[[no]]\n~~~\n[[yes]]", []model.Link{{Target: "yes", Label: "yes", Line: 7}}},
		// a timestamp anchor is a badge, never part of a link's target
		// (the spans must not overlap: model.Note.SpansConsistent)
		{"around a timestamp anchor", `T [[ <a class="yt-timestamp" data-t="00:00:05">[00:00:05]</a> and more]]`, nil},
		{"around an anchor without brackets", `[[x <a class="yt-timestamp" data-t="1:05">1:05</a>]]`, nil},
		{"after a timestamp anchor", `[[ <a class="yt-timestamp" data-t="0:05">[0:05]</a> [[b]]`, []model.Link{{Target: "b", Label: "b", Line: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, _ := parseText(t, "ch/a.md", tt.text)
			if !reflect.DeepEqual(n.Links, tt.want) && (len(n.Links) != 0 || len(tt.want) != 0) {
				t.Errorf("links\n%+v, want\n%+v", n.Links, tt.want)
			}
			if !n.SpansConsistent() {
				t.Error("the spans overlap")
			}
		})
	}
}

func TestHostileInput(t *testing.T) {
	huge := strings.Repeat("|  ", 400_000)
	tests := []struct {
		name     string
		data     string
		text     string // Note.Text wanted; "-" for a skipped file
		problems []string
	}{
		{"empty", "", "", []string{"empty file"}},
		{"NUL byte", "# Title\x00\n", "-", []string{"binary file (NUL byte): skipped"}},
		{"invalid UTF-8", "# Caf\xe9 \xff\xfe\n", "# Caf\uFFFD \uFFFD\n", []string{"invalid UTF-8 replaced with U+FFFD"}},
		{"CRLF and BOM", "\ufeff---\r\ntitle: T\r\n---\r\n# H\r\n", "---\ntitle: T\n---\n# H\n", nil},
		{"a lone CR ends a line, as in CommonMark", "a\rb\r\n\r\rc\r", "a\nb\n\n\nc\n", nil},
		{"huge line", "---\ntitle: T\n---\n" + huge + "\nshort\n", "---\ntitle: T\n---\n" + huge + "\nshort\n", []string{"line 4 is 1200 KB long"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, problems := ParseNote("ch/a.md", []byte(tt.data), TimestampsAuto)
			if got := messages(problems); !reflect.DeepEqual(got, tt.problems) {
				t.Errorf("problems %q, want %q", got, tt.problems)
			}
			for _, p := range problems {
				if p.Path != "ch/a.md" {
					t.Errorf("problem path %q", p.Path)
				}
			}
			if tt.text == "-" {
				if n != nil {
					t.Errorf("binary file parsed into a note")
				}
				return
			}
			if n == nil || n.Text() != tt.text {
				t.Fatalf("note %v, want text %q", n, tt.text)
			}
		})
	}
	n, _ := parseText(t, "ch/a.md", "\ufeff---\r\ntitle: T\r\n---\r\n# H\r\n")
	if n.Title != "T" || n.BodyLine != 4 || len(n.Sections) != 1 || n.Sections[0].Line != 4 {
		t.Errorf("CRLF+BOM note read as title %q body %d sections %+v", n.Title, n.BodyLine, n.Sections)
	}
}

// TestParseNoteKeepsNoAlias checks that ParseNote copies its input: the
// fuzzer and other callers reuse their buffers.
func TestParseNoteKeepsNoAlias(t *testing.T) {
	data := []byte("---\ntitle: Kept\n---\n[[link]]\n")
	n, _ := ParseNote("a.md", data, TimestampsAuto)
	for i := range data {
		data[i] = 'x'
	}
	if n.Title != "Kept" || n.Links[0].Target != "link" {
		t.Errorf("note changed with its input: title %q, link %q", n.Title, n.Links[0].Target)
	}
}

func TestParseTimestampMode(t *testing.T) {
	for s, want := range map[string]TimestampMode{"auto": TimestampsAuto, "hms": TimestampsHMS, "ms": TimestampsMS} {
		if got, err := ParseTimestampMode(s); err != nil || got != want || got.String() != s {
			t.Errorf("ParseTimestampMode(%q) = %v, %v", s, got, err)
		}
	}
	for _, s := range []string{"", "HMS", "seconds"} {
		if _, err := ParseTimestampMode(s); err == nil {
			t.Errorf("ParseTimestampMode(%q) accepted", s)
		}
	}
}

func TestMalformedAnchors(t *testing.T) {
	tests := []struct {
		line string
		want []string
	}{
		{`<a class="yt-timestamp" data-t=">x`, nil},
		{`<a class="yt-timestamp" data-t="`, nil},
		{`<a class="yt-timestamp" data-t="1:00`, nil},
		{`<a class="yt-timestamp" data-t="">`, []string{""}},
		{`<a class="yt-timestamp" data-t="1:00" target="_blank">`, []string{"1:00"}},
		{`the yt-timestamp class <a class="yt-timestamp" data-t="2:00">`, []string{"2:00"}},
		{`<b>yt-timestamp</b> <a class="yt-timestamp" data-t="3:00">`, []string{"3:00"}},
		{`<abbr class="yt-timestamp" data-t="4:00"> <a class="yt-" data-t="5:00"> <a class="yt-timestamp"> <a class="yt-timestamp" data-t=6:00>`, nil},
		{`<a class="yt-timestamp" data-t="7:00"><a class="yt-timestamp" data-t="8:00">`, []string{"7:00", "8:00"}},
		{`<a	class="yt-timestamp"	data-t="9:00">`, []string{"9:00"}},
		{`yt-timestamp<a class="yt-timestamp" data-t="10:00"`, nil},
	}
	for _, tt := range tests {
		n, _ := parseText(t, "ch/a.md", tt.line+"\n")
		var got []string
		for _, ts := range n.Timestamps {
			got = append(got, ts.Raw)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: timestamps %q, want %q", tt.line, got, tt.want)
		}
	}
}
