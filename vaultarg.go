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
	"tubenotes/model"
	"tubenotes/ui/config"
	"tubenotes/ui/safe"
)

// loadFlags are the flags every command that reads a vault takes.
type loadFlags struct {
	timestamps string
}

func (lf *loadFlags) register(fl *flagSet) {
	fl.StringVar(&lf.timestamps, "timestamps", "auto", "how to read three-part timestamps: auto, hms (h:mm:ss) or ms (mm:ss:00)")
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
func loadVaultArg(name string, fl *flagSet, lf *loadFlags, args []string, stderr io.Writer) (v *model.Vault, took time.Duration, ok bool) {
	v, _, took, ok = loadVaultArgs(name, fl, lf, args, nil, stderr)
	return v, took, ok
}

// loadVaultArgs is loadVaultArg for a command that takes more arguments
// after PATH, one a name of more: it returns them as given.
func loadVaultArgs(name string, fl *flagSet, lf *loadFlags, args, more []string, stderr io.Writer) (v *model.Vault, rest []string, took time.Duration, ok bool) {
	paths, err := parseArgs(fl, args)
	if err != nil {
		return nil, nil, 0, false
	}
	if len(paths) != 1+len(more) {
		if len(more) == 0 {
			fmt.Fprintf(stderr, "tubenotes %s: give one PATH, the vault's folder\n", name)
		} else {
			fmt.Fprintf(stderr, "tubenotes %s: give PATH and %s (see tubenotes %s --help)\n", name, strings.Join(more, " "), name)
		}
		return nil, nil, 0, false
	}
	cfg, ok := userConfig(stderr)
	if !ok {
		return nil, nil, 0, false
	}
	lf.useConfig(fl, cfg)
	opts, err := lf.options()
	if err == nil {
		v, took, err = openVault(paths[0], opts)
	}
	if err != nil {
		complain(stderr, name, err)
		return nil, nil, 0, false
	}
	return v, paths[1:], took, true
}

// openVault checks that dir is a readable directory and loads it. The error
// is one line, fit to print after "tubenotes: ".
func openVault(dir string, opts loader.Options) (*model.Vault, time.Duration, error) {
	fsys, err := vaultDir(dir)
	if err != nil {
		return nil, 0, err
	}
	start := time.Now()
	v, err := loader.Load(fsys, opts)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %v", dir, err)
	}
	return v, time.Since(start), nil
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
// returns the positionals. It reports a mistake, or prints the usage for
// --help, before returning the error.
func parseArgs(fl *flagSet, args []string) ([]string, error) {
	var rest []string
	for {
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
