package main

import (
	"fmt"
	"io"

	"tubenotes/model"
	"tubenotes/ui/safe"
)

// printProblems writes one "path: message" line a problem. Paths come from
// the vault, so they are cleaned before they reach a terminal.
func printProblems(w io.Writer, problems []model.Problem) {
	for _, p := range problems {
		fmt.Fprintf(w, "%s: %s\n", safe.Line(p.Path), safe.Line(p.Message))
	}
}
