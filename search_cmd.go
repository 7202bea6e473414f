package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strconv"
	"strings"

	"tubenotes/loader"
	"tubenotes/loader/cache"
	"tubenotes/model/cores"
	"tubenotes/model/search"
	"tubenotes/ui/safe"
)

const searchUsage = `Usage: tubenotes search [flags] PATH QUERY

Searches every note of the vault at PATH and prints one hit a line:
  path:line: channel › title › section: snippet
Exit status: 0 with hits, 1 with none, 2 on a bad PATH, flag or QUERY.

QUERY (quote it for the shell; words after PATH are joined):
  word          notes holding every word; a word also finds longer words it begins
  "a phrase"    these words in order, also across a line break (each word, as
                a bare word does, also finds longer words it begins)
  -word         leave out notes holding it
  channel:name  only notes of a channel whose name contains name
  title:word    only notes whose title holds the word
Case and accents are ignored ("cafe" finds "café", "istanbul" finds "İstanbul").
A query holds at most 24 words, phrases and filters, and 256 words in all.

Flags:
  --json             JSON Lines: path, line, title, channel, section, snippet,
                     seconds and url of the hit's moment: the first timestamp
                     after the match in its paragraph, else the last before it
                     in its section (null if none)
  --files, -l        print each note with a hit once, its path alone (with
                     --json: {"path": …}), best ranked first; no snippets, so
                     no note is read
  --limit N          print at most N hits (the best ranked); with --files, N notes
  --timestamps MODE  how to read three-part timestamps: auto, hms or ms
  --no-cache         read every file, and neither read nor write the cache
`

// searchHit is one line of --json output. Field names and nulls are part of
// the command's contract.
type searchHit struct {
	Path    jsonText  `json:"path"`
	Line    int       `json:"line"`
	Title   jsonText  `json:"title"`
	Channel jsonText  `json:"channel"`
	Section jsonText  `json:"section"`
	Snippet jsonText  `json:"snippet"`
	Seconds *int      `json:"seconds"`
	URL     *jsonText `json:"url"`
}

// snippetWidth is how many runes of a hit's line a snippet keeps.
const snippetWidth = 160

type searchArgs struct {
	json       bool
	files      bool
	limit      int
	timestamps string
	noCache    bool
	help       bool
	positional []string
}

// parseSearchArgs reads flags anywhere among the positionals ("--json";
// "-json" before PATH only). Unlike the flag package it leaves "-word"
// alone: that is a query's exclusion.
func parseSearchArgs(args []string) (searchArgs, error) {
	sa := searchArgs{timestamps: "auto"}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			sa.positional = append(sa.positional, args[i+1:]...)
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		dashes := len(a) - len(strings.TrimLeft(a, "-"))
		// After PATH, "-word" is the query's, even "-json": the usage
		// promises it leaves out notes (help aside).
		oneDashWord := dashes == 1 && len(sa.positional) > 0 && name != "h" && name != "help"
		if dashes == 0 || dashes > 2 || oneDashWord {
			sa.positional = append(sa.positional, a)
			continue
		}
		needValue := func() (string, error) {
			if hasValue {
				return value, nil
			}
			if i+1 >= len(args) {
				return "", fmt.Errorf("flag --%s needs a value", name)
			}
			i++
			return args[i], nil
		}
		switch name {
		case "json":
			if hasValue {
				return sa, fmt.Errorf("flag --json takes no value")
			}
			sa.json = true
		case "files", "l":
			if hasValue {
				return sa, fmt.Errorf("flag --files takes no value")
			}
			sa.files = true
		case "limit":
			v, err := needValue()
			if err != nil {
				return sa, err
			}
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				return sa, fmt.Errorf("--limit %q: want a whole number, 0 for no limit", v)
			}
			sa.limit = n
		case "timestamps":
			v, err := needValue()
			if err != nil {
				return sa, err
			}
			sa.timestamps = v
		case "no-cache":
			if hasValue {
				return sa, fmt.Errorf("flag --no-cache takes no value")
			}
			sa.noCache = true
		case "h", "help":
			sa.help = true
		default:
			if dashes == 2 {
				return sa, fmt.Errorf("unknown flag %s", a)
			}
			sa.positional = append(sa.positional, a) // "-word" excludes a word
		}
	}
	return sa, nil
}

