package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adrg/xdg"

	"tubenotes/ui/config"
)

// tempConfigHome points $XDG_CONFIG_HOME at a new temporary folder and
// returns the config file's path there.
func tempConfigHome(t *testing.T) string {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	xdg.Reload()
	t.Cleanup(xdg.Reload)
	return filepath.Join(os.Getenv("XDG_CONFIG_HOME"), "tubenotes", "config.toml")
}

func TestConfigPath(t *testing.T) {
	path := tempConfigHome(t)
	code, out, errs := runCmd(t, "config", "--path")
	if code != 0 || out != path+"\n" || errs != "" {
		t.Fatalf("exit %d, out %q, err %q; want %s", code, out, errs, path)
	}
	if _, err := os.Stat(path); err == nil {
		t.Fatal("--path created the file")
	}
}

// fakeEditor is a script that appends its arguments to a file, one a line.
func fakeEditor(t *testing.T) (script, argsFile string) {
	t.Helper()
	dir := t.TempDir()
	argsFile = filepath.Join(dir, "args")
	script = filepath.Join(dir, "fake-editor")
	body := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> '" + argsFile + "'; done\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return script, argsFile
}

func TestConfigCreatesAndOpensTheFile(t *testing.T) {
	path := tempConfigHome(t)
	script, argsFile := fakeEditor(t)
	t.Setenv("VISUAL", script)
	code, _, errs := runCmd(t, "config")
	if code != 0 || !strings.Contains(errs, "created "+path) {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if data, _ := os.ReadFile(path); string(data) != config.Template {
		t.Fatal("the file created is not the template")
	}
	if args, _ := os.ReadFile(argsFile); string(args) != path+"\n" {
		t.Fatalf("editor got %q, want the path", args)
	}
	// A second run keeps the file and says nothing about creating it; a
	// file made wrong in the editor is reported on the way out.
	if err := os.WriteFile(path, []byte("width = 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs = runCmd(t, "config")
	if code != 2 || strings.Contains(errs, "created") || !strings.Contains(errs, path+":1: width: 3: give 20 or more") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
}

func TestConfigWithoutEditor(t *testing.T) {
	path := tempConfigHome(t)
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", "")
	code, _, errs := runCmd(t, "config")
	if code != 1 || strings.Count(errs, "\n") != 2 || !strings.Contains(errs, "no editor") || !strings.Contains(errs, "the file is "+path) {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
}

func TestConfigPrecedence(t *testing.T) {
	path := tempConfigHome(t)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(text string) {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	vault := t.TempDir()
	write("vault = '" + filepath.Join(vault, "missing") + "'\nwidth = 50\nstyle = 'sepia'\n")
	cases := []struct {
		args []string
		want string
	}{
		// the config's style is wrong: named with its line, the flag wins
		{[]string{vault}, path + ":3: style: \"sepia\": not auto"},
		// the config's vault is only used without PATH and $TUBENOTES_VAULT
		{[]string{"--style", "dark"}, path + ":1: vault: " + filepath.Join(vault, "missing") + ": no such directory"},
		// a flag wins over the config
		{[]string{"--style", "dark", "--width", "5", vault}, "--width 5"},
	}
	t.Setenv("TUBENOTES_VAULT", "")
	for _, c := range cases {
		code, _, errs := runCmd(t, c.args...)
		if code != 2 || !strings.Contains(errs, c.want) || strings.Count(errs, "\n") != 1 {
			t.Errorf("tubenotes %q: exit %d, stderr %q; want 2 and one line with %q", c.args, code, errs, c.want)
		}
	}

	write("timestamps = 'ms'\n[keys]\nfly = 'f'\n")
	code, _, errs := runCmd(t, "stats", vault)
	if code != 2 || !strings.Contains(errs, path+":3: keys.fly: no such action") {
		t.Fatalf("stats with a bad config: exit %d, stderr %q", code, errs)
	}
	write("colour = 'red'\n[keys]\nquit = ['x']\nopen_video = 'v'\n")
	code, _, errs = runCmd(t, "stats", vault)
	if code != 0 || errs != "tubenotes: warning: "+path+":1: unknown key \"colour\", ignored\n" {
		t.Fatalf("stats with an unknown key: exit %d, stderr %q", code, errs)
	}
}

func TestConfigTimestampsReachTheLoader(t *testing.T) {
	path := tempConfigHome(t)
	vault := t.TempDir()
	note := "---\nvideoId: LKlE93-SDpc\n---\n<a class=\"yt-timestamp\" data-t=\"01:02:00\">x</a>\n"
	if err := os.WriteFile(filepath.Join(vault, "n.md"), []byte(note), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	seconds := func(args ...string) string {
		code, out, errs := runCmd(t, append([]string{"export"}, args...)...)
		if code != 0 {
			t.Fatalf("export: %d %s", code, errs)
		}
		_, after, _ := strings.Cut(out, `"seconds":`)
		s, _, _ := strings.Cut(after, ",")
		return s
	}
	if err := os.WriteFile(path, []byte("timestamps = 'ms'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := seconds(vault); got != "62" {
		t.Errorf("config timestamps = ms: seconds %s, want 62", got)
	}
	if got := seconds("--timestamps", "hms", vault); got != "3720" {
		t.Errorf("--timestamps hms over the config: seconds %s, want 3720", got)
	}
}

// TestReadmeConfigExample: the README's example is a valid config, names
// every key, and lists every action [keys] takes.
func TestReadmeConfigExample(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "```toml\n")
	example, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("no ```toml example in the README")
	}
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(example), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, warnings, err := config.Load(path, keyActions())
	if err != nil || warnings != nil {
		t.Fatalf("the README's example: %v %q", err, warnings)
	}
	for _, key := range []string{"vault", "player", "style", "width", "timestamps", "editor", "fresh", "keys.quit"} {
		if cfg.Where(key) == "" {
			t.Errorf("the README's example does not set %s", key)
		}
	}
	for _, action := range keyActions() {
		if !strings.Contains(example, " "+action+",") && !strings.Contains(example, " "+action+".") {
			t.Errorf("the README's example does not list the action %s", action)
		}
	}
}

func TestSnakeCase(t *testing.T) {
	for in, want := range map[string]string{"Quit": "quit", "NextPane": "next_pane", "CopyURL": "copy_url", "URLCopy": "url_copy", "Top2Down": "top2_down"} {
		if got := snakeCase(in); got != want {
			t.Errorf("snakeCase(%s) = %s, want %s", in, got, want)
		}
	}
}
