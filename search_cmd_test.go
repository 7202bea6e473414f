package main

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"tubenotes/loader/loadtest"
	"tubenotes/model/search"
)

// searchLines runs tubenotes search with args and returns the exit status,
// the output lines and stderr.
func searchLines(t *testing.T, args ...string) (int, []string, string) {
	t.Helper()
	code, out, errs := runCmd(t, append([]string{"search"}, args...)...)
	var lines []string
	if out != "" {
		lines = strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	}
	return code, lines, errs
}

func TestSearchExitCodes(t *testing.T) {
	for _, c := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"testdata/search", "espresso"}, 0, ""},
		{[]string{"--json", "testdata/search", "espresso"}, 0, ""},
		{[]string{"testdata/search", "espresso", "--limit", "1"}, 0, ""},
		{[]string{"testdata/search", "nothingmatchesthis"}, 1, ""},
		{[]string{"testdata/search", "espresso", "-espresso"}, 1, ""},
		{[]string{"testdata/nowhere", "espresso"}, 2, "no such directory"},
		{[]string{"testdata/search/cooking/tea.md", "espresso"}, 2, "not a directory"},
		{[]string{"testdata/search", `"unclosed phrase`}, 2, `unclosed quote at character 1: add a closing "`},
		{[]string{"testdata/search", "channel:"}, 2, "channel: needs a value"},
		{[]string{"testdata/search", "  "}, 2, "no words"},
		{[]string{"testdata/search"}, 2, "give PATH and QUERY"},
		{[]string{"testdata/search", "x", "--limit", "many"}, 2, "--limit"},
		{[]string{"testdata/search", "x", "--limit"}, 2, "needs a value"},
		{[]string{"testdata/search", "x", "--jsn"}, 2, "unknown flag --jsn"},
		{[]string{"testdata/search", "x", "--timestamps", "weird"}, 2, ""},
	} {
		code, _, errs := searchLines(t, c.args...)
		if code != c.code {
			t.Errorf("search %q: exit %d, want %d (stderr %q)", c.args, code, c.code, errs)
		}
		if c.code == 2 && (strings.Count(errs, "\n") != 1 || !strings.Contains(errs, c.stderr)) {
			t.Errorf("search %q: stderr %q, want one line with %q", c.args, errs, c.stderr)
		}
	}
}

func TestSearchPlainOutput(t *testing.T) {
	code, lines, _ := searchLines(t, "testdata/search", `"crema forms"`)
	want := []string{"cooking/coffee.md:13: cooking › Café culture and espresso › Brewing: The barista explains how crema"}
	if code != 0 || !reflect.DeepEqual(lines, want) {
		t.Errorf("phrase across lines: exit %d, %q, want %q", code, lines, want)
	}
	// Flags before or after the positionals; an exclusion is a query word,
	// not a flag; the query's words may come as several arguments.
	for _, args := range [][]string{
		{"testdata/search", "espresso", "-matcha"},
		{"--limit", "5", "testdata/search", "espresso -matcha"},
		{"testdata/search", "espresso", "--limit=5", "--", "-matcha"},
	} {
		_, lines, errs := searchLines(t, args...)
		if len(lines) != 1 || !strings.HasPrefix(lines[0], "cooking/coffee.md:2: ") {
			t.Errorf("search %q: %q (stderr %q), want only the coffee title hit", args, lines, errs)
		}
	}
	// After PATH, a word with one dash is an exclusion even when it names
	// a flag (the usage promises "-word" leaves out notes): no note holds
	// these words, so the hits are espresso's, in text.
	_, all, _ := searchLines(t, "testdata/search", "espresso")
	for _, words := range [][]string{{"-json"}, {"-limit"}, {"-no-cache", "-timestamps"}} {
		code, lines, errs := searchLines(t, append([]string{"testdata/search", "espresso"}, words...)...)
		if code != 0 || !reflect.DeepEqual(lines, all) {
			t.Errorf("espresso %q: exit %d, %q (stderr %q), want espresso's hits %q", words, code, lines, errs, all)
		}
	}
	_, lines, _ = searchLines(t, "testdata/search", "espresso", "--limit", "1")
	if len(lines) != 1 {
		t.Errorf("--limit 1 printed %d lines", len(lines))
	}
	// Accents, Turkish i, filters, and markup that must not match.
	for q, want := range map[string]int{
		"CAFE":                   2,
		"istanbul":               1,
		"isik":                   2,
		"espresso channel:cook":  2,
		"espresso -channel:cook": 0,
		"title:tea espresso":     1,
		`"darker roast"`:         1, // a label matches
		"darker roast":           2, // and "roast" begins "Roasting"
		"hiddenkey":              0,
		"roast_levels":           0,
		"levels":                 0,
		"yt":                     0,
		"class":                  0,
		"tags":                   0,
	} {
		_, lines, _ := searchLines(t, "testdata/search", q)
		if len(lines) != want {
			t.Errorf("%q: %d hits %q, want %d", q, len(lines), lines, want)
		}
	}
}

