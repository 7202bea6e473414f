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
	Path       jsonText          `json:"path"`
	Channel    jsonText          `json:"channel"`
	Title      jsonText          `json:"title"`
	VideoID    jsonText          `json:"videoId"`
	Sections   []exportSection   `json:"sections"`
	Timestamps []exportTimestamp `json:"timestamps"`
	Links      []exportLink      `json:"links"`
}

type exportSection struct {
	Title jsonText `json:"title"`
	Level int      `json:"level"`
	Line  int      `json:"line"`
}

type exportTimestamp struct {
	Raw     jsonText  `json:"raw"`
	Seconds *int      `json:"seconds"`
	Line    int       `json:"line"`
	Section int       `json:"section"`
	URL     *jsonText `json:"url"`
	// Doubtful: valid, but implausible beside the note's other times.
	Doubtful bool `json:"doubtful"`
}

type exportLink struct {
	Target   jsonText  `json:"target"`
	Label    jsonText  `json:"label"`
	Line     int       `json:"line"`
	Resolved *jsonText `json:"resolved"`
}

func runExport(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("export", "export [--timestamps auto|hms|ms] [--no-cache] PATH", stderr)
	var lf loadFlags
	lf.register(fl)
	lv, ok := loadVaultArg("export", fl, &lf, args, stderr)
	if !ok {
		return 2
	}
	v := lv.vault
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
	lv.saveCache(nil, "export", stderr)
	return 0
}

func toExport(n *model.Note) exportNote {
	e := exportNote{
		Path:       jsonText(n.Path),
		Channel:    jsonText(n.Channel),
		Title:      jsonText(n.Title),
		VideoID:    jsonText(n.VideoID),
		Sections:   make([]exportSection, len(n.Sections)),
		Timestamps: make([]exportTimestamp, len(n.Timestamps)),
		Links:      make([]exportLink, len(n.Links)),
	}
	for i, s := range n.Sections {
		e.Sections[i] = exportSection{Title: jsonText(s.Title), Level: s.Level, Line: s.Line}
	}
	for i, ts := range n.Timestamps {
		et := exportTimestamp{Raw: jsonText(ts.Raw), Line: int(ts.Line), Section: int(ts.Section), Doubtful: ts.Doubtful}
		if ts.Valid {
			seconds := int(ts.Seconds)
			et.Seconds = &seconds
		}
		if url := jsonText(n.TimestampURL(i)); url != "" {
			et.URL = &url
		}
		e.Timestamps[i] = et
	}
	for i, l := range n.Links {
		el := exportLink{Target: jsonText(l.Target), Label: jsonText(l.Label), Line: l.Line}
		if l.Resolved != "" {
			resolved := jsonText(l.Resolved)
			el.Resolved = &resolved
		}
		e.Links[i] = el
	}
	return e
}
