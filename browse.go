package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"

	"tubenotes/loader"
	"tubenotes/loader/cache"
	"tubenotes/loader/demo"
	"tubenotes/model"
	"tubenotes/model/search"
	"tubenotes/ui"
	"tubenotes/ui/config"
	"tubenotes/ui/editor"
	"tubenotes/ui/open"
	"tubenotes/ui/player"
	"tubenotes/ui/state"
)

// browseFlags are the browser's flags; "tubenotes --help" lists them too.
type browseFlags struct {
	load   loadFlags
	style  string
	width  int
	player string
	fresh  bool
}

func (bf *browseFlags) flagSet(stderr io.Writer) *flagSet {
	fl := newFlagSet("", "[--style dark|light|dracula|tokyo-night|pink|ascii|notty|FILE.json] [--width N] [--player mpv|web|'CMD {url} {seconds}'] [--timestamps auto|hms|ms] [--fresh] [PATH]", stderr)
	bf.load.register(fl)
	fl.StringVar(&bf.style, "style", "auto", "colours: auto (from the terminal's background), dark, light, dracula, tokyo-night, pink, ascii, notty, or a glamour JSON style file")
	fl.IntVar(&bf.width, "width", 100, "widest the reading column grows, in cells")
	fl.BoolVar(&bf.fresh, "fresh", false, "start at the index page, not where you left off (bookmarks and each note's last place are kept)")
	fl.StringVar(&bf.player, "player", "", "play videos in one mpv that o seeks (mpv), in one browser page that o seeks (web), or with a command where {url} and {seconds} are replaced (no shell)")
	return fl
}

// runBrowse starts the terminal browser on the vault at PATH, else
// $TUBENOTES_VAULT, else the demo vault built into the binary.
func runBrowse(args []string, stdout, stderr io.Writer) int {
	var bf browseFlags
	fl := bf.flagSet(stderr)
	paths, err := parseArgs(fl, args)
	if err != nil {
		return 2
	}
	fail := func(err error) int {
		complain(stderr, "", err)
		return 2
	}
	if len(paths) > 1 {
		return fail(errors.New("give at most one PATH, the vault's folder"))
	}
	cfg, ok := userConfig(stderr)
	if !ok {
		return 2
	}
	fromConfig := bf.useConfig(fl, cfg)
	opts, err := bf.load.options()
	if err != nil {
		return fail(err)
	}
	if bf.width < 20 {
		return fail(fmt.Errorf("--width %d: give 20 or more", bf.width))
	}
	styleJSON, err := readStyle(bf.style)
	if err != nil {
		if fromConfig["style"] {
			err = fmt.Errorf("%s: %q: not auto, dark, light, dracula, tokyo-night, pink, ascii, notty or a readable JSON style file", cfg.Where("style"), bf.style)
		}
		return fail(err)
	}
	if bf.style == "auto" {
		bf.style = ""
	}
	opener, steered, stopPlayer, err := chooseOpener(bf.player, cfg.QuitPlayer)
	if err != nil {
		if rest, ok := strings.CutPrefix(err.Error(), "--player"); ok && fromConfig["player"] {
			err = fmt.Errorf("%s%s", cfg.Where("player"), rest)
		}
		return fail(err)
	}
	defer stopPlayer()
	links, err := open.Links(os.Getenv, runtime.GOOS)
	if err != nil {
		return fail(err)
	}
	fsys, dir, err := vaultFS(paths, cfg)
	if err != nil {
		return fail(err)
	}
	keys, err := keyMap(cfg)
	if err != nil {
		return fail(err)
	}
	uiOpts := ui.Options{
		Load: func(progress func(done, total int)) (*model.Vault, error) {
			o := opts
			o.Progress = progress
			return loader.Load(fsys, o)
		},
		Opener:    opener,
		Links:     links,
		Player:    steered,
		Style:     bf.style,
		StyleJSON: styleJSON,
		MaxWidth:  bf.width,
		Dir:       absDir(dir),
		// The cache (withCache) records the files of the load; what is
		// read again here is not written to it, and its next load checks
		// the files again. A cache kept current would be updated here.
		Refresh: func(v *model.Vault, paths []string) *model.Vault {
			return loader.Refresh(fsys, v, paths, opts)
		},
		Editor:     editor.New(os.Getenv, cfg.Editor),
		Keys:       &keys,
		ConfigPath: config.Path(),
		State:      stateStore(dir, stderr),
		Fresh:      bf.fresh,
	}
	saved := func() error { return nil }
	if dir != "" && !bf.load.noCache {
		saved = withCache(&uiOpts, dir, fsys, opts)
	}
	m := ui.New(uiOpts)
	final, err := tea.NewProgram(m).Run()
	if fm, ok := final.(ui.Model); ok {
		fm.Close()
	}
	// A cache being written when the user quit is finished, not left half.
	if serr := saved(); serr != nil {
		complain(stderr, "", fmt.Errorf("cache not written: %w", serr))
	}
	if err != nil {
		complain(stderr, "", err)
		return 1
	}
	return 0
}

