package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"tubenotes/loader"
	"tubenotes/loader/cache"
	"tubenotes/model"
	"tubenotes/model/search"
	"tubenotes/ui/config"
	"tubenotes/ui/safe"
)

// loadFlags are the flags every command that reads a vault takes.
type loadFlags struct {
	timestamps string
	noCache    bool
}

func (lf *loadFlags) register(fl *flagSet) {
	fl.StringVar(&lf.timestamps, "timestamps", "auto", "how to read three-part timestamps: auto, hms (h:mm:ss) or ms (mm:ss:00)")
	fl.BoolVar(&lf.noCache, "no-cache", false, "read every file, and neither read nor write the cache")
}

// useConfig takes the config file's timestamps unless the flag was given.
func (lf *loadFlags) useConfig(fl *flagSet, cfg config.Config) {
	if cfg.Timestamps != "" && !setOnCommandLine(fl.FlagSet)["timestamps"] {
		lf.timestamps = cfg.Timestamps
	}
}

func (lf *loadFlags) options() (loader.Options, error) {
	mode, err := loader.ParseTimestampMode(lf.timestamps)
	if err != nil {
		return loader.Options{}, err
	}
	return loader.Options{Timestamps: mode}, nil
}

// loadVaultArg parses a command's flags over args (lf is registered on fl
// already), wants one PATH and loads the vault there. ok is false when it
// has said why on stderr; the command then exits 2.
func loadVaultArg(name string, fl *flagSet, lf *loadFlags, args []string, stderr io.Writer) (lv *loadedVault, ok bool) {
	lv, _, ok = openVaultArgs(name, fl, lf, args, nil, stderr)
	return lv, ok
}

// loadVaultArgs is loadVaultArg for a command that takes more arguments
// after PATH, one a name of more: it returns them as given. It reads the
// vault through its cache and leaves writing it to the commands that
// load the vault whole (search, stats, export, the browser).
func loadVaultArgs(name string, fl *flagSet, lf *loadFlags, args, more []string, stderr io.Writer) (v *model.Vault, rest []string, took time.Duration, ok bool) {
	lv, rest, ok := openVaultArgs(name, fl, lf, args, more, stderr)
	if !ok {
		return nil, nil, 0, false
	}
	return lv.vault, rest, lv.took, true
}

// openVaultArgs parses a command's flags, wants PATH and the arguments
// named by more, and loads the vault at PATH.
func openVaultArgs(name string, fl *flagSet, lf *loadFlags, args, more []string, stderr io.Writer) (lv *loadedVault, rest []string, ok bool) {
	paths, err := parseArgs(fl, args)
	if err != nil {
		return nil, nil, false
	}
	if len(paths) != 1+len(more) {
		if len(more) == 0 {
			fmt.Fprintf(stderr, "tubenotes %s: give one PATH, the vault's folder\n", name)
		} else {
			fmt.Fprintf(stderr, "tubenotes %s: give PATH and %s (see tubenotes %s --help)\n", name, strings.Join(more, " "), name)
		}
		return nil, nil, false
	}
	cfg, ok := userConfig(stderr)
	if !ok {
		return nil, nil, false
	}
	lf.useConfig(fl, cfg)
	opts, err := lf.options()
	if err == nil {
		lv, err = openVault(paths[0], opts, !lf.noCache)
	}
	if err != nil {
		complain(stderr, name, err)
		return nil, nil, false
	}
	return lv, paths[1:], true
}

// loadedVault is a vault a command loaded, and the cache it loaded it with.
type loadedVault struct {
	vault *model.Vault
	took  time.Duration
	cache *cache.Result // nil with --no-cache
}

