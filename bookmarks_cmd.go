package main

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"tubenotes/ui/safe"
	"tubenotes/ui/state"
)

// bookmarkLine is one line of "bookmarks --json". Field names and nulls
// are part of the interface: seconds and raw are null without a timestamp.
type bookmarkLine struct {
	ID      string  `json:"id"`
	Note    string  `json:"note"`
	Line    int     `json:"line"`
	Seconds *int    `json:"seconds"`
	Raw     *string `json:"raw"`
	Name    string  `json:"name"`
	Created string  `json:"created"` // RFC 3339
}

// runBookmarks lists the bookmarks of the vault at PATH, oldest first. It
// only reads: an unusable state file is reported and left as it is.
func runBookmarks(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("bookmarks", "bookmarks [--json] PATH", stderr)
	asJSON := fl.Bool("json", false, "one JSON object a bookmark: id, note, line, seconds, raw, name, created")
	paths, err := parseArgs(fl, args)
	if err != nil {
		return 2
	}
	if len(paths) != 1 {
		fmt.Fprintln(stderr, "tubenotes bookmarks: give one PATH, the vault's folder")
		return 2
	}
	if _, err := vaultDir(paths[0]); err != nil {
		fmt.Fprintln(stderr, "tubenotes bookmarks:", err)
		return 2
	}
	store, err := state.Open(paths[0])
	if err == nil {
		var st *state.State
		if st, err = store.Read(); err == nil {
			err = printBookmarks(stdout, st.Bookmarks, *asJSON)
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "tubenotes bookmarks:", err)
		return 1
	}
	return 0
}

func printBookmarks(w io.Writer, bookmarks []state.Bookmark, asJSON bool) error {
	enc := newJSONEncoder(w) // names and paths may hold what a terminal obeys
	for _, b := range bookmarks {
		var err error
		if asJSON {
			line := bookmarkLine{ID: b.ID, Note: b.Note, Line: b.Line, Name: b.Name, Created: b.Created.UTC().Format(time.RFC3339)}
			if b.Seconds >= 0 {
				seconds, raw := b.Seconds, b.Raw
				line.Seconds, line.Raw = &seconds, &raw
			}
			err = enc.Encode(line)
		} else {
			at := "-"
			if b.Seconds >= 0 {
				at = safe.Line(b.Raw)
				if at == "" {
					at = strconv.Itoa(b.Seconds) + "s"
				}
			}
			_, err = fmt.Fprintf(w, "%s:%d\t%s\t%s\n", safe.Line(b.Note), b.Line, at, safe.Line(b.Name))
		}
		if err != nil {
			return err
		}
	}
	return nil
}
