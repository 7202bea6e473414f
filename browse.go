package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"

	tea "charm.land/bubbletea/v2"

	"tubenotes/loader"
	"tubenotes/loader/demo"
	"tubenotes/model"
	"tubenotes/ui"
	"tubenotes/ui/open"
	"tubenotes/ui/player"
)

// browseFlags are the browser's flags; "tubenotes --help" lists them too.
type browseFlags struct {
	load   loadFlags
	style  string
	width  int
	player string
}

func (bf *browseFlags) flagSet(stderr io.Writer) *flag.FlagSet {
	fl := newFlagSet("", "[--style dark|light|notty|FILE.json] [--width N] [--player mpv|web|'CMD {url} {seconds}'] [--timestamps auto|hms|ms] [PATH]", stderr)
	bf.load.register(fl)
	fl.StringVar(&bf.style, "style", "auto", "colours: auto (from the terminal's background), dark, light, notty, or a glamour JSON style file")
	fl.IntVar(&bf.width, "width", 100, "widest the reading column grows, in cells")
	fl.StringVar(&bf.player, "player", "", "play videos in one mpv that o seeks (mpv), in one browser page that o seeks (web), or with a command where {url} and {seconds} are replaced (no shell)")
	return fl
}

// runBrowse starts the terminal browser on the vault at PATH, else
// $TUBENOTES_VAULT, else the demo vault built into the binary.
func runBrowse(args []string, stdout, stderr io.Writer) int {
	var bf browseFlags
	paths, err := parseArgs(bf.flagSet(stderr), args)
	if err != nil {
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintln(stderr, "tubenotes:", err)
		return 2
	}
	if len(paths) > 1 {
		return fail(errors.New("give at most one PATH, the vault's folder"))
	}
	opts, err := bf.load.options()
	if err != nil {
		return fail(err)
	}
	if bf.width < 20 {
		return fail(fmt.Errorf("--width %d: give 20 or more", bf.width))
	}
	if err := checkStyle(bf.style); err != nil {
		return fail(err)
	}
	if bf.style == "auto" {
		bf.style = ""
	}
	opener, steered, stopPlayer, err := chooseOpener(bf.player)
	if err != nil {
		return fail(err)
	}
	defer stopPlayer()
	fsys, err := vaultFS(paths)
	if err != nil {
		return fail(err)
	}
	m := ui.New(ui.Options{
		Load: func(progress func(done, total int)) (*model.Vault, error) {
			o := opts
			o.Progress = progress
			return loader.Load(fsys, o)
		},
		Opener:   opener,
		Player:   steered,
		Style:    bf.style,
		MaxWidth: bf.width,
	})
	if _, err := tea.NewProgram(m).Run(); err != nil {
		fmt.Fprintln(stderr, "tubenotes:", err)
		return 1
	}
	return 0
}

// vaultFS is the folder named on the command line or in $TUBENOTES_VAULT,
// checked to be a readable directory, else the demo vault.
func vaultFS(paths []string) (fs.FS, error) {
	dir := os.Getenv("TUBENOTES_VAULT")
	if len(paths) == 1 {
		dir = paths[0]
	}
	if dir == "" {
		return demo.FS(), nil
	}
	return vaultDir(dir)
}

// checkStyle accepts the named styles and a readable style file.
func checkStyle(style string) error {
	switch style {
	case "auto", "dark", "light", "notty":
		return nil
	}
	if _, err := os.ReadFile(style); err != nil {
		return fmt.Errorf("--style %s: not dark, light, notty or a readable JSON style file", style)
	}
	return nil
}

// chooseOpener is the opener for --player: mpv and web are one player
// that every o steers (also returned, for follow mode and the player's
// keys), closed (mpv left running) by stop; anything else goes to
// open.New, with no player.
func chooseOpener(name string) (o open.Opener, p player.Player, stop func(), err error) {
	if name != player.NameMPV && name != player.NameWeb {
		o, err = open.New(name, os.Getenv, runtime.GOOS)
		return o, nil, func() {}, err
	}
	pages, err := open.Browser(os.Getenv, runtime.GOOS)
	if err != nil {
		return nil, nil, nil, err
	}
	p, err = player.New(name, pages)
	if err != nil {
		return nil, nil, nil, err
	}
	return player.Opener{Player: p}, p, func() { p.Close() }, nil
}