// The title of istanbul.md carries an escape sequence: the text output
// drops it, JSON keeps it exact, written as an escape.
func TestSearchTerminalSafety(t *testing.T) {
	code, out, _ := runCmd(t, "search", "testdata/search", "bosphorus")
	if code != 0 || !strings.Contains(out, "İstanbul by night") || strings.ContainsAny(out, "\x1b\u009b") || strings.Contains(out, `\u001b`) {
		t.Errorf("exit %d, text output %q", code, out)
	}
	code, out, _ = runCmd(t, "search", "testdata/search", "bosphorus", "--json")
	var hit searchHit
	if code != 0 || json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &hit) != nil {
		t.Fatalf("exit %d, output %q", code, out)
	}
	if hit.Title != "İstanbul by night \x1b[31mred" || strings.ContainsAny(out, "\x1b\u009b") {
		t.Errorf("JSON title %q, output %q", hit.Title, out)
	}
}

// JSON output writes what a terminal would act on as escapes, and decodes
// to the same strings.
func TestJSONEncoderEscapes(t *testing.T) {
	var b strings.Builder
	in := "a\x1b[2J\u009b\u202e\u2028\u200fz é ü <&>"
	if err := newJSONEncoder(&b).Encode(map[string]string{"s": in}); err != nil {
		t.Fatal(err)
	}
	var out map[string]string
	if err := json.Unmarshal([]byte(b.String()), &out); err != nil || out["s"] != in {
		t.Errorf("decoded %q, want %q", out["s"], in)
	}
	if strings.ContainsFunc(b.String(), func(r rune) bool { return r < 0x20 && r != '\n' || terminalRune(r) }) || !strings.Contains(b.String(), "é ü <&>") {
		t.Errorf("encoded %q", b.String())
	}
}

func TestSearchJSON(t *testing.T) {
	code, lines, _ := searchLines(t, "testdata/search", "--json", "pressure OR espresso bitter")
	if code != 1 || len(lines) != 0 {
		t.Fatalf("exit %d, %q: OR is a word, and no note has it", code, lines)
	}
	code, lines, _ = searchLines(t, "testdata/search", "--json", "espresso")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var got []map[string]any
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line %q is not JSON: %v", l, err)
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if want := []string{"channel", "line", "path", "seconds", "section", "snippet", "title", "url"}; !reflect.DeepEqual(keys, want) {
			t.Errorf("fields %v, want %v", keys, want)
		}
		got = append(got, m)
	}
	// The title hit ranks first; no timestamp above it.
	want := []map[string]any{
		{"path": "cooking/coffee.md", "line": 2.0, "title": "Café culture and espresso", "channel": "cooking", "section": "", "snippet": "Café culture and espresso", "seconds": nil, "url": nil},
		// A valid timestamp above, but the note's videoId can't make a URL.
		{"path": "cooking/tea.md", "line": 10.0, "title": "Tea ceremonies", "channel": "cooking", "section": "Japan", "snippet": "Matcha is whisked, not brewed like espresso.", "seconds": nil, "url": nil},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}

	// A match after the last anchor of its paragraph lands on that anchor.
	_, lines, _ = searchLines(t, "testdata/search", "--json", `"how crema"`)
	var crema searchHit
	if len(lines) != 1 || json.Unmarshal([]byte(lines[0]), &crema) != nil || crema.Seconds == nil || *crema.Seconds != 65 {
		t.Errorf("how crema: %q", lines)
	}
	_, lines, _ = searchLines(t, "testdata/search", "--json", "bitter")
	var hit map[string]any
	if len(lines) != 1 || json.Unmarshal([]byte(lines[0]), &hit) != nil {
		t.Fatalf("bitter: %q", lines)
	}
	// The anchor closing the matching sentence is its moment.
	if hit["seconds"] != 130.0 || hit["url"] != "https://www.youtube.com/watch?v=abcdefghijk&t=130s" || hit["section"] != "Roasting" || hit["line"] != 18.0 {
		t.Errorf("bitter: %v", hit)
	}
}

func TestSearchCorpus(t *testing.T) {
	dir := loadtest.CorpusDir(t)
	code, lines, errs := searchLines(t, dir, "--json", "--limit", "3", `"arbitrarily close"`)
	if code != 0 || len(lines) == 0 {
		t.Fatalf("exit %d, %d lines, stderr %q", code, len(lines), errs)
	}
	var hit searchHit
	if err := json.Unmarshal([]byte(lines[0]), &hit); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(hit.Path), "3blue1brown/") || hit.URL == nil || !strings.Contains(string(*hit.URL), "watch?v=XFDM1ip5HdU&t=") ||
		!strings.Contains(strings.ToLower(string(hit.Snippet)), "arbitrarily close") {
		t.Errorf("first hit %+v", hit)
	}
	// Turkish text in the nisanyans channel: dotless and dotted i fold.
	code, lines, _ = searchLines(t, dir, "channel:nisanyans", "istanbul", "--limit", "1")
	if code != 0 || len(lines) != 1 || !strings.HasPrefix(lines[0], "nisanyans/") {
		t.Errorf("istanbul in nisanyans: exit %d %q", code, lines)
	}
}

// TestSearchUsageStatesLimits keeps the help's numbers those Parse uses.
func TestSearchUsageStatesLimits(t *testing.T) {
	want := fmt.Sprintf("at most %d words, phrases and filters, and %d words in all", search.MaxTerms, search.MaxWords)
	if !strings.Contains(searchUsage, want) {
		t.Errorf("search --help does not say %q", want)
	}
}
