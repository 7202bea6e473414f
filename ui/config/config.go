// Package config reads the user's config.toml: the defaults of the
// browser's flags and the key remapping. A setting's precedence (flags >
// environment > config > defaults) is the caller's: a zero field here was
// not set in the file.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/adrg/xdg"
	"github.com/pelletier/go-toml/v2"

	"tubenotes/loader/regular"
)

// Config is what one config file says. A zero field was not set.
type Config struct {
	Vault      string
	Player     string
	Style      string // "style", or its other name "theme"
	Width      int
	Timestamps string
	Editor     string
	Fresh      bool
	QuitPlayer bool // quitting tubenotes ends the mpv it started
	// Keys remaps actions: each named action gets exactly these keys, in
	// the strings bubbles' key package matches ("x", "ctrl+y", "enter").
	Keys map[string][]string

	file  string
	lines map[string]int // the line of each key set, "keys.ACTION" for remaps
}

// fields are the top-level keys, in the order the template explains them.
var fields = []string{"vault", "player", "quit_player", "style", "theme", "width", "timestamps", "editor", "fresh", "keys"}

// file is the shape config.toml decodes into.
type file struct {
	Vault      string         `toml:"vault"`
	Player     string         `toml:"player"`
	Style      string         `toml:"style"`
	Theme      string         `toml:"theme"`
	Width      int            `toml:"width"`
	Timestamps string         `toml:"timestamps"`
	Editor     string         `toml:"editor"`
	Fresh      bool           `toml:"fresh"`
	QuitPlayer bool           `toml:"quit_player"`
	Keys       map[string]any `toml:"keys"`
}

// maxSize bounds the file read: a config is a few hundred bytes.
const maxSize = 1 << 20

// Path is where the config file lives: $XDG_CONFIG_HOME/tubenotes/config.toml
// (the platform's equivalent where XDG does not apply).
func Path() string { return filepath.Join(xdg.ConfigHome, "tubenotes", "config.toml") }

// Load reads the config file at path. A missing file is an empty Config.
// actions are the names [keys] may remap. The error is one line naming the
// file, the line and the key; warnings (unknown keys, which are ignored)
// are one line each, in the same form.
func Load(path string, actions []string) (Config, []string, error) {
	c := Config{file: path, lines: map[string]int{}}
	data, err := readBounded(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil, nil
	}
	if err != nil {
		return c, nil, fmt.Errorf("%s: %v", path, errorText(err))
	}
	return parse(path, data, actions)
}

// parse is Load on the file's bytes.
func parse(path string, data []byte, actions []string) (Config, []string, error) {
	c := Config{file: path, lines: map[string]int{}}
	var f file
	if err := toml.Unmarshal(data, &f); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, _ := de.Position()
			where := fmt.Sprintf("%s:%d", path, line)
			if k := de.Key(); len(k) > 0 {
				where += ": " + strings.Join(k, ".")
			}
			return c, nil, fmt.Errorf("%s: %s", where, oneLine(de.Error()))
		}
		return c, nil, fmt.Errorf("%s: %s", path, oneLine(err.Error()))
	}
	keys, err := keyLines(data)
	if err != nil {
		return c, nil, fmt.Errorf("%s: %s", path, oneLine(err.Error()))
	}
	var warnings []string
	warned := map[string]bool{}
	for _, k := range keys {
		top := k.path[0]
		if !isField(top) {
			if !warned[top] {
				warned[top] = true
				warnings = append(warnings, fmt.Sprintf("%s:%d: unknown key %q, ignored", path, k.line, top))
			}
			continue
		}
		c.lines[strings.Join(k.path, ".")] = k.line
	}
	c.Vault, c.Player, c.Timestamps, c.Editor, c.Fresh, c.QuitPlayer = f.Vault, f.Player, f.Timestamps, f.Editor, f.Fresh, f.QuitPlayer
	c.Style = f.Style
	switch {
	case f.Theme != "" && f.Style != "":
		return c, warnings, c.errorf("theme", "give style or theme, not both")
	case f.Theme != "":
		c.Style = f.Theme
		c.lines["style"] = c.lines["theme"]
	}
	c.Width = f.Width
	if c.set("width") && c.Width < 20 {
		return c, warnings, c.errorf("width", "%d: give 20 or more", c.Width)
	}
	switch c.Timestamps {
	case "", "auto", "hms", "ms":
	default:
		return c, warnings, c.errorf("timestamps", "%q: give auto, hms or ms", c.Timestamps)
	}
	for _, k := range []string{"vault", "player", "style", "editor"} {
		if c.set(k) && strings.TrimSpace(c.value(k)) == "" {
			return c, warnings, c.errorf(k, "empty: leave it out for the default")
		}
	}
	c.Vault, c.Style = expandHome(c.Vault), expandHome(c.Style)
	keymap, err := c.decodeKeys(f.Keys, actions)
	if err != nil {
		return c, warnings, err
	}
	c.Keys = keymap
	return c, warnings, nil
}

// value is the string setting named key.
func (c Config) value(key string) string {
	switch key {
	case "vault":
		return c.Vault
	case "player":
		return c.Player
	case "style":
		return c.Style
	case "editor":
		return c.Editor
	}
	return ""
}

// set reports whether the file set key ("width", "keys.quit").
func (c Config) set(key string) bool {
	_, ok := c.lines[key]
	return ok
}

// Where is "FILE:LINE: KEY" for a key the file set ("width",
// "keys.quit"), the prefix of a one-line message about its value; "" when
// the file did not set it.
func (c Config) Where(key string) string {
	line, ok := c.lines[key]
	if !ok {
		return ""
	}
	return fmt.Sprintf("%s:%d: %s", c.file, line, key)
}

// File is the path the config was loaded from.
func (c Config) File() string { return c.file }

func (c Config) errorf(key, format string, args ...any) error {
	return fmt.Errorf("%s: %s", c.Where(key), fmt.Sprintf(format, args...))
}

func isField(key string) bool {
	for _, f := range fields {
		if f == key {
			return true
		}
	}
	return false
}

// expandHome makes a leading "~/" the home folder, as a shell would.
func expandHome(p string) string {
	rest, ok := strings.CutPrefix(p, "~/")
	if !ok {
		return p
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return p
	}
	return filepath.Join(home, rest)
}

// readBounded reads at most maxSize bytes of path; a bigger file is an error.
func readBounded(path string) ([]byte, error) {
	f, err := regular.Open(path) // a named pipe must not hang the start

	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, maxSize+1)
	n := 0
	for n < len(buf) {
		m, err := f.Read(buf[n:])
		n += m
		if err != nil {
			break
		}
	}
	if n > maxSize {
		return nil, fmt.Errorf("larger than %d bytes: not a config file", maxSize)
	}
	return buf[:n], nil
}

// errorText is an error without the path a *fs.PathError repeats.
func errorText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// oneLine keeps the first line of a message.
func oneLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return strings.TrimPrefix(s, "toml: ")
}
