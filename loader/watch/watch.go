// Package watch reports the files of a vault that change on disk: every
// folder is watched (folders, not files, so that an editor's atomic save,
// a new file renamed over the old, is seen), new folders as they appear,
// and the changes of a quiet spell come as one batch of paths for
// loader.Refresh.
package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Debounce is how long a folder must stay quiet before its changes are
// reported: an editor's save or a git pull is many events, one batch.
const Debounce = 100 * time.Millisecond

// MaxDelay bounds how long changes wait while events keep coming.
const MaxDelay = time.Second

// ErrLimit is the error (see errors.Is) when the system will not watch
// more folders: Linux's inotify limit (fs.inotify.max_user_watches) or
// open files.
var ErrLimit = errors.New("too many folders to watch (the system's limit)")

// Watcher watches the folders of one vault.
type Watcher struct {
	root     string
	notify   *fsnotify.Watcher
	batches  chan []string
	errs     chan error
	done     chan struct{}
	finished sync.WaitGroup
}

// New watches the folder root and every folder under it, but hidden ones
// (as the loader skips them) and symbolic links (it does not follow them).
// When root can't be watched, or the system will watch no more folders,
// that is an error and the watcher is closed; another folder that can't
// be watched (see addTree) is said on Errors and left out.
func New(root string) (*Watcher, error) {
	root, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	notify, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, explain(root, err)
	}
	w := &Watcher{
		root:    root,
		notify:  notify,
		batches: make(chan []string),
		errs:    make(chan error, 8),
		done:    make(chan struct{}),
	}
	if err := w.addTree(root); err != nil {
		notify.Close()
		return nil, err
	}
	w.finished.Add(1)
	go w.loop()
	return w, nil
}

// Batches delivers the changed paths of each quiet spell: slash-separated,
// relative to the root, sorted, each once; "." when events were lost and
// the whole vault must be read again. A path may be a file or a folder,
// there or gone. It is closed by Close.
func (w *Watcher) Batches() <-chan []string { return w.batches }

// Errors delivers the troubles met while running (a new folder that can't
// be watched, events lost), one line each. The UI says so and offers a
// reload; the watcher goes on.
func (w *Watcher) Errors() <-chan error { return w.errs }

// Close stops watching and closes Batches.
func (w *Watcher) Close() error {
	select {
	case <-w.done:
		return nil
	default:
	}
	close(w.done)
	err := w.notify.Close()
	w.finished.Wait()
	return err
}

// addTree watches dir and the folders under it. A folder under dir that
// can't be watched (one the user may not read, a path too long) is said
// on Errors and left out, and the others are watched: one such folder
// turned live reload off for the whole vault. The error returned is dir's
// own, or the system's limit (ErrLimit), past which no folder can be.
func (w *Watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return explain(p, err)
			}
			return nil // gone or unreadable: the loader reports it
		}
		if !d.IsDir() {
			return nil
		}
		if p != w.root && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if err := w.notify.Add(p); err != nil {
			err = explain(p, err)
			if p == dir || errors.Is(err, ErrLimit) {
				return err
			}
			w.report(&LeftOutError{Err: err})
			return filepath.SkipDir
		}
		return nil
	})
}

// LeftOutError is a folder under the vault that can't be watched and is
// left out, while the rest of the vault is followed.
type LeftOutError struct {
	Err error // one line, naming the folder
}

func (e *LeftOutError) Error() string { return e.Err.Error() }
func (e *LeftOutError) Unwrap() error { return e.Err }

// explain makes a watch error one line, naming the folder, with ErrLimit
// for the system's limits.
func explain(dir string, err error) error {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE) {
		return fmt.Errorf("watching %s: %w", dir, ErrLimit)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("watching %s: %v", dir, err)
}

// loop gathers events into batches: a batch is ready once no event came
// for the debounce time (or MaxDelay after its first), and is kept, and
// added to, until the reader takes it, so events are read all the while.
func (w *Watcher) loop() {
	defer w.finished.Done()
	defer close(w.batches)
	pending := map[string]bool{}
	var ready []string
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var first time.Time
	for {
		var out chan []string
		if ready != nil {
			out = w.batches
		}
		select {
		case <-w.done:
			timer.Stop()
			return
		case ev, ok := <-w.notify.Events:
			if !ok {
				return
			}
			rel, report := w.handle(ev)
			if !report {
				continue
			}
			if len(pending) == 0 {
				first = time.Now()
			}
			pending[rel] = true
			timer.Reset(max(0, min(Debounce, MaxDelay-time.Since(first))))
		case err, ok := <-w.notify.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				pending["."] = true
				timer.Reset(Debounce)
				err = errors.New("too many changes at once: reading the whole vault again")
			}
			w.report(fmt.Errorf("watching %s: %v", w.root, err))
		case <-timer.C:
			for p := range pending {
				ready = append(ready, p)
			}
			clear(pending)
			slices.Sort(ready)
			ready = slices.Compact(ready)
		case out <- ready:
			ready = nil
		}
	}
}

// handle watches a new folder and tells whether the event is one to
// report, and its path relative to the root.
func (w *Watcher) handle(ev fsnotify.Event) (rel string, report bool) {
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	if hidden(rel) || ev.Op == fsnotify.Chmod {
		return "", false
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		return rel, true // a note, or a folder of notes: it's gone, no telling which
	}
	info, err := os.Lstat(ev.Name)
	switch {
	case err != nil:
		return rel, true // gone again already
	case info.IsDir():
		if ev.Has(fsnotify.Create) {
			if err := w.addTree(ev.Name); err != nil {
				w.report(err)
			}
		}
		return rel, ev.Has(fsnotify.Create)
	}
	return rel, strings.HasSuffix(rel, ".md")
}

// report passes err on unless the reader is behind: one message of a
// kind is all the UI shows.
func (w *Watcher) report(err error) {
	select {
	case w.errs <- err:
	default:
	}
}

// hidden reports whether a part of p starts with a dot: the loader skips
// those.
func hidden(p string) bool {
	for part := range strings.SplitSeq(p, "/") {
		if strings.HasPrefix(part, ".") && part != "." {
			return true
		}
	}
	return false
}
