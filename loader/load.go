// Package loader reads a vault of markdown notes from any fs.FS into a
// model.Vault: in parallel, with progress, and without ever stopping on a
// bad file (each becomes a model.Problem).
package loader

import (
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"slices"
	"sync"

	"tubenotes/model"
)

// Options tune a load.
type Options struct {
	Timestamps TimestampMode
	// Progress, when not nil, is called from Load's goroutine, in order:
	// first with done 0 once the walk knows total, then after each file.
	Progress func(done, total int)
}

// Load reads every .md file of fsys in parallel into a model.Vault. The
// error is non-nil only when the root itself cannot be read; every per-file
// trouble is a model.Problem and never stops the load.
func Load(fsys fs.FS, opts Options) (*model.Vault, error) {
	w, err := walk(fsys)
	if err != nil {
		return nil, err
	}
	// The paths are all that link resolution needs, so each worker resolves
	// the links of a note as soon as it has parsed it, once the index that
	// is built while the first files are read is ready.
	slices.Sort(w.files)
	var names *model.Names
	namesReady := make(chan struct{})
	go func() {
		names = model.NewNames(w.files)
		close(namesReady)
	}()
	results := make([]result, len(w.files))
	scratches := make([]scratch, workers(len(w.files)))
	forEachFile(fsys, w.files, opts.Progress, func(worker, i int, data []byte, err error) {
		r := parseFile(w.files[i], data, err, opts.Timestamps, &scratches[worker])
		<-namesReady
		if r.note != nil {
			for k := range r.note.Links {
				r.note.Links[k].Resolved = names.Resolve(r.note.Path, r.note.Links[k].Target)
			}
		}
		results[i] = r
	})
	<-namesReady // when there were no files to wait for it
	notes := make([]*model.Note, 0, len(results))
	var pages []model.ChannelPage
	problems := w.problems
	for _, r := range results {
		problems = append(problems, r.problems...)
		if r.note == nil {
			continue
		}
		notes = append(notes, r.note)
		if r.page != nil {
			pages = append(pages, *r.page)
		}
	}
	return model.NewResolvedVault(names, notes, pages, problems), nil
}

// result is what one file gave.
type result struct {
	note     *model.Note
	page     *model.ChannelPage
	problems []model.Problem
}

func parseFile(p string, data []byte, err error, mode TimestampMode, sc *scratch) result {
	if err != nil {
		return result{problems: []model.Problem{{Path: p, Message: problemText(err)}}}
	}
	n, problems := parse(p, data, mode, sc)
	r := result{note: n, problems: problems}
	if n != nil && isChannelPage(p) {
		page := parseChannelPage(n)
		r.page = &page
	}
	return r
}

// workers is the number of goroutines that read and parse files: one a CPU.
func workers(files int) int { return min(runtime.GOMAXPROCS(0), max(files, 1)) }

// forEachFile reads files with workers(len(files)) goroutines and hands
// each to use, with the number of the worker that read it (one call per
// file index), calling progress in order from the caller's goroutine.
func forEachFile(fsys fs.FS, files []string, progress func(done, total int), use func(worker, i int, data []byte, err error)) {
	if progress != nil {
		progress(0, len(files))
	}
	jobs := make(chan int, len(files))
	for i := range files {
		jobs <- i
	}
	close(jobs)
	done := make(chan struct{}, len(files))
	var wg sync.WaitGroup
	for worker := range workers(len(files)) {
		wg.Go(func() {
			var r reader
			for i := range jobs {
				data, err := r.read(fsys, files[i])
				use(worker, i, data, err)
				done <- struct{}{}
			}
		})
	}
	for d := 1; d <= len(files); d++ {
		<-done
		if progress != nil {
			progress(d, len(files))
		}
	}
	wg.Wait()
}

// problemText is the problem a file's read error makes.
func problemText(err error) string {
	var whole problemError
	if errors.As(err, &whole) {
		return whole.Error()
	}
	return "unreadable: " + errorText(err)
}

// errorText is an error without the path a *fs.PathError repeats.
func errorText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// rootError explains why the root can't be loaded.
func rootError(err error) error {
	return fmt.Errorf("cannot read the vault: %s", errorText(err))
}
