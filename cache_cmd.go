package main

import (
	"fmt"
	"io"

	"tubenotes/loader/cache"
	"tubenotes/ui/safe"
)

const cacheUsage = `Usage: tubenotes cache clear [PATH]

Removes the cache of the vault at PATH, or with no PATH every vault's
cache. A vault's cache holds its parsed notes and search index, so that the
next start need not read and index every file; it is rebuilt on the next
start. The caches are in:
  %s
`

// runCache is "tubenotes cache clear [PATH]".
func runCache(args []string, stdout, stderr io.Writer) int {
	if len(args) == 1 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
		fmt.Fprintf(stdout, cacheUsage, cache.Dir())
		return 0
	}
	if len(args) == 0 || args[0] != "clear" || len(args) > 2 {
		fmt.Fprintln(stderr, "tubenotes cache: give clear, and a vault's PATH to clear only its cache (see tubenotes cache --help)")
		return 2
	}
	root, removedMsg, noneMsg := "", "removed every vault's cache", "no cache to remove in "+safe.Line(cache.Dir())
	if len(args) == 2 {
		root = args[1]
		removedMsg, noneMsg = "removed the cache of "+safe.Line(root), "no cache to remove for "+safe.Line(root)
	}
	removed, err := cache.Clear(root)
	switch {
	case err != nil:
		complain(stderr, "cache clear", err)
		return 1
	case removed:
		fmt.Fprintln(stdout, removedMsg)
	default:
		fmt.Fprintln(stdout, noneMsg)
	}
	return 0
}
