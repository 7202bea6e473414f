package loader

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"tubenotes/model"
)

// Refresh is v with the files at paths read again: the paths a watcher
// reported, files or folders, slash-separated and relative to the root of
// fsys. See Reread.
func Refresh(fsys fs.FS, v *model.Vault, paths []string, opts Options) *model.Vault {
	return v.Apply(Reread(fsys, v, paths, opts))
}

// Reread reads the files at paths again, as Load would have, into the
// changes that bring v up to date: a path that is gone takes its note and
// every note under it out; a folder is walked for notes, and notes of v
// under it that it no longer holds go; a note is parsed. Hidden paths and
// files other than notes change nothing. Files are read in parallel.
func Reread(fsys fs.FS, v *model.Vault, paths []string, opts Options) []model.Change {
	var w walked
	var changes []model.Change
	under := func(p string) []*model.Note {
		if p == "." {
			return v.Notes
		}
		return v.NotesUnder(p)
	}
	gone := func(p string) {
		changes = append(changes, model.Change{Path: p})
		for _, n := range under(p) {
			changes = append(changes, model.Change{Path: n.Path})
		}
	}
	for _, p := range paths {
		p = path.Clean(p)
		if !fs.ValidPath(p) || hidden(p) {
			continue
		}
		info, err := fs.Lstat(fsys, p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			gone(p)
		case err != nil:
			gone(p)
			if strings.HasSuffix(p, ".md") {
				w.problem(p, "unreadable: "+errorText(err))
			}
		case info.IsDir():
			sub, err := walkFrom(fsys, p)
			if err != nil {
				gone(p)
				continue
			}
			w.files = append(w.files, sub.files...)
			w.problems = append(w.problems, sub.problems...)
			found := make(map[string]bool, len(sub.files))
			for _, f := range sub.files {
				found[f] = true
			}
			for _, n := range under(p) {
				if !found[n.Path] {
					changes = append(changes, model.Change{Path: n.Path})
				}
			}
			if v.Note(p) != nil { // a note replaced by a folder of its name
				w.problem(p, "is a directory, not a note")
			}
		default:
			before := len(w.files)
			w.add(fsys, p, info.Mode().Type())
			if len(w.files) == before && v.Note(p) != nil {
				gone(p) // no longer a note
			}
		}
	}
	for _, p := range w.problems {
		changes = append(changes, model.Change{Path: p.Path, Problems: []model.Problem{p}})
	}
	slices.Sort(w.files)
	w.files = slices.Compact(w.files)
	results := make([]result, len(w.files))
	scratches := make([]scratch, workers(len(w.files)))
	for i := range scratches {
		scratches[i].oneNote = true // exact copies: no blocks kept alive by one note
	}
	forEachFile(fsys, w.files, nil, func(worker, i int, data []byte, err error) {
		results[i] = parseFile(w.files[i], data, err, opts.Timestamps, &scratches[worker])
	})
	for i, r := range results {
		changes = append(changes, model.Change{Path: w.files[i], Note: r.note, Page: r.page, Problems: r.problems})
	}
	return changes
}

// hidden reports whether a part of p starts with a dot: Load skips those.
func hidden(p string) bool {
	for part := range strings.SplitSeq(p, "/") {
		if strings.HasPrefix(part, ".") && part != "." {
			return true
		}
	}
	return false
}
