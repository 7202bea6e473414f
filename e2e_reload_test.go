package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestEditAndReloadInTmux: a note saved by another program while the
// browser runs shows; e opens the editor (a script that records its
// arguments and appends a line) at the line at the top of the reader, and
// what it wrote shows when it returns.
func TestEditAndReloadInTmux(t *testing.T) {
	vault, work := t.TempDir(), t.TempDir()
	note := func(last string) string {
		var b strings.Builder
		b.WriteString("# Index\n\n")
		for i := range 80 {
			fmt.Fprintf(&b, "line %d of the index\n\n", i)
		}
		return b.String() + last + "\n"
	}
	index := filepath.Join(vault, "index.md")
	write := func(p, text string) {
		t.Helper()
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(index, note("first version"))
	write(filepath.Join(vault, "other.md"), "# Other\n")
	args := filepath.Join(work, "editor-args")
	editor := filepath.Join(work, "fake-editor")
	write(editor, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '"+args+"'\necho 'written by the editor' >> \"$2\"\n")
	if err := os.Chmod(editor, 0o755); err != nil {
		t.Fatal(err)
	}
	term := startTerminalOn(t, vault, "2 notes", "VISUAL= EDITOR='"+editor+"'")

	term.keys("BTab", "G") // the reader (the pane before the notes), at the end
	term.waitFor("the note's end", func() bool { return strings.Contains(term.screen(), "first version") })
	saved := time.Now()
	write(index, note("second version"))
	term.waitFor("the saved change", func() bool { return strings.Contains(term.screen(), "second version") })
	t.Logf("the change showed %v after the write (polling every 50 ms)", time.Since(saved).Round(time.Millisecond))

	term.keys("g")
	term.waitFor("the note's top", func() bool { return strings.Contains(term.screen(), "line 0 of") })
	term.keys("C-d", "C-d")
	// The top line read must be the one e sends: the screen may show the
	// first C-d before the second, so it is read once it holds still
	// (the same in two screens in a row).
	topLine := regexp.MustCompile(`line (\d+) of the index`)
	var top []string
	last := ""
	term.waitFor("the scrolled note to hold still", func() bool {
		s := term.screen()
		if strings.Contains(s, "line 0 of") || strings.Contains(s, "second version") {
			return false
		}
		top = topLine.FindStringSubmatch(s)
		still := top != nil && top[0] == last
		if top != nil {
			last = top[0]
		}
		return still
	})
	term.keys("e")
	var got []byte
	term.waitFor("the editor to run", func() bool { got, _ = os.ReadFile(args); return len(got) > 0 })
	var para int
	fmt.Sscan(top[1], &para)
	if want := fmt.Sprintf("+%d\n%s\n", 3+2*para, index); string(got) != want {
		t.Errorf("the editor got %q, want %q (the top line read %q)", got, want, top[0])
	}
	term.keys("G")
	term.waitFor("the editor's change", func() bool { return strings.Contains(term.screen(), "written by the editor") })
	term.keys("q")
	if status := term.exitStatus(); status != "0" {
		t.Errorf("exit status %q", status)
	}
}
