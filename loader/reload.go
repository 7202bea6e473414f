package loader

import (
	"io/fs"
	"slices"
	"strings"
	"sync"

	"tubenotes/model"
)

// Stamp is what a file's metadata says of its content: a file whose stamp
// is unchanged is taken to hold the same bytes.
type Stamp struct {
	Size    int64
	ModTime int64 // nanoseconds since 1970
	// Change is the inode's change time (ctime), in nanoseconds, where the
	// file system gives it (0 elsewhere). A write moves it, as does what the
	// modification time misses: that time set back (touch -r, a copy that
	// keeps times), a chmod, a write through another hard link.
	Change int64
}

// Known is what an earlier load made of a file with a given stamp.
type Known struct {
	Stamp    Stamp
	Note     *model.Note // nil for a file that gave no note (a binary file)
	Problems []model.Problem
}

// Reloaded is a vault loaded with the help of an earlier load.
type Reloaded struct {
	Vault *model.Vault
	// Files are the vault's note files in path order, each with its stamp
	// and what it gave, to keep for the next load.
	Files []File
	// Parsed counts the files read and parsed, the rest being reused.
	Parsed int
	// Unchanged is true when every file was reused and no file came or
	// went: the vault is exactly the earlier one.
	Unchanged bool
}

// File is one note file of a load.
type File struct {
	Path string
	Known
}

// Reload loads fsys like Load, but first stats every note file (in
// parallel) and reuses what known holds for a path whose stamp is the
// same, reading and parsing only the files that changed or came. known is
// called once, after the walk (so that it may work meanwhile), and must
// give notes of their own, not shared with another vault: their links are
// resolved again when files came or went. A file whose stamp can't be read
// is read again.
func Reload(fsys fs.FS, opts Options, knownFiles func() map[string]Known) (Reloaded, error) {
	w, files, err := stamped(fsys)
	if err != nil {
		return Reloaded{}, err
	}
	known := knownFiles()
	var todo []int // files to read
	for i, f := range files {
		k, ok := known[f.Path]
		if ok && f.Stamp != (Stamp{}) && k.Stamp == f.Stamp {
			files[i].Known = k
		} else {
			todo = append(todo, i)
		}
	}
	sameFiles := len(known) == len(files) && len(todo) == 0

	names := model.NewNames(w.files)
	paths := make([]string, len(todo))
	for j, i := range todo {
		paths[j] = files[i].Path
	}
	scratches := make([]scratch, workers(len(paths)))
	forEachFile(fsys, paths, opts.Progress, func(worker, j int, data []byte, err error) {
		r := parseFile(paths[j], data, err, opts.Timestamps, &scratches[worker])
		f := &files[todo[j]]
		f.Note, f.Problems = r.note, r.problems
		if err != nil {
			f.Stamp = Stamp{} // never taken for known
		}
		if r.note != nil {
			for k := range r.note.Links {
				r.note.Links[k].Resolved = names.Resolve(r.note.Path, r.note.Links[k].Target)
			}
		}
	})

	notes := make([]*model.Note, 0, len(files))
	var pages []model.ChannelPage
	problems := w.problems
	for _, f := range files {
		problems = append(problems, f.Problems...)
		if f.Note == nil {
			continue
		}
		notes = append(notes, f.Note)
		if isChannelPage(f.Path) {
			pages = append(pages, parseChannelPage(f.Note))
		}
	}
	var v *model.Vault
	if len(known) == len(files) && allKnown(known, w.files) {
		v = model.NewResolvedVault(names, notes, pages, problems)
	} else { // files came or went: a reused note's links may now resolve elsewhere
		v = model.NewVault(notes, pages, problems)
	}
	return Reloaded{Vault: v, Files: files, Parsed: len(todo), Unchanged: sameFiles}, nil
}

// Stamped lists the note files of fsys, in no particular order, each with
// its path and stamp only (see Reload): what a cache of the vault is
// checked against. The files are those Reload lists, with the same stamps.
func Stamped(fsys fs.FS) ([]File, error) {
	if files, _, ok := statWalk(fsys); ok {
		return files, nil
	}
	_, files, err := walkStamped(fsys)
	return files, err
}

// stamped walks fsys and stamps its note files, in path order: with the
// fast walk when it met nothing to report, else with walk (which says
// what is wrong) and a stat of each file.
func stamped(fsys fs.FS) (walked, []File, error) {
	if files, plain, ok := statWalk(fsys); ok && plain {
		slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
		paths := make([]string, len(files))
		for i, f := range files {
			paths[i] = f.Path
		}
		return walked{files: paths}, files, nil
	}
	return walkStamped(fsys)
}

func walkStamped(fsys fs.FS) (walked, []File, error) {
	w, err := walk(fsys)
	if err != nil {
		return w, nil, err
	}
	slices.Sort(w.files)
	files := make([]File, len(w.files))
	stamps(fsys, w.files, files)
	return w, files, nil
}

// allKnown reports whether every path was known.
func allKnown(known map[string]Known, paths []string) bool {
	for _, p := range paths {
		if _, ok := known[p]; !ok {
			return false
		}
	}
	return true
}

// stamps fills in the path and stamp of each file, statting them on every
// core; a file that can't be statted gets the zero stamp.
func stamps(fsys fs.FS, paths []string, files []File) {
	n := workers(len(paths))
	var wg sync.WaitGroup
	for w := range n {
		wg.Go(func() {
			for i := w * len(paths) / n; i < (w+1)*len(paths)/n; i++ {
				files[i].Path = paths[i]
				files[i].Stamp = stampOf(fsys, paths[i])
			}
		})
	}
	wg.Wait()
}

// stampOf is the stamp of the file at p, the zero stamp when it can't be
// statted: with a plain system call on a vault on disk (os.Stat allocates
// a FileInfo and joins the path through os.DirFS), a file whose name is
// not UTF-8 too, else through fsys.
func stampOf(fsys fs.FS, p string) Stamp {
	if d, ok := fsys.(dirFS); ok {
		if path, ok := d.native(p); ok {
			if st, err := statRaw(path); err == nil {
				return st
			}
			return Stamp{}
		}
	}
	if info, err := fs.Stat(fsys, p); err == nil {
		return Stamp{Size: info.Size(), ModTime: info.ModTime().UnixNano()}
	}
	return Stamp{}
}
