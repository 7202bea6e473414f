package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"tubenotes/model"
)

// The export format: one exportNote a line. Field names and nulls are part
// of the command's contract; see the README.
type exportNote struct {
	Path       string            `json:"path"`
	Channel    string            `json:"channel"`
	Title      string            `json:"title"`
	VideoID    string            `json:"videoId"`
	Sections   []exportSection   `json:"sections"`
	Timestamps []exportTimestamp `json:"timestamps"`
	Links      []exportLink      `json:"links"`
}

type exportSection struct {
	Title string `json:"title"`
	Level int    `json:"level"`
	Line  int    `json:"line"`
}

type exportTimestamp struct {
	Raw     string  `json:"raw"`
	Seconds *int    `json:"seconds"`
	Line    int     `json:"line"`
	Section int     `json:"section"`
	URL     *string `json:"url"`
	// Doubtful: valid, but implausible beside the note's other times.
	Doubtful bool `json:"doubtful"`
}

type exportLink struct {
	Target   string  `json:"target"`
	Label    string  `json:"label"`
	Line     int     `json:"line"`
	Resolved *string `json:"resolved"`
}

func runExport(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("export", "export [--timestamps auto|hms|ms] PATH", stderr)
	var lf loadFlags
	lf.register(fl)
	v, _, ok := loadVaultArg("export", fl, &lf, args, stderr)
	if !ok {
		return 2
	}
	printProblems(stderr, v.Problems)
	w := bufio.NewWriterSize(stdout, 1<<16)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, n := range v.Notes {
		if err := enc.Encode(toExport(n)); err != nil {
			fmt.Fprintln(stderr, "tubenotes export:", err)
			return 1
		}
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(stderr, "tubenotes export:", err)
		return 1
	}
	return 0
}

func toExport(n *model.Note) exportNote {
	e := exportNote{
		Path:       n.Path,
		Channel:    n.Channel,
		Title:      n.Title,
		VideoID:    n.VideoID,
		Sections:   make([]exportSection, len(n.Sections)),
		Timestamps: make([]exportTimestamp, len(n.Timestamps)),
		Links:      make([]exportLink, len(n.Links)),
	}
	for i, s := range n.Sections {
		e.Sections[i] = exportSection{Title: s.Title, Level: s.Level, Line: s.Line}
	}
	for i, ts := range n.Timestamps {
		et := exportTimestamp{Raw: ts.Raw, Line: int(ts.Line), Section: int(ts.Section), Doubtful: ts.Doubtful}
		if ts.Valid {
			seconds := int(ts.Seconds)
			et.Seconds = &seconds
		}
		if url := n.TimestampURL(i); url != "" {
			et.URL = &url
		}
		e.Timestamps[i] = et
	}
	for i, l := range n.Links {
		el := exportLink{Target: l.Target, Label: l.Label, Line: l.Line}
		if l.Resolved != "" {
			resolved := l.Resolved
			el.Resolved = &resolved
		}
		e.Links[i] = el
	}
	return e
}
