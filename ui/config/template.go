package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// Template is the file "tubenotes config" creates: every key, commented
// out and explained, so uncommenting a line is all a change takes.
const Template = `# tubenotes configuration. Every key is optional; a flag or an environment
# variable given on the command line wins over what is set here.
# Uncomment a line (remove the leading "# ") to change a setting.

# The vault opened when no PATH is given ($TUBENOTES_VAULT wins over it).
# vault = "~/notes/tubegraph"

# How videos play: "mpv" (one mpv that each "o" seeks), "web" (one browser
# page that each "o" seeks), or a command where {url} and {seconds} are
# replaced (run without a shell). Unset: $BROWSER, else the system's browser.
# player = "mpv"

# Quit the mpv that "o" started when tubenotes quits; by default it keeps
# playing.
# quit_player = false

# Colours: "auto" (from the terminal's background), "dark", "light",
# "dracula", "tokyo-night", "pink", "ascii", "notty" (no colours), or the
# path of a glamour JSON style file. The theme picker (C) saves it here.
# "theme" is another name for the same key.
# style = "auto"

# The widest the reading column grows, in cells (20 or more).
# width = 100

# How three-part timestamps read: "auto", "hms" (h:mm:ss) or "ms" (mm:ss:00).
# timestamps = "auto"

# The editor "e" opens a note in when neither $VISUAL nor $EDITOR is set.
# It is run directly, never through a shell; arguments may follow the name.
# editor = "nvim"

# Start at the index page every time instead of where you left off.
# fresh = false

# Key remapping: an action gets exactly the keys listed (a key or a list),
# replacing its default keys. The actions are listed in the README
# (quit, help, open_video, search, ...). A key given to two actions that
# work in the same mode is an error.
# [keys]
# quit = ["q", "Q"]
# open_video = ["o", "p"]
`

// Create writes Template at path, making its folder, unless a file is
// there already. created tells whether it wrote one.
func Create(path string) (created bool, err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return false, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if _, err := f.WriteString(Template); err != nil {
		f.Close()
		return false, err
	}
	return true, f.Close()
}
