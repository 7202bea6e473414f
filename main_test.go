package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// runCmd runs the program with args and returns its exit status and output.
func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func exportLines(t *testing.T, out string) []map[string]any {
	t.Helper()
	var notes []map[string]any
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %q is not JSON: %v", sc.Text(), err)
		}
		notes = append(notes, m)
	}
	return notes
}

func TestExportTestVault(t *testing.T) {
	code, out, errs := runCmd(t, "export", "testdata/cli")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	notes := exportLines(t, out)
	var paths []string
	for _, n := range notes {
		paths = append(paths, n["path"].(string))
		var keys []string
		for k := range n {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		want := []string{"channel", "links", "path", "sections", "timestamps", "title", "videoId"}
		if !reflect.DeepEqual(keys, want) {
			t.Errorf("%s: fields %v, want exactly %v", n["path"], keys, want)
		}
	}
	wantPaths := []string{"index.md", "talks/clock_speed.md", "talks/gpus.md", "talks/talks.md"}
	if !reflect.DeepEqual(paths, wantPaths) {
		t.Fatalf("paths %v, want %v in path order", paths, wantPaths)
	}

	gpus := notes[2]
	want := map[string]any{
		"path":    "talks/gpus.md",
		"channel": "talks",
		"title":   "GPUs",
		"videoId": "LKlE93-SDpc",
		"sections": []any{
			map[string]any{"title": "Hardware", "level": 2.0, "line": 11.0},
			map[string]any{"title": "Later", "level": 2.0, "line": 16.0},
		},
		"timestamps": []any{
			map[string]any{"raw": "00:00:05", "seconds": 5.0, "line": 9.0, "section": -1.0, "url": "https://www.youtube.com/watch?v=LKlE93-SDpc&t=5s", "doubtful": false},
			map[string]any{"raw": "00:01:02", "seconds": 62.0, "line": 13.0, "section": 0.0, "url": "https://www.youtube.com/watch?v=LKlE93-SDpc&t=62s", "doubtful": false},
			map[string]any{"raw": "HH:MM:SS", "seconds": nil, "line": 13.0, "section": 0.0, "url": nil, "doubtful": false},
		},
		"links": []any{
			map[string]any{"target": "Clock Speed", "label": "clocks", "line": 14.0, "resolved": "talks/clock_speed.md"},
			map[string]any{"target": "nowhere", "label": "nowhere", "line": 14.0, "resolved": nil},
		},
	}
	if !reflect.DeepEqual(gpus, want) {
		got, _ := json.MarshalIndent(gpus, "", "  ")
		t.Errorf("gpus.md exported as\n%s", got)
	}

	clock := notes[1]
	ts := clock["timestamps"].([]any)[0].(map[string]any)
	if ts["seconds"] != 7.0 || ts["url"] != nil {
		t.Errorf("a valid timestamp in a note with a malformed videoId: got %v, want seconds 7 and url null", ts)
	}
}

func TestExportRejectsBadPaths(t *testing.T) {
	for _, args := range [][]string{
		{"export", "testdata/no-such-vault"},
		{"export", "testdata/cli/index.md"},
		{"export"},
		{"export", "testdata/cli", "testdata/cli"},
		{"export", "--timestamps", "sometimes", "testdata/cli"},
		{"stats", "testdata/no-such-vault"},
	} {
		code, out, errs := runCmd(t, args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
		if out != "" {
			t.Errorf("%v: wrote %q to stdout", args, out)
		}
		if lines := strings.Count(strings.TrimSpace(errs), "\n"); errs == "" || (lines > 0 && !strings.Contains(errs, "Usage")) {
			t.Errorf("%v: want a one-line reason on stderr, got %q", args, errs)
		}
	}
}

func TestStatsCountsTestVault(t *testing.T) {
	code, out, errs := runCmd(t, "stats", "--json", "testdata/cli")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var s vaultStats
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	if s.Cache == "" {
		t.Error("stats --json says nothing of the cache")
	}
	s.LoadSeconds, s.Bytes, s.Cache = 0, 0, ""
	want := vaultStats{
		Notes: 4, Channels: 1, Videos: 2, Sections: 4,
		Timestamps: 4, ValidTimestamps: 3, InvalidTimestamps: 1,
		Links: 5, ResolvedLinks: 3, DanglingLinks: 2,
	}
	if s != want {
		t.Errorf("stats %+v\nwant  %+v", s, want)
	}
	code, out, _ = runCmd(t, "stats", "testdata/cli")
	if code != 0 || !strings.Contains(out, "notes       4\n") || !strings.Contains(out, "links       5 (3 resolved, 2 dangling)") {
		t.Errorf("plain stats (exit %d):\n%s", code, out)
	}
	code, out, _ = runCmd(t, "stats", "model/timeline/testdata/vault")
	if code != 0 || !strings.Contains(out, "timestamps  8 (7 valid, 1 of them doubtful, 1 invalid)") {
		t.Errorf("stats of a vault with a doubtful timestamp (exit %d):\n%s", code, out)
	}
}

func TestHelpAndVersion(t *testing.T) {
	for _, arg := range []string{"--help", "-h", "help"} {
		code, out, _ := runCmd(t, arg)
		if code != 0 || !strings.Contains(out, "tubenotes export") || !strings.Contains(out, "-player") {
			t.Errorf("%s: exit %d, output %q", arg, code, out)
		}
	}
	code, out, _ := runCmd(t, "--version")
	if code != 0 || !strings.HasPrefix(out, "tubenotes "+version) {
		t.Errorf("--version: exit %d, output %q", code, out)
	}
}

// fullWriter is standard output on a full disk.
type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestCommandsSayWhyTheyCantWrite: a command whose output can't be written
// (a full disk) says so in one line and exits non-zero, never silently.
func TestCommandsSayWhyTheyCantWrite(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	for _, args := range [][]string{
		{"stats", "testdata/cli"}, {"stats", "--json", "testdata/cli"}, {"export", "testdata/cli"},
	} {
		var stderr bytes.Buffer
		code := run(args, fullWriter{}, &stderr)
		if code == 0 || !strings.HasSuffix(stderr.String(), "no space left on device\n") {
			t.Errorf("%q: exit %d, stderr %q; want the reason", args, code, stderr.String())
		}
	}
}