func runSearch(args []string, stdout, stderr io.Writer) int {
	sa, err := parseSearchArgs(args)
	if err != nil {
		complain(stderr, "search", err)
		return 2
	}
	if sa.help {
		fmt.Fprint(stdout, searchUsage)
		return 0
	}
	if len(sa.positional) < 2 {
		fmt.Fprintln(stderr, "tubenotes search: give PATH and QUERY (see tubenotes search --help)")
		return 2
	}
	q, err := search.Parse(strings.Join(sa.positional[1:], " "))
	if err != nil {
		complain(stderr, "search", fmt.Errorf("query: %w", err))
		return 2
	}
	if q.Empty() {
		fmt.Fprintln(stderr, "tubenotes search: the query has no words to look for")
		return 2
	}
	lf := loadFlags{timestamps: sa.timestamps}
	opts, err := lf.options()
	if err != nil {
		complain(stderr, "search", err)
		return 2
	}
	var res search.Result
	var lk *cache.Lookup
	if !sa.noCache {
		lk, res = searchCache(sa.positional[0], opts, q)
	}
	var lv *loadedVault
	var ix *search.Index
	loadAndSearch := func() error {
		var err error
		if lv, err = openVault(sa.positional[0], opts, !sa.noCache); err != nil {
			return err
		}
		ix = lv.index()
		res = ix.Search(q)
		if ix.Err() != nil {
			// A block of the cache's index is damaged (the cache is gone,
			// to be rebuilt): the answer comes from an index built now.
			fmt.Fprintln(stderr, "tubenotes search: the cache's index is damaged; searched without it")
			ix = search.Build(lv.vault.Notes)
			res = ix.Search(q)
		}
		return nil
	}
	var read func(batch []search.Hit) error
	switch {
	case lk == nil:
		if err := loadAndSearch(); err != nil {
			complain(stderr, "search", err)
			return 2
		}
	case !sa.files: // --files reads no note
		lk.Expect(shown(res.Hits, sa.limit))
		read = func(batch []search.Hit) error { return readNotes(lk, batch) }
	}
	if sa.files {
		err = printFiles(res.Hits, sa.json, sa.limit, stdout)
	} else {
		err = printHitLines(shown(res.Hits, sa.limit), q, sa.json, read, stdout, func() ([]search.Hit, error) {
			err := loadAndSearch()
			return shown(res.Hits, sa.limit), err
		})
	}
	if lv != nil {
		lv.saveCache(ix, "search", stderr)
	}
	if err != nil {
		complain(stderr, "search", err)
		return 2
	}
	if len(res.Hits) == 0 {
		return 1
	}
	return 0
}

// printHitLines writes one line a hit (printHits), as text or JSON Lines.
func printHitLines(hits []search.Hit, q *search.Query, asJSON bool, read func([]search.Hit) error, stdout io.Writer, reload func() ([]search.Hit, error)) error {
	w := bufio.NewWriterSize(stdout, 1<<16)
	enc := newJSONEncoder(w)
	write := func(out searchHit) error {
		if asJSON {
			return enc.Encode(out)
		}
		_, err := io.WriteString(w, hitLine(out))
		return err
	}
	err := printHits(hits, q, read, write, reload)
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	return err
}

// shown is the hits printed: the first limit, all with limit 0.
func shown(hits []search.Hit, limit int) []search.Hit {
	if limit > 0 && len(hits) > limit {
		return hits[:limit]
	}
	return hits
}

// searchCache answers q from the cache of the vault at dir, when it holds
// the vault as it is: the stat walk, the index's head and the postings of
// q's words are read; the notes of the hits shown are read as they are
// printed (readNotes). lk is nil when the cache can't answer (none,
// stale, damaged): the vault is then loaded.
func searchCache(dir string, opts loader.Options, q *search.Query) (lk *cache.Lookup, res search.Result) {
	fsys, err := vaultDir(dir)
	if err != nil {
		return nil, res
	}
	// What a lookup allocates is bounded by the cache and the query (the
	// file list, the index's head, the postings of the query's words) and
	// short-lived: no collection runs until the hits are described
	// (collecting at the default pace cost a fifth of the search, at 400%
	// still 4%).
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	lk, err = cache.OpenLookup(dir, fsys, opts)
	if err != nil {
		return nil, res
	}
	res = lk.Index.Search(q)
	if lk.Index.Err() != nil {
		return nil, res
	}
	return lk, res
}

