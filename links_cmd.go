package main

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

	"tubenotes/model/links"
	"tubenotes/model/search"
	"tubenotes/ui/safe"
)

const linksSynopsis = `links [--json] [--limit N] [--timestamps auto|hms|ms] PATH NOTE

The notes pointing at NOTE (its path in the vault, or a wikilink target):
"Linked from", every wikilink that resolves to it with its line, then
"Mentioned in", lines of notes that name its title in plain text (whole
words, case and accents ignored) without linking it, best ranked first.
Exit status: 0, 1 when the vault has no such note, 2 on a bad PATH or flag.`

// linkRow is one line of --json output. Field names are part of the
// command's contract.
type linkRow struct {
	Kind links.Kind `json:"kind"` // link or mention
	Path string     `json:"path"`
	Line int        `json:"line"`
	Text string     `json:"text"`
}

func runLinks(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("links", linksSynopsis, stderr)
	var lf loadFlags
	lf.register(fl)
	asJSON := fl.Bool("json", false, "JSON Lines, one mention a line: kind (link or mention), path, line, text")
	limit := fl.Int("limit", 50, "list at most N plain-text mentions")
	v, rest, _, ok := loadVaultArgs("links", fl, &lf, args, []string{"NOTE"}, stderr)
	if !ok {
		return 2
	}
	if *limit < 0 {
		fmt.Fprintf(stderr, "tubenotes links: --limit %d: want a whole number, 0 for no mentions\n", *limit)
		return 2
	}
	n := noteArg(v, rest[0])
	if n == nil {
		fmt.Fprintf(stderr, "tubenotes links: %s: no note at that path or of that name\n", safe.Line(strconv.Quote(rest[0])))
		return 1
	}
	linked := links.Backlinks(v, n)
	mentioned := links.MentionsOf(search.Build(v.Notes), v, n, *limit)
	w := bufio.NewWriterSize(stdout, 1<<16)
	var err error
	if *asJSON {
		enc := newJSONEncoder(w)
		for _, m := range append(linked, mentioned...) {
			if err = enc.Encode(linkRow{Kind: m.Kind, Path: m.Note.Path, Line: m.Line, Text: m.Text}); err != nil {
				break
			}
		}
	} else {
		writeMentions(w, "Linked from", linked)
		fmt.Fprintln(w)
		writeMentions(w, "Mentioned in", mentioned)
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		fmt.Fprintln(stderr, "tubenotes links:", err)
		return 2
	}
	return 0
}

// writeMentions prints a heading with the count, then "path:line: title ›
// text" a mention, cleaned for a terminal.
func writeMentions(w io.Writer, heading string, ms []links.Mention) {
	fmt.Fprintf(w, "%s (%d)\n", heading, len(ms))
	for _, m := range ms {
		fmt.Fprintf(w, "  %s:%d: %s › %s\n", safe.Line(m.Note.Path), m.Line, safe.Line(m.Note.Title), safe.Line(m.Text))
	}
}
