package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/adrg/xdg"
)

var actions = []string{"quit", "help", "bookmark", "edit", "open_video"}

func writeConfig(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadEveryKey(t *testing.T) {
	t.Setenv("HOME", "/home/u")
	path := writeConfig(t, `vault = "~/notes"
player = "mpv"
style = "light"
width = 80
timestamps = "hms"
editor = "nvim -u NONE"
fresh = true
quit_player = true

[keys]
quit = ["x", "ctrl+y"]
edit = "E"
`)
	c, warnings, err := Load(path, actions)
	if err != nil || len(warnings) != 0 {
		t.Fatalf("Load: %v, warnings %q", err, warnings)
	}
	want := Config{
		Vault: "/home/u/notes", Player: "mpv", Style: "light", Width: 80, Timestamps: "hms",
		Editor: "nvim -u NONE", Fresh: true, QuitPlayer: true,
		Keys: map[string][]string{"quit": {"x", "ctrl+y"}, "edit": {"E"}},
	}
	c.file, c.lines = "", nil
	if !reflect.DeepEqual(c, want) {
		t.Fatalf("got %+v\nwant %+v", c, want)
	}
}

func TestLoadMissingFileIsEmpty(t *testing.T) {
	c, warnings, err := Load(filepath.Join(t.TempDir(), "none.toml"), actions)
	if err != nil || warnings != nil {
		t.Fatalf("Load: %v %q", err, warnings)
	}
	if c.Vault != "" || c.Width != 0 || c.Keys != nil || c.Where("width") != "" {
		t.Fatalf("a missing file set something: %+v", c)
	}
}

func TestThemeIsStyle(t *testing.T) {
	c, _, err := Load(writeConfig(t, "\ntheme = \"dark\"\n"), actions)
	if err != nil || c.Style != "dark" {
		t.Fatalf("theme: %q %v", c.Style, err)
	}
	if !strings.HasSuffix(c.Where("style"), ":2: style") {
		t.Fatalf("Where(style) = %q, want line 2", c.Where("style"))
	}
}

func TestErrorsNameFileLineAndKey(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"syntax", "width = \n", ":1"},
		{"type", "vault = \"v\"\nwidth = \"wide\"\n", ":2: width: "},
		{"small width", "\n\nwidth = 5\n", ":3: width: 5: give 20 or more"},
		{"timestamps", "timestamps = \"xx\"\n", `:1: timestamps: "xx": give auto, hms or ms`},
		{"empty player", "player = \" \"\n", ":1: player: empty"},
		{"style and theme", "style = \"dark\"\ntheme = \"light\"\n", ":2: theme: give style or theme, not both"},
		{"unknown action", "[keys]\nquit = \"q\"\nfly = \"f\"\n", ":3: keys.fly: no such action (the actions are quit, help, bookmark, edit, open_video)"},
		{"not a key", "[keys]\nquit = \"a b\"\n", `:2: keys.quit: "a b" is not a key`},
		{"empty list", "[keys]\nquit = []\n", ":2: keys.quit: no keys"},
		{"number", "[keys]\nquit = [1]\n", ":2: keys.quit: give a key or a list of keys"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := writeConfig(t, tc.text)
			_, _, err := Load(path, actions)
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, path+":") || !strings.Contains(msg, tc.want) || strings.Contains(msg, "\n") {
				t.Fatalf("error %q: want one line starting with %s and containing %q", msg, path, tc.want)
			}
		})
	}
}

func TestUnknownKeysWarnOnce(t *testing.T) {
	path := writeConfig(t, "colour = 1\nwidth = 30\n[extra]\na = 1\nb = 2\n")
	c, warnings, err := Load(path, actions)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{path + `:1: unknown key "colour", ignored`, path + `:3: unknown key "extra", ignored`}
	if !reflect.DeepEqual(warnings, want) {
		t.Fatalf("warnings %q, want %q", warnings, want)
	}
	if c.Width != 30 {
		t.Fatalf("a warning lost the known keys: width %d", c.Width)
	}
}

func TestOversizeFileIsAnError(t *testing.T) {
	path := writeConfig(t, "# "+strings.Repeat("x", maxSize)+"\n")
	if _, _, err := Load(path, actions); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Fatalf("err %v, want larger than", err)
	}
}

