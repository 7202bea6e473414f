package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const timelineVault = "model/timeline/testdata/vault"

func TestTimelineCommand(t *testing.T) {
	code, out, errs := runCmd(t, "timeline", timelineVault, "abcdefghijk")
	want := `How timelines work
alpha · abcdefghijk · 3 notes · 0:05–20:00
gaps over 5 minutes: 3:00–20:00
 0:05  First note — Intro sentence
 1:00  First note — Second sentence with a link and emphasis
       Start · Second note — Same second as the first note
 2:00  Other — A note of beta listed on alpha's page
 3:00  Start · Second note — Later on
20:00  The middle part · First note — Speaker: a line opened by its anchor.

invalid or doubtful:
HH:MM:SS (invalid)  The middle part · First note — Broken
15:00:00?           Start · Second note — Far beyond the others
`
	if code != 0 || out != want || errs != "" {
		t.Errorf("exit %d, stderr %q, output\n%s\nwant\n%s", code, errs, out, want)
	}
	// A note's path names its video, with or without the vault's folder.
	for _, arg := range []string{"alpha/second.md", filepath.Join(timelineVault, "beta/other.md"), "./alpha/first.md"} {
		if code, same, _ := runCmd(t, "timeline", timelineVault, arg); code != 0 || same != out {
			t.Errorf("timeline %s: exit %d\n%s", arg, code, same)
		}
	}
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"timeline", timelineVault, "zzzzzzzzzzz"}, 1},
		{[]string{"timeline", timelineVault, "alpha/alpha.md"}, 1}, // a channel page is made from no video
		{[]string{"timeline", timelineVault}, 2},
		{[]string{"timeline", "no/such/dir", "abcdefghijk"}, 2},
		{[]string{"timeline", "--timestamps", "x", timelineVault, "abcdefghijk"}, 2},
	} {
		if code, _, errs := runCmd(t, c.args...); code != c.code || strings.Count(errs, "\n") != 1 {
			t.Errorf("%q: exit %d (want %d), stderr %q", c.args, code, c.code, errs)
		}
	}
}

func TestTimelineJSON(t *testing.T) {
	code, out, _ := runCmd(t, "timeline", "--json", timelineVault, "abcdefghijk")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != 0 || len(lines) != 8 {
		t.Fatalf("exit %d, %d lines", code, len(lines))
	}
	var first, invalid, doubtful map[string]any
	for i, p := range map[int]*map[string]any{0: &first, 6: &invalid, 7: &doubtful} {
		if err := json.Unmarshal([]byte(lines[i]), p); err != nil {
			t.Fatal(err)
		}
	}
	wantFirst := map[string]any{"seconds": 5.0, "url": "https://www.youtube.com/watch?v=abcdefghijk&t=5s", "path": "alpha/first.md", "line": 7.0, "section": "", "text": "Intro sentence", "doubtful": false}
	if !mapsEqual(first, wantFirst) {
		t.Errorf("first row %v", first)
	}
	if invalid["seconds"] != nil || invalid["url"] != nil || invalid["text"] != "Broken" {
		t.Errorf("invalid row %v", invalid)
	}
	if doubtful["seconds"] != 54000.0 || doubtful["doubtful"] != true || doubtful["url"] == nil {
		t.Errorf("doubtful row %v", doubtful)
	}
}

func mapsEqual(a, b map[string]any) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// A hostile note: its strings reach the terminal cleaned, and JSON exactly.
func TestTimelineHostile(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "evil"), 0o755); err != nil {
		t.Fatal(err)
	}
	text := "Wipe \x1b[2J the \x07 screen"
	note := "---\ntitle: \"Evil \\e[31mred\u202e\"\nvideoId: abcdefghijk\n---\n## Sec \x1b]8;;http://x\x07tion\n" + text + ` <a class="yt-timestamp" data-t="00:01:00">[00:01:00]</a>` + "\n"
	if err := os.WriteFile(filepath.Join(dir, "evil", "n\x1b[1mote.md"), []byte(note), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCmd(t, "timeline", dir, "abcdefghijk")
	if code != 0 || strings.ContainsAny(out, "\x1b\x07\u202e") || !strings.Contains(out, "Wipe") {
		t.Errorf("exit %d, output %q", code, out)
	}
	code, out, _ = runCmd(t, "timeline", "--json", dir, "abcdefghijk")
	var row map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &row) != nil {
		t.Fatalf("exit %d, %q", code, out)
	}
	if row["path"] != "evil/n\x1b[1mote.md" || row["text"] != text || strings.Contains(out, "\x1b") {
		t.Errorf("JSON row %q (the path and text exact, escaped on the wire)", out)
	}
}

// TestVideoIDWithADash: a video id may start with "-" (38 of the corpus's
// notes are of such videos); after PATH it is the VIDEO, not a flag (it
// was "flag provided but not defined: -kHkWgjGD7U"), with flags before or
// after it. A note's name that starts with "-" is a NOTE too.
func TestVideoIDWithADash(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	dir := t.TempDir()
	note := "---\ntitle: Dashed\nvideoId: -kHkWgjGD7U\n---\nSaid <a class=\"yt-timestamp\" data-t=\"00:01:00\">[00:01:00]</a>\n"
	if err := os.WriteFile(filepath.Join(dir, "-dashed.md"), []byte(note), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"timeline", dir, "-kHkWgjGD7U"},
		{"timeline", "--json", dir, "-kHkWgjGD7U"},
		{"timeline", dir, "-kHkWgjGD7U", "--json"},
		{"timeline", dir, "-dashed.md"},
		{"links", dir, "-dashed.md"},
		{"show", dir, "-dashed.md"},
	} {
		code, out, errs := runCmd(t, args...)
		if code != 0 || errs != "" || !strings.Contains(out, "Said") && !strings.Contains(out, "Linked from") {
			t.Errorf("%q: exit %d, stderr %q, out %q", args, code, errs, out)
		}
	}
	if code, _, errs := runCmd(t, "timeline", dir, "-kHkWgjGD7U", "--jsn"); code != 2 || !strings.Contains(errs, "not defined: -jsn") {
		t.Errorf("a mistyped flag after VIDEO: exit %d, stderr %q", code, errs)
	}
}
