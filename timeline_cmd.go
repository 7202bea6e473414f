package main

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"tubenotes/model/timeline"
	"tubenotes/ui/common"
	"tubenotes/ui/safe"
)

const timelineSynopsis = `timeline [--json] [--timestamps auto|hms|ms] PATH VIDEO

Every timestamp of every note made from VIDEO (a video id, or the path of
one of its notes), by time: "clock  section · note — the sentence it closes".
Timestamps at the same second are grouped under one clock; invalid and
doubtful ones are listed apart at the end. The header gives the video's
title, channel, number of notes, the span the notes cover and the gaps of
more than 5 minutes no note covers.
Exit status: 0, 1 when the vault has no such video or note, 2 on a bad PATH
or flag.`

// timelineRow is one line of --json output. Field names and nulls are part
// of the command's contract.
type timelineRow struct {
	Seconds  *int    `json:"seconds"` // null when invalid
	URL      *string `json:"url"`     // null when invalid or the id can't make one
	Path     string  `json:"path"`
	Line     int     `json:"line"`
	Section  string  `json:"section"`
	Text     string  `json:"text"`
	Doubtful bool    `json:"doubtful"`
}

func runTimeline(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("timeline", timelineSynopsis, stderr)
	var lf loadFlags
	lf.register(fl)
	asJSON := fl.Bool("json", false, "JSON Lines, one row a line: seconds, url, path, line, section, text, doubtful")
	v, rest, _, ok := loadVaultArgs("timeline", fl, &lf, args, []string{"VIDEO"}, stderr)
	if !ok {
		return 2
	}
	id := videoArg(v, rest[0])
	if id == "" {
		fmt.Fprintf(stderr, "tubenotes timeline: %s: no video of that id, and no note made from a video at that path\n", safe.Line(strconv.Quote(rest[0])))
		return 1
	}
	tl := timeline.Of(v, id)
	w := bufio.NewWriterSize(stdout, 1<<16)
	var err error
	if *asJSON {
		err = writeTimelineJSON(w, tl)
	} else {
		writeTimeline(w, tl)
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		fmt.Fprintln(stderr, "tubenotes timeline:", err)
		return 2
	}
	return 0
}

func writeTimelineJSON(w io.Writer, tl *timeline.Timeline) error {
	enc := newJSONEncoder(w)
	rows := make([]timeline.Row, 0, len(tl.Apart)+len(tl.Groups))
	for _, g := range tl.Groups {
		rows = append(rows, g.Rows...)
	}
	rows = append(rows, tl.Apart...)
	for _, r := range rows {
		out := timelineRow{Path: r.Note.Path, Line: r.Line, Section: r.Section, Text: r.Text, Doubtful: r.Doubtful}
		if r.Seconds >= 0 {
			seconds := r.Seconds
			out.Seconds = &seconds
		}
		if r.URL != "" {
			url := r.URL
			out.URL = &url
		}
		if err := enc.Encode(out); err != nil {
			return err
		}
	}
	return nil
}

// writeTimeline prints the header, then a line a row, every string from
// the vault cleaned for a terminal.
func writeTimeline(w io.Writer, tl *timeline.Timeline) {
	title := tl.Title
	if title == "" {
		title = "video " + tl.ID
	}
	fmt.Fprintln(w, safe.Line(title))
	head := []string{safe.Line(tl.Channel), tl.ID, common.Plural(len(tl.Notes), "note", "notes")}
	if len(tl.Groups) > 0 {
		head = append(head, common.Clock(tl.Start)+"–"+common.Clock(tl.End))
	}
	fmt.Fprintln(w, strings.Join(nonEmpty(head), " · "))
	if len(tl.Gaps) > 0 {
		gaps := make([]string, len(tl.Gaps))
		for i, g := range tl.Gaps {
			gaps[i] = common.Clock(g.From) + "–" + common.Clock(g.To)
		}
		fmt.Fprintln(w, "gaps over 5 minutes: "+strings.Join(gaps, ", "))
	}
	width := 0
	for _, g := range tl.Groups {
		width = max(width, len(common.Clock(g.Seconds)))
	}
	for _, g := range tl.Groups {
		for i, r := range g.Rows {
			clock := ""
			if i == 0 {
				clock = common.Clock(g.Seconds)
			}
			fmt.Fprintf(w, "%*s  %s\n", width, clock, rowText(r))
		}
	}
	if len(tl.Apart) == 0 {
		return
	}
	fmt.Fprintln(w, "\ninvalid or doubtful:")
	clocks := make([]string, len(tl.Apart))
	width = 0
	for i, r := range tl.Apart {
		clocks[i] = safe.Line(r.Note.Timestamps[r.Index].Raw) + " (invalid)"
		if r.Seconds >= 0 {
			clocks[i] = common.Clock(r.Seconds) + "?"
		}
		width = max(width, utf8.RuneCountInString(clocks[i]))
	}
	for i, r := range tl.Apart {
		fmt.Fprintf(w, "%-*s  %s\n", width, clocks[i], rowText(r))
	}
}

// rowText is "section · note — text", without the parts a row lacks.
func rowText(r timeline.Row) string {
	where := strings.Join(nonEmpty([]string{safe.Line(r.Section), safe.Line(r.Note.Title)}), " · ")
	if r.Text == "" {
		return where
	}
	return where + " — " + safe.Line(r.Text)
}

func nonEmpty(parts []string) []string {
	out := parts[:0:0]
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}
