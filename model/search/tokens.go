// Package search is the full-text index and query engine of a vault: it
// keeps only what a reader sees (no markup), folds it into words (model/fold:
// case, accents, Turkish i), and answers queries with ranked line hits. It
// does no I/O.
package search

import "tubenotes/model/fold"

// Tokens are the folded words of s, in order.
func Tokens(s string) []string {
	var out []string
	for i := 0; ; {
		a, b := fold.NextWord(s, i)
		if a < 0 {
			return out
		}
		if f := fold.String(s[a:b]); f != "" {
			out = append(out, f)
		}
		i = b
	}
}
