// Package open starts the program that plays a video: the user's $BROWSER,
// a player such as mpv, or the platform's browser, and the web pages notes
// link to. Nothing here runs a shell; only watch URLs that model.VideoURL
// makes are played, and only http(s) pages that model.WebURL accepts are
// opened (link.go).
package open

import (
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/cli/browser"

	"tubenotes/model"
)

// Opener opens a video URL that starts at seconds.
type Opener interface {
	Open(url string, seconds int) error
}

// PageOpener opens a page that tubenotes itself serves on 127.0.0.1 (the
// web player's); it refuses any other address.
type PageOpener interface {
	OpenPage(url string) error
}

// ErrNoDisplay is returned when there is nowhere to show a browser; the UI
// copies the URL instead.
var ErrNoDisplay = errors.New("no display to open a browser on")

// quickFailure is how long Open waits for a launcher that exits at once
// with an error, so the failure can be shown; anything still running after
// it is left to run.
const quickFailure = 800 * time.Millisecond

// checkURL refuses anything but a watch URL built by model.VideoURL for
// seconds.
func checkURL(url string, seconds int) error {
	rest, ok := strings.CutPrefix(url, "https://www.youtube.com/watch?v=")
	id, _, _ := strings.Cut(rest, "&")
	if !ok || model.VideoURL(id, seconds) != url {
		return fmt.Errorf("refusing to open %q: not a video URL", url)
	}
	return nil
}

// Command runs a program whose words may hold {url} and {seconds}
// placeholders, each substituted within its word; no shell is involved.
type Command struct {
	Words []string
}

// Argv is the command line for url at seconds.
func (c Command) Argv(url string, seconds int) []string {
	out := make([]string, len(c.Words))
	for i, w := range c.Words {
		w = strings.ReplaceAll(w, "{url}", url)
		out[i] = strings.ReplaceAll(w, "{seconds}", strconv.Itoa(seconds))
	}
	return out
}

// Open starts the command and returns without waiting for it to finish,
// except to report a launcher that fails straight away.
func (c Command) Open(url string, seconds int) error {
	if err := checkURL(url, seconds); err != nil {
		return err
	}
	return c.run(c.Argv(url, seconds))
}

// OpenPage opens one of tubenotes' own local pages with the command.
func (c Command) OpenPage(url string) error {
	if err := checkPage(url); err != nil {
		return err
	}
	return c.run(c.Argv(url, 0))
}

// run starts argv and reports a launcher that fails at once.
func (c Command) run(argv []string) error {
	if len(argv) == 0 {
		return errors.New("no command to open the video with")
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("cannot run %s: %w", argv[0], err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("%s failed: %w", argv[0], err)
		}
	case <-time.After(quickFailure):
	}
	return nil
}

// System opens the URL with the platform's browser launcher, its output
// discarded.
type System struct{}

// Open runs the platform launcher (xdg-open, open, start).
func (System) Open(url string, seconds int) error {
	if err := checkURL(url, seconds); err != nil {
		return err
	}
	if err := browser.OpenURL(url); err != nil {
		return fmt.Errorf("cannot open a browser: %w", err)
	}
	return nil
}

// OpenPage opens one of tubenotes' own local pages with the platform's
// launcher.
func (System) OpenPage(url string) error {
	if err := checkPage(url); err != nil {
		return err
	}
	if err := browser.OpenURL(url); err != nil {
		return fmt.Errorf("cannot open a browser: %w", err)
	}
	return nil
}

// NoDisplay launches nothing; the UI copies and shows the URL.
type NoDisplay struct{}

// Open always returns ErrNoDisplay.
func (NoDisplay) Open(url string, seconds int) error {
	if err := checkURL(url, seconds); err != nil {
		return err
	}
	return ErrNoDisplay
}

// OpenPage always returns ErrNoDisplay.
func (NoDisplay) OpenPage(url string) error {
	if err := checkPage(url); err != nil {
		return err
	}
	return ErrNoDisplay
}

// New chooses the opener: the --player command when given (with {url}
// and {seconds}; "mpv" and "web" are ui/player's and never get here), else
// $BROWSER, else nothing on a Linux machine without a display, else the
// platform's browser.
func New(player string, getenv func(string) string, goos string) (Opener, error) {
	switch {
	case player != "":
		return commandFrom(player, "--player", "{url}")
	case getenv("BROWSER") != "":
		return commandFrom(getenv("BROWSER"), "$BROWSER", "%s")
	case (goos == "linux" || strings.HasSuffix(goos, "bsd")) &&
		getenv("DISPLAY") == "" && getenv("WAYLAND_DISPLAY") == "":
		return NoDisplay{}, nil
	}
	// the launcher's chatter would land on the browser's screen; set once,
	// here, as Open may run in several commands at a time
	browser.Stdout, browser.Stderr = io.Discard, io.Discard
	return System{}, nil
}

// Browser is what opens tubenotes' own pages: $BROWSER, else nothing on a
// Linux machine without a display, else the platform's browser.
func Browser(getenv func(string) string, goos string) (PageOpener, error) {
	o, err := New("", getenv, goos)
	if err != nil {
		return nil, err
	}
	return o.(PageOpener), nil // every opener New makes without --player opens pages
}

// commandFrom splits line into a Command; the URL goes where urlMark
// stands, else as the last word.
func commandFrom(line, what, urlMark string) (Command, error) {
	words, err := Split(line)
	if err != nil {
		return Command{}, fmt.Errorf("%s: %w", what, err)
	}
	if len(words) == 0 {
		return Command{}, fmt.Errorf("%s is empty", what)
	}
	marked := false
	for i, w := range words {
		words[i] = strings.ReplaceAll(w, urlMark, "{url}")
		marked = marked || strings.Contains(words[i], "{url}")
	}
	if !marked {
		words = append(words, "{url}")
	}
	return Command{Words: words}, nil
}
