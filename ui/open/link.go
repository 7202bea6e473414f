package open

import (
	"fmt"

	"github.com/cli/browser"

	"tubenotes/model"
)

// LinkOpener opens a web page that a note links to ("[text](https://…)").
type LinkOpener interface {
	OpenLink(url string) error
}

// checkLink refuses anything but an http or https URL that model.WebURL
// accepts: no javascript:, file: or data: page, no control character.
func checkLink(url string) error {
	if model.WebURL(url) != url || url == "" {
		return fmt.Errorf("refusing to open %q: not an http or https link", url)
	}
	return nil
}

// OpenLink opens a web page with the command ($BROWSER).
func (c Command) OpenLink(url string) error {
	if err := checkLink(url); err != nil {
		return err
	}
	return c.run(c.Argv(url, 0))
}

// OpenLink opens a web page with the platform's launcher.
func (System) OpenLink(url string) error {
	if err := checkLink(url); err != nil {
		return err
	}
	if err := browser.OpenURL(url); err != nil {
		return fmt.Errorf("cannot open a browser: %w", err)
	}
	return nil
}

// OpenLink always returns ErrNoDisplay.
func (NoDisplay) OpenLink(url string) error {
	if err := checkLink(url); err != nil {
		return err
	}
	return ErrNoDisplay
}

// Links is what opens the pages notes link to: $BROWSER, else nothing on
// a Linux machine without a display, else the platform's browser; never
// the --player command, which plays videos.
func Links(getenv func(string) string, goos string) (LinkOpener, error) {
	o, err := New("", getenv, goos)
	if err != nil {
		return nil, err
	}
	return o.(LinkOpener), nil // every opener New makes without --player opens links
}
