package open

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

const url90 = "https://www.youtube.com/watch?v=LKlE93-SDpc&t=90s"

func TestSplit(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"firefox", []string{"firefox"}},
		{"  firefox   --new-window ", []string{"firefox", "--new-window"}},
		{`'/opt/My Browser/run' -x`, []string{"/opt/My Browser/run", "-x"}},
		{`"a \"b\" c" d\ e`, []string{`a "b" c`, "d e"}},
		{`'it''s'`, []string{"its"}},
		{`"$HOME" '$HOME'`, []string{"$HOME", "$HOME"}},
		{`a;rm -rf x`, []string{"a;rm", "-rf", "x"}},
		{`""`, []string{""}},
		{"", nil},
	}
	for _, c := range cases {
		got, err := Split(c.in)
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("Split(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{`"open`, `'open`, `trailing\`} {
		if _, err := Split(bad); err == nil {
			t.Errorf("Split(%q) gave no error", bad)
		}
	}
}

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestNewChoosesOpener(t *testing.T) {
	argv := func(o Opener) []string {
		c, ok := o.(Command)
		if !ok {
			t.Fatalf("opener is %T, want Command", o)
		}
		return c.Argv(url90, 90)
	}
	o, _ := New("vlc --start-time={seconds} '{url}'", env(nil), "linux")
	if got := argv(o); !reflect.DeepEqual(got, []string{"vlc", "--start-time=90", url90}) {
		t.Errorf("player argv = %q", got)
	}
	o, _ = New("myplayer --fs", env(nil), "linux")
	if got := argv(o); !reflect.DeepEqual(got, []string{"myplayer", "--fs", url90}) {
		t.Errorf("player without placeholder argv = %q", got)
	}
	o, _ = New("", env(map[string]string{"BROWSER": "'/opt/my browser' --new-tab"}), "linux")
	if got := argv(o); !reflect.DeepEqual(got, []string{"/opt/my browser", "--new-tab", url90}) {
		t.Errorf("$BROWSER argv = %q", got)
	}
	o, _ = New("", env(map[string]string{"BROWSER": "lynx -dump %s"}), "linux")
	if got := argv(o); !reflect.DeepEqual(got, []string{"lynx", "-dump", url90}) {
		t.Errorf("$BROWSER with %%s argv = %q", got)
	}
	if o, _ := New("", env(nil), "linux"); o != (NoDisplay{}) {
		t.Errorf("linux without display: %T", o)
	}
	if o, _ := New("", env(map[string]string{"WAYLAND_DISPLAY": "wayland-0"}), "linux"); o != (System{}) {
		t.Errorf("linux with wayland: %T", o)
	}
	if o, _ := New("", env(nil), "darwin"); o != (System{}) {
		t.Errorf("darwin: %T", o)
	}
	if _, err := New("", env(map[string]string{"BROWSER": `"unclosed`}), "linux"); err == nil {
		t.Error("unclosed quote in $BROWSER accepted")
	}
	if _, err := New("   ", env(nil), "linux"); err == nil {
		t.Error("blank --player accepted")
	}
}

func TestOpenRefusesForeignURLs(t *testing.T) {
	c := Command{Words: []string{"true", "{url}"}}
	for _, bad := range []struct {
		url string
		s   int
	}{
		{"https://evil.example/?v=LKlE93-SDpc&t=1s", 1},
		{"https://www.youtube.com/watch?v=LKlE93-SDpc&t=1s;rm", 1},
		{"https://www.youtube.com/watch?v=LKlE93-SDpc&t=2s", 1},
		{"https://www.youtube.com/watch?v=$(reboot)xx&t=1s", 1},
	} {
		if err := c.Open(bad.url, bad.s); err == nil {
			t.Errorf("opened %q", bad.url)
		}
	}
	if err := (NoDisplay{}).Open(url90, 90); !errors.Is(err, ErrNoDisplay) {
		t.Errorf("NoDisplay.Open = %v", err)
	}
}

func TestCommandRunsWithoutShell(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "got")
	script := filepath.Join(dir, "rec")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nprintf '%s\\n' \"$@\" > \""+out+"\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	o, err := New("", env(map[string]string{"BROWSER": script + " --flag"}), "linux")
	if err != nil {
		t.Fatal(err)
	}
	if err := o.Open(url90, 90); err != nil {
		t.Fatal(err)
	}
	var got []byte
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if got, _ = os.ReadFile(out); strings.HasSuffix(string(got), "\n") && strings.Count(string(got), "\n") == 2 {
			break
		}
	}
	if string(got) != "--flag\n"+url90+"\n" {
		t.Errorf("script got %q", got)
	}
}

func TestCommandReportsFailures(t *testing.T) {
	if err := (Command{Words: []string{"/nonexistent/player", "{url}"}}).Open(url90, 90); err == nil {
		t.Error("missing program reported no error")
	}
	if err := (Command{Words: []string{"false", "{url}"}}).Open(url90, 90); err == nil {
		t.Error("a launcher exiting 1 at once reported no error")
	}
}
