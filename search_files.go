package main

import (
	"bufio"
	"io"

	"tubenotes/model"
	"tubenotes/model/search"
	"tubenotes/ui/safe"
)

// searchFile is one line of search --files --json.
type searchFile struct {
	Path jsonText `json:"path"`
}

// printFiles answers search --files: each note with a hit once, by rank,
// as grep -l and rg -l list files; at most limit notes when limit is above
// 0. The index alone answers (a hit's note from the cache is a stand-in
// that knows its path), so no note is read.
func printFiles(hits []search.Hit, asJSON bool, limit int, stdout io.Writer) error {
	w := bufio.NewWriterSize(stdout, 1<<16)
	enc := newJSONEncoder(w)
	for _, n := range hitNotes(hits, limit) {
		var err error
		if asJSON {
			err = enc.Encode(searchFile{Path: jsonText(n.Path)})
		} else {
			_, err = io.WriteString(w, safe.Line(n.Path)+"\n")
		}
		if err != nil {
			return err
		}
	}
	return w.Flush()
}

// hitNotes are the notes of hits, each once, in the hits' order; at most
// limit of them when limit is above 0.
func hitNotes(hits []search.Hit, limit int) []*model.Note {
	seen := make(map[*model.Note]bool)
	var notes []*model.Note
	for _, h := range hits {
		if seen[h.Note] {
			continue
		}
		if limit > 0 && len(notes) == limit {
			break
		}
		seen[h.Note] = true
		notes = append(notes, h.Note)
	}
	return notes
}