func TestKeymap(t *testing.T) {
	defaults := map[string][]string{"quit": {"q"}, "help": {"?"}, "bookmark": {"m"}, "edit": {"e"}}
	c, _, err := Load(writeConfig(t, "[keys]\nbookmark = [\"b\", \"B\"]\n"), actions)
	if err != nil {
		t.Fatal(err)
	}
	always := func(a, b string) bool { return true }
	km, err := c.Keymap(defaults, always)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(km["bookmark"], []string{"b", "B"}) || !reflect.DeepEqual(km["quit"], []string{"q"}) {
		t.Fatalf("keymap %v", km)
	}
	if !reflect.DeepEqual(defaults["bookmark"], []string{"m"}) {
		t.Fatal("Keymap changed the defaults")
	}

	// a key the defaults give two actions already may stay on both
	defaults["help"] = []string{"?", "h"}
	defaults["edit"] = []string{"e", "h"}
	c, _, err = Load(writeConfig(t, "[keys]\nedit = [\"E\", \"h\"]\n"), actions)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Keymap(defaults, always); err != nil {
		t.Fatalf("a clash the defaults have: %v", err)
	}

	path := writeConfig(t, "[keys]\n\nedit = \"q\"\n")
	c, _, err = Load(path, actions)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Keymap(defaults, always)
	want := path + `:3: keys.edit: "q" is also a key of quit: remap quit too`
	if err == nil || err.Error() != want {
		t.Fatalf("err %v, want %s", err, want)
	}
	// the same key in two modes is no clash
	otherModes := func(a, b string) bool { return false }
	if km, err := c.Keymap(defaults, otherModes); err != nil || km["edit"][0] != "q" {
		t.Fatalf("a key of another mode: %v %v", km, err)
	}

	// two remapped actions of one mode
	path = writeConfig(t, "[keys]\nquit = [\"x\"]\nhelp = [\"?\", \"x\"]\n")
	c, _, err = Load(path, actions)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Keymap(defaults, always)
	if want := path + `:3: keys.help: "x" is also bound to quit`; err == nil || err.Error() != want {
		t.Fatalf("err %v, want %s", err, want)
	}
}

func TestTemplateParsesAndCommentsOutEverything(t *testing.T) {
	c, warnings, err := parse("t.toml", []byte(Template), actions)
	if err != nil || warnings != nil || len(c.lines) != 0 {
		t.Fatalf("template sets %v (err %v, warnings %q); every key should be commented out", c.lines, err, warnings)
	}
	for _, f := range fields {
		if !strings.Contains(Template, "# "+f) && !strings.Contains(Template, "# ["+f+"]") && !strings.Contains(Template, `"`+f+`"`) {
			t.Errorf("template does not explain %q", f)
		}
	}
	// Uncommenting every line gives a valid config.
	var lines []string
	for _, l := range strings.Split(Template, "\n") {
		if s, ok := strings.CutPrefix(l, "# "); ok && (strings.Contains(s, " = ") || s == "[keys]") && !strings.HasPrefix(s, "theme") {
			lines = append(lines, s)
		}
	}
	c, warnings, err = parse("t.toml", []byte(strings.Join(lines, "\n")), actions)
	if err != nil || warnings != nil {
		t.Fatalf("the uncommented template: %v %q", err, warnings)
	}
	if c.Width != 100 || c.Player != "mpv" || len(c.Keys) != 2 {
		t.Fatalf("the uncommented template gave %+v", c)
	}
}

func TestCreate(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	xdg.Reload()
	t.Cleanup(xdg.Reload)
	path := Path()
	if filepath.Base(filepath.Dir(path)) != "tubenotes" || !strings.HasPrefix(path, os.Getenv("XDG_CONFIG_HOME")) {
		t.Fatalf("Path() = %s, not under $XDG_CONFIG_HOME/tubenotes", path)
	}
	created, err := Create(path)
	if err != nil || !created {
		t.Fatalf("Create: %v %v", created, err)
	}
	if err := os.WriteFile(path, []byte("width = 40\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	created, err = Create(path)
	if err != nil || created {
		t.Fatalf("second Create: %v %v", created, err)
	}
	if data, _ := os.ReadFile(path); string(data) != "width = 40\n" {
		t.Fatalf("Create overwrote the user's file: %q", data)
	}
}