// withCache makes the browser load the vault at dir through its cache: the
// index comes from it when the vault has not changed, and the cache is
// written once the vault is shown and indexed, in the background. saved
// waits for that write, if one started, and gives its error.
func withCache(o *ui.Options, dir string, fsys fs.FS, opts loader.Options) (saved func() error) {
	var (
		res     cache.Result // written by Load's command, read by those after it
		writing sync.WaitGroup
		saveErr error
	)
	o.Load = func(progress func(done, total int)) (*model.Vault, error) {
		lo := opts
		lo.Progress = progress
		var err error
		res, err = cache.Load(dir, fsys, lo)
		return res.Vault, err
	}
	o.Index = func(*model.Vault) *search.Index { return res.Index }
	writing.Add(1)
	var once sync.Once
	o.Indexed = func(v *model.Vault, ix *search.Index) (*model.Vault, *search.Index) {
		if v != res.Vault {
			return nil, nil // a vault reloaded since: the cache records the load's files
		}
		var lighter cache.Result
		once.Do(func() {
			defer writing.Done()
			saveErr = res.Save(ix)
			if saveErr == nil && res.Parsed() > 0 {
				// The notes parsed hold their texts; the cache just
				// written gives them read on demand, for far less memory.
				if l, err := cache.Load(dir, fsys, opts); err == nil && l.Index != nil {
					lighter, res = l, l
				}
			}
			// Loading, indexing and writing leave garbage several times
			// the vault's size: give its pages back now, as the browser
			// will sit idle with what it holds.
			debug.FreeOSMemory()
		})
		return lighter.Vault, lighter.Index
	}
	return func() error {
		once.Do(writing.Done) // no write started: none to wait for
		writing.Wait()
		return saveErr
	}
}

// useConfig takes the config file's settings for the flags not given on
// the command line, and tells which it took.
func (bf *browseFlags) useConfig(fl *flagSet, cfg config.Config) (fromConfig map[string]bool) {
	bf.load.useConfig(fl, cfg)
	set := setOnCommandLine(fl.FlagSet)
	fromConfig = map[string]bool{}
	take := func(name string, use bool, apply func()) {
		if use && !set[name] {
			apply()
			fromConfig[name] = true
		}
	}
	take("style", cfg.Style != "", func() { bf.style = cfg.Style })
	take("width", cfg.Width != 0, func() { bf.width = cfg.Width })
	take("player", cfg.Player != "", func() { bf.player = cfg.Player })
	take("fresh", cfg.Fresh, func() { bf.fresh = cfg.Fresh })
	return fromConfig
}

// vaultFS is the folder named on the command line, else in
// $TUBENOTES_VAULT, else in the config file, checked to be a readable
// directory, and its path; else the demo vault and "".
func vaultFS(paths []string, cfg config.Config) (fs.FS, string, error) {
	dir := os.Getenv("TUBENOTES_VAULT")
	if len(paths) == 1 {
		dir = paths[0]
	}
	if dir == "" && cfg.Vault != "" {
		fsys, err := vaultDir(cfg.Vault)
		if err != nil {
			return nil, "", fmt.Errorf("%s: %v", cfg.Where("vault"), err)
		}
		return fsys, cfg.Vault, nil
	}
	if dir == "" {
		return demo.FS(), "", nil
	}
	fsys, err := vaultDir(dir)
	return fsys, dir, err
}

// stateStore is the state file of the vault at dir, nil (nothing is kept)
// for the demo vault or when it cannot be placed, which stderr is told.
func stateStore(dir string, stderr io.Writer) ui.StateStore {
	if dir == "" {
		return nil
	}
	store, err := state.Open(dir)
	if err != nil {
		fmt.Fprintf(stderr, "tubenotes: warning: %v; nothing is remembered this time\n", err)
		return nil
	}
	return store
}

// absDir is dir made absolute, as the watcher and the editor need it; ""
// (the demo vault) stays "".
func absDir(dir string) string {
	if dir == "" {
		return ""
	}
	if abs, err := filepath.Abs(dir); err == nil {
		return abs
	}
	return dir
}

// chooseOpener is the opener for --player: mpv and web are one player
// that every o steers (also returned, for follow mode and the player's
// keys), closed by stop (mpv keeps playing unless quitPlayer); anything
// else goes to open.New, with no player.
func chooseOpener(name string, quitPlayer bool) (o open.Opener, p player.Player, stop func(), err error) {
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
	stop = func() {
		if q, ok := p.(interface{ Quit(context.Context) error }); ok && quitPlayer {
			_ = q.Quit(context.Background()) // best effort: the program is ending
		}
		p.Close()
	}
	return player.Opener{Player: p}, p, stop, nil
}
