// Command tubenotes browses a vault of notes about YouTube videos in the
// terminal, and exports, counts, searches and shows it from scripts.
package main

import (
	"fmt"
	"io"
	"os"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

const usage = `tubenotes: a terminal browser for notes about YouTube videos

Usage:
  tubenotes [flags] [PATH]              browse the vault at PATH ($TUBENOTES_VAULT, else a demo vault)
  tubenotes export [flags] PATH         one JSON object a note, in path order
  tubenotes stats [flags] PATH          counts of notes, channels, videos, timestamps, links, problems
  tubenotes search [flags] PATH QUERY   one hit a line; exit 1 when nothing matches
  tubenotes cache clear [PATH]          remove the cache of the vault at PATH (of every vault without PATH)
  tubenotes timeline [flags] PATH VIDEO every timestamp of a video's notes, by time
  tubenotes links [flags] PATH NOTE     the links into a note, and the notes naming it
  tubenotes show [flags] PATH NOTE      one note rendered as the browser shows it; plain text into a pipe
  tubenotes bookmarks [--json] PATH     the vault's bookmarks, one a line
  tubenotes config [--path]             edit the config file (created with every key explained)
  tubenotes --help | --version

Run "tubenotes COMMAND --help" for the flags of a command. The browser's flags:
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run dispatches to a subcommand and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "export":
			return runExport(args[1:], stdout, stderr)
		case "stats":
			return runStats(args[1:], stdout, stderr)
		case "search":
			return runSearch(args[1:], stdout, stderr)
		case "cache":
			return runCache(args[1:], stdout, stderr)
		case "timeline":
			return runTimeline(args[1:], stdout, stderr)
		case "links":
			return runLinks(args[1:], stdout, stderr)
		case "show":
			return runShow(args[1:], stdout, stderr)
		case "bookmarks":
			return runBookmarks(args[1:], stdout, stderr)
		case "config":
			return runConfig(args[1:], stdout, stderr)
		case "help", "-h", "-help", "--help":
			fmt.Fprint(stdout, usage)
			var bf browseFlags
			fl := bf.flagSet(stdout)
			fl.SetOutput(stdout)
			fl.PrintDefaults()
			return 0
		case "version", "-version", "--version":
			fmt.Fprintln(stdout, "tubenotes", version)
			return 0
		}
	}
	return runBrowse(args, stdout, stderr)
}