// openVault checks that dir is a readable directory and loads it, with its
// cache when useCache is set. The error is one line, fit to print after
// "tubenotes: ".
func openVault(dir string, opts loader.Options, useCache bool) (*loadedVault, error) {
	fsys, err := vaultDir(dir)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	lv := &loadedVault{}
	if useCache {
		var res cache.Result
		res, err = cache.Load(dir, fsys, opts)
		lv.vault, lv.cache = res.Vault, &res
	} else {
		lv.vault, err = loader.Load(fsys, opts)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %v", dir, err)
	}
	lv.took = time.Since(start)
	return lv, nil
}

// index is the vault's search index: the cache's, else built now.
func (lv *loadedVault) index() *search.Index {
	if lv.cache != nil && lv.cache.Index != nil {
		return lv.cache.Index
	}
	return search.Build(lv.vault.Notes)
}

// saveCache writes the vault's cache, with ix when it is not nil, when the
// cache does not hold them yet. A cache that can't be written costs the
// next start time, nothing else: it is said on stderr and the command
// goes on.
func (lv *loadedVault) saveCache(ix *search.Index, name string, stderr io.Writer) {
	if lv.cache == nil {
		return
	}
	if err := lv.cache.Save(ix); err != nil {
		complain(stderr, name, fmt.Errorf("cache not written: %w", err))
	}
}

// cacheStatus is the one line "stats" prints about the cache.
func (lv *loadedVault) cacheStatus() string {
	if lv.cache == nil {
		return "off (--no-cache)"
	}
	return lv.cache.Status
}

// vaultDir is the directory dir as a file system, once it is known to be a
// directory whose entries can be listed. The error is one line.
func vaultDir(dir string) (fs.FS, error) {
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
	return loader.Dir(dir), nil
}

// parseArgs parses fl over args, allowing flags after the positionals, and
// returns the positionals. After the first positional, a word with one
// dash that names no flag is a positional too: a video id may start with
// "-" (-kHkWgjGD7U), as may a note's name. It reports a mistake, or prints
// the usage for --help, before returning the error.
func parseArgs(fl *flagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if len(rest) > 0 && len(args) > 0 && !fl.names(args[0]) {
			rest, args = append(rest, args[0]), args[1:]
			continue
		}
		if err := fl.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fl.usage()
			} else {
				complain(fl.stderr, fl.Name(), fmt.Errorf("%v (see --help)", err))
			}
			return nil, err
		}
		if n := len(args) - len(fl.Args()); n > 0 && args[n-1] == "--" {
			return append(rest, fl.Args()...), nil
		}
		args = fl.Args()
		if len(args) == 0 {
			return rest, nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// names reports whether arg is read as a flag: "--" and "--anything",
// and "-name" or "-name=value" where name is one of fl's or help's.
func (fl *flagSet) names(arg string) bool {
	if !strings.HasPrefix(arg, "-") || arg == "-" || strings.HasPrefix(arg, "--") {
		return strings.HasPrefix(arg, "--")
	}
	name, _, _ := strings.Cut(arg[1:], "=")
	return fl.Lookup(name) != nil || name == "h" || name == "help"
}

// flagSet is a command's flags. A mistake in them is one line on stderr
// (the flag package would add the whole usage, and echo a hostile flag
// name raw); --help prints the usage.
type flagSet struct {
	*flag.FlagSet
	stderr io.Writer
	usage  func()
}

// newFlagSet is a flag set that reports to stderr and never exits.
func newFlagSet(name, synopsis string, stderr io.Writer) *flagSet {
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	fl.Usage = func() {}
	return &flagSet{FlagSet: fl, stderr: stderr, usage: func() {
		fmt.Fprintf(stderr, "Usage: tubenotes %s\n\nFlags:\n", synopsis)
		fl.SetOutput(stderr)
		fl.PrintDefaults()
		fl.SetOutput(io.Discard)
	}}
}

// complain writes err as one line, cleaned for a terminal, after the
// command's name.
func complain(stderr io.Writer, command string, err error) {
	prefix := "tubenotes"
	if command != "" {
		prefix += " " + command
	}
	fmt.Fprintf(stderr, "%s: %s\n", prefix, safe.Line(err.Error()))
}
