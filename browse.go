package main

import (
	"errors"
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
)

// runBrowse starts the terminal browser on the vault at PATH, else
// $TUBENOTES_VAULT, else the demo vault built into the binary.
func runBrowse(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("", "[--style dark|light|notty|FILE.json] [--width N] [--player mpv|'CMD {url} {seconds}'] [--timestamps auto|hms|ms] [PATH]", stderr)
	var lf loadFlags
	lf.register(fl)
	style := fl.String("style", "auto", "colours: auto (from the terminal's background), dark, light, notty, or a glamour JSON style file")
	width := fl.Int("width", 100, "widest the reading column grows, in cells")
	player := fl.String("player", "", "open videos with mpv, or with a command where {url} and {seconds} are replaced (no shell)")
	paths, err := parseArgs(fl, args)
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
	opts, err := lf.options()
	if err != nil {
		return fail(err)
	}
	if *width < 20 {
		return fail(fmt.Errorf("--width %d: give 20 or more", *width))
	}
	if err := checkStyle(*style); err != nil {
		return fail(err)
	}
	if *style == "auto" {
		*style = ""
	}
	opener, err := open.New(*player, os.Getenv, runtime.GOOS)
	if err != nil {
		return fail(err)
	}
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
		Style:    *style,
		MaxWidth: *width,
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
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: no such directory", dir)
	case err != nil:
		return nil, fmt.Errorf("%s: %v", dir, errors.Unwrap(err))
	case !info.IsDir():
		return nil, fmt.Errorf("%s: not a directory", dir)
	}
	f, err := os.Open(dir)
	if err == nil {
		_, err = f.Readdirnames(1)
		f.Close()
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: cannot read the directory", dir)
	}
	return os.DirFS(dir), nil
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
