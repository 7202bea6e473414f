package main

import (
	"fmt"
	"io"
	"os"

	"tubenotes/ui/config"
	"tubenotes/ui/editor"
)

// runConfig opens the config file in the editor, creating it first with
// every key commented out; with --path it prints where the file is.
func runConfig(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("config", "config [--path]", stderr)
	printPath := fl.Bool("path", false, "print where the config file is, and nothing else")
	rest, err := parseArgs(fl, args)
	if err != nil {
		return 2
	}
	if len(rest) > 0 {
		fmt.Fprintln(stderr, "tubenotes config: takes no PATH")
		return 2
	}
	path := config.Path()
	if *printPath {
		fmt.Fprintln(stdout, path)
		return 0
	}
	created, err := config.Create(path)
	if err != nil {
		fmt.Fprintf(stderr, "tubenotes config: cannot create %s: %v\n", path, err)
		return 1
	}
	if created {
		fmt.Fprintln(stderr, "tubenotes: created", path)
	}
	// The editor named in a broken file still opens it: that is when it is
	// needed most.
	cfg, _, _ := config.Load(path, keyActions())
	cmd, err := editor.New(os.Getenv, cfg.Editor).Command(path, 0)
	if err != nil {
		fmt.Fprintf(stderr, "tubenotes config: %v; the file is %s\n", err, path)
		return 1
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, stdout, stderr
	if err := cmd.Run(); err != nil {
		fmt.Fprintf(stderr, "tubenotes config: %s: %v\n", cmd.Args[0], err)
		return 1
	}
	if _, ok := userConfig(stderr); !ok {
		return 2
	}
	return 0
}
