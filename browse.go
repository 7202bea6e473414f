package main

import (
	"fmt"
	"io"
)

// runBrowse starts the terminal browser. Placeholder until the ui lands
// (owned by the shell helper, who replaces this file).
func runBrowse(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "tubenotes: the browser is not built yet")
	return 2
}
