package open

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestOpenLinkRefuses: only http and https pages are opened; the command
// is never started for anything else.
func TestOpenLinkRefuses(t *testing.T) {
	dir := t.TempDir()
	marker := filepath.Join(dir, "ran")
	c := Command{Words: []string{"touch", marker}}
	for _, bad := range []string{
		"javascript:alert(1)", "JAVASCRIPT:alert(1)", "file:///etc/passwd", "data:text/html;base64,PHNjcmlwdD4=",
		"https://example.com/\x1b]52;c;eA==\x07", "https://example.com/a\nb", "https://example.com/\x00",
		"https://example.com/\u009b31m", " https://example.com", "--help", "-oProxyCommand=x", "", "mailto:x@example.com",
	} {
		for name, o := range map[string]LinkOpener{"command": c, "system": System{}, "nodisplay": NoDisplay{}} {
			if err := o.OpenLink(bad); err == nil || errors.Is(err, ErrNoDisplay) || !strings.Contains(err.Error(), "refusing") {
				t.Errorf("%s opened %q: %v", name, bad, err)
			}
		}
	}
	if _, err := os.Stat(marker); err == nil {
		t.Error("the command ran for a refused link")
	}
	if err := (NoDisplay{}).OpenLink("https://example.com/a?b=c"); !errors.Is(err, ErrNoDisplay) {
		t.Errorf("NoDisplay.OpenLink = %v", err)
	}
}

// TestOpenLinkRunsBrowser: an https link reaches $BROWSER as one word.
func TestOpenLinkRunsBrowser(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "got")
	script := filepath.Join(dir, "rec")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nprintf '%s\\n' \"$@\" > \""+out+"\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	o, err := Links(env(map[string]string{"BROWSER": script}), "linux")
	if err != nil {
		t.Fatal(err)
	}
	const page = "https://example.com/a?b=c&d=$(reboot)"
	if err := o.OpenLink(page); err != nil {
		t.Fatal(err)
	}
	var got []byte
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if got, _ = os.ReadFile(out); strings.HasSuffix(string(got), "\n") {
			break
		}
	}
	if string(got) != page+"\n" {
		t.Errorf("script got %q", got)
	}
	if o, _ := Links(env(nil), "linux"); o != (NoDisplay{}) {
		t.Errorf("linux without display: %T", o)
	}
}
