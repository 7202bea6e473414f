package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"tubenotes/loader"
)

func TestShowPlainIntoAPipe(t *testing.T) {
	code, out, errs := runCmd(t, "show", "testdata/cli", "talks/gpus.md")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	want := []string{
		"  GPUs",
		"  talks › A talk about GPUs · LKlE93-SDpc",
		"  Intro ▶ 0:05.",
		"  ## Hardware",
		"  Deep learning ▶ 1:02 and junk ▶ ✗HH:MM:SS.",
		"  See clocks and nowhere.",
		"  ## Later",
	}
	lines := strings.Split(out, "\n")
	at := 0
	for _, l := range lines {
		if at < len(want) && l == want[at] {
			at++
		}
	}
	if at < len(want) {
		t.Errorf("line %q missing or out of order in:\n%s", want[at], out)
	}
	for _, raw := range []string{"\x1b", "<a", "data-t", "[[", "]]", "From:", "---", "videoId:"} {
		if strings.Contains(out, raw) {
			t.Errorf("plain output shows %q:\n%s", raw, out)
		}
	}
	for _, l := range lines {
		if strings.HasSuffix(l, " ") {
			t.Errorf("trailing spaces in plain output: %q", l)
		}
	}
}

func TestShowFindsNotesByTitleAndSlug(t *testing.T) {
	_, byPath, _ := runCmd(t, "show", "testdata/cli", "talks/gpus.md")
	for _, name := range []string{"GPUs", "gpus", "talks/gpus", "./talks/gpus.md"} {
		code, out, errs := runCmd(t, "show", "testdata/cli", name)
		if code != 0 || out != byPath {
			t.Errorf("show %q: exit %d (%q), output differs from by path:\n%s", name, code, errs, out)
		}
	}
}

func TestShowSaysWhyNot(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"a/growth.md", "b/growth.md"} {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), []byte("# Growth\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"show", "testdata/cli", "no such note"}, "no such note: no note has this path, title or file name"},
		{[]string{"show", "testdata/cli", "evil\x1b]0;x\x07"}, "no note has this path"},
		{[]string{"show", dir, "growth"}, "growth: 2 notes match (a/growth.md, b/growth.md); give the path"},
		{[]string{"show", "testdata/cli"}, "give PATH and NOTE"},
		{[]string{"show", "testdata/no-such-vault", "x"}, "no such directory"},
		{[]string{"show", "--width", "5", "testdata/cli", "GPUs"}, "--width 5: give 20 to 1000"},
		// glamour pads every line to the width: 10^9 took 8.8 GB and did not end
		{[]string{"show", "--width", "100000", "testdata/cli", "GPUs"}, "--width 100000: give 20 to 1000"},
		{[]string{"show", "--style", "nope.json", "testdata/cli", "GPUs"}, "--style nope.json"},
	} {
		code, out, errs := runCmd(t, c.args...)
		if code != 2 || out != "" {
			t.Errorf("%q: exit %d, stdout %q; want 2 and nothing", c.args, code, out)
		}
		if !strings.Contains(errs, c.want) || strings.Count(errs, "\n") != 1 || strings.ContainsAny(errs, "\x1b\x07") {
			t.Errorf("%q: stderr %q, want one clean line with %q", c.args, errs, c.want)
		}
	}
}

func TestShowWidth(t *testing.T) {
	code, out, _ := runCmd(t, "show", "--width", "30", "testdata/cli", "GPUs")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	wrapped := false
	for _, l := range strings.Split(out, "\n") {
		if w := ansi.StringWidth(l); w > 30 {
			t.Errorf("line of %d cells at --width 30: %q", w, l)
		}
		wrapped = wrapped || strings.TrimSpace(l) == "junk ▶ ✗HH:MM:SS."
	}
	if !wrapped {
		t.Errorf("the body did not wrap at 30 cells:\n%s", out)
	}
}

var sgrOnly = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// A terminal gets colours for its background; a style asked for is kept
// even into a pipe, and only SGR sequences are written.
func TestShowStyled(t *testing.T) {
	v, err := loader.Load(loader.Dir("testdata/cli"), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := v.Note("talks/gpus.md")
	var dark, light strings.Builder
	if err := showNote(&dark, v, n, outTerminal{isTerm: true, width: 200, dark: true}, 0, "auto", nil); err != nil {
		t.Fatal(err)
	}
	if err := showNote(&light, v, n, outTerminal{isTerm: true, width: 200, dark: false}, 0, "auto", nil); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"dark": dark.String(), "light": light.String()} {
		if !strings.Contains(out, "\x1b[") || !strings.Contains(ansi.Strip(out), "▶ 1:02") {
			t.Errorf("%s terminal: not styled, or the badge is missing:\n%s", name, out)
		}
		if rest := sgrOnly.ReplaceAllString(out, ""); strings.Contains(rest, "\x1b") {
			t.Errorf("%s terminal: an escape that is not SGR: %q", name, rest)
		}
		if w := ansi.StringWidth(strings.Split(out, "\n")[3]); w > 100 {
			t.Errorf("%s terminal: %d cells wide on a 200-column terminal, want at most 100", name, w)
		}
	}
	if dark.String() == light.String() {
		t.Error("a light background got the dark colours")
	}
	_, forced, _ := runCmd(t, "show", "--style", "dark", "testdata/cli", "GPUs")
	if forced != dark.String() {
		t.Error("--style dark into a pipe is not the dark rendering")
	}
}
