package loader

import (
	"errors"
	"io/fs"
	"strings"

	"tubenotes/model"
)

// walked is the list of note files of a vault, and what was wrong on the way.
type walked struct {
	files    []string
	problems []model.Problem
}

// walk lists every .md file of fsys in path order. Hidden files and folders
// are skipped silently; symbolic links to directories are not followed
// (so a link loop can't trap the walk); anything else odd is a problem.
func walk(fsys fs.FS) (walked, error) {
	var w walked
	info, err := fs.Stat(fsys, ".")
	if err != nil {
		return w, rootError(err)
	}
	if !info.IsDir() {
		return w, rootError(&fs.PathError{Op: "read", Path: ".", Err: errNotDir})
	}
	return walkFrom(fsys, ".")
}

// walkFrom lists the .md files of the folder root of fsys and under it, as
// walk does.
func walkFrom(fsys fs.FS, root string) (walked, error) {
	var w walked
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if p == root {
			return err
		}
		if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if err != nil {
			w.problem(p, "unreadable: "+errorText(err))
			return nil
		}
		if d.IsDir() {
			if strings.HasSuffix(p, ".md") {
				w.problem(p, "is a directory, not a note")
			}
			return nil
		}
		w.add(fsys, p, d.Type())
		return nil
	})
	if err != nil {
		return w, rootError(err)
	}
	return w, nil
}

// add lists the file p, of type t (not a directory), when it is a note.
func (w *walked) add(fsys fs.FS, p string, t fs.FileMode) {
	isNote := strings.HasSuffix(p, ".md")
	switch {
	case t&fs.ModeSymlink != 0:
		target, err := fs.Stat(fsys, p)
		switch {
		case err != nil && (isNote || !errors.Is(err, fs.ErrNotExist)):
			// A loop is worth a word whatever its name; a dangling link
			// only when it names a note.
			w.problem(p, "unreadable symbolic link: "+errorText(err))
		case err != nil:
		case target.IsDir():
			w.problem(p, "symbolic link to a directory: not followed")
		case isNote && target.Mode().IsRegular():
			w.files = append(w.files, p)
		case isNote:
			w.problem(p, "not a regular file: skipped")
		}
	case !isNote:
	case t.IsRegular():
		w.files = append(w.files, p)
	default:
		w.problem(p, "not a regular file: skipped")
	}
}

func (w *walked) problem(p, msg string) {
	w.problems = append(w.problems, model.Problem{Path: p, Message: msg})
}

var errNotDir = errors.New("not a directory")
