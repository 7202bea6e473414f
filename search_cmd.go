package main

import (
	"fmt"
	"io"
)

// runSearch is the search subcommand. Placeholder until search lands (owned
// by the search helper, who replaces this file).
func runSearch(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "tubenotes: search is not built yet")
	return 2
}