// errNotesUnread is a hit's note the cache can't give: damaged, or its
// file changed since the lookup checked the vault.
var errNotesUnread = errors.New("a note of the cache can't be read")

// readNotes puts in place of each hit's stand-in (the index's note that
// knows only its path) the note itself, read from the cache on every core.
func readNotes(lk *cache.Lookup, hits []search.Hit) error {
	errs := make([]error, len(hits))
	cores.Each(len(hits), func(i int) { hits[i].Note, errs[i] = lk.Note(hits[i].Note) })
	if errors.Join(errs...) != nil {
		return errNotesUnread
	}
	return nil
}

// describeBatch is how many hits are described at once, on every core: a
// search that finds thousands prints the first before describing the last,
// and holds no more than a batch.
const describeBatch = 256

// printHits writes the hits (describeHits). When a note of the cache
// can't be read (damaged, or changed since the search began), the rest of
// the answer comes from reload, the vault loaded and searched again: the
// same hits for the same files, so it goes on from the first hit not
// written (a vault written meanwhile may have moved its hits).
func printHits(hits []search.Hit, q *search.Query, read func([]search.Hit) error, write func(searchHit) error, reload func() ([]search.Hit, error)) error {
	written, err := describeHits(hits, q, read, write)
	if errors.Is(err, errNotesUnread) {
		if hits, err = reload(); err == nil {
			_, err = describeHits(hits[min(written, len(hits)):], q, nil, write)
		}
	}
	return err
}

// describeHits describes each hit (describeHit) on every core, a batch at
// a time, and hands them to write in order, until write fails. With read,
// a batch's notes are read first (readNotes), and a note that can't be
// read ends it with errNotesUnread; written is how many hits were
// written. Each hit's note is dropped once the hit is written: a note
// read from the cache keeps its text once read, and a search that prints
// every note of a vault would otherwise hold the whole vault, fields and
// text, to the end.
func describeHits(hits []search.Hit, q *search.Query, read func([]search.Hit) error, write func(searchHit) error) (written int, err error) {
	outs := make([]searchHit, min(len(hits), describeBatch))
	for start := 0; start < len(hits); start += describeBatch {
		batch := hits[start:min(start+describeBatch, len(hits))]
		if read != nil {
			if err := read(batch); err != nil {
				return written, err
			}
		}
		cores.Each(len(batch), func(i int) { outs[i] = describeHit(batch[i], q) })
		for i, out := range outs[:len(batch)] {
			if err := write(out); err != nil {
				return written, err
			}
			batch[i].Note = nil
			written++
		}
	}
	return written, nil
}

// describeHit gathers what a hit shows, exactly as the vault has it: JSON
// escapes it (jsonText), and the text output cleans it (hitLine).
func describeHit(h search.Hit, q *search.Query) searchHit {
	n := h.Note
	out := searchHit{
		Path:    jsonText(n.Path),
		Line:    h.Line,
		Title:   jsonText(n.Title),
		Channel: jsonText(n.Channel),
	}
	if i := n.SectionAt(h.Line); i >= 0 {
		out.Section = jsonText(search.Plain(n.Sections[i].Title))
	}
	snippet, _ := search.Snippet(n, h.Line, q, snippetWidth)
	out.Snippet = jsonText(snippet)
	if ts := search.Moment(n, h.Line, q); ts >= 0 {
		seconds, url := int(n.Timestamps[ts].Seconds), jsonText(n.TimestampURL(ts))
		out.Seconds, out.URL = &seconds, &url
	}
	return out
}

// hitLine is a hit as the text output prints it, every string cleaned for
// a terminal: "path:line: channel › title › section: snippet".
func hitLine(h searchHit) string {
	parts := make([]string, 0, 3)
	for _, p := range []jsonText{h.Channel, h.Title, h.Section} {
		if p != "" {
			parts = append(parts, safe.Line(string(p)))
		}
	}
	return fmt.Sprintf("%s:%d: %s: %s\n", safe.Line(string(h.Path)), h.Line, strings.Join(parts, " › "), safe.Line(string(h.Snippet)))
}
