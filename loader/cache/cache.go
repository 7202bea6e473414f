// Package cache keeps, per vault, what a load made of its files and the
// search index built from them, in $XDG_CACHE_HOME/tubenotes, so that the
// next start reads one file instead of parsing the vault and indexing it
// again. A cache is checked against the files (size and modification time
// of each, statted in parallel) and only what changed is parsed again. A
// cache that is damaged, truncated, of another version or of another
// vault is ignored, said so, and rebuilt; it never stops a load.
package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/adrg/xdg"

	"tubenotes/loader"
	"tubenotes/model"
	"tubenotes/model/search"

	"tubenotes/loader/atomicfile"
	"tubenotes/loader/regular"
	"tubenotes/loader/vaultpath"
)

// Result is a vault loaded with the help of its cache.
type Result struct {
	Vault *model.Vault
	// Index is the search index from the cache, nil when it has to be
	// built (the vault changed, or the cache held none).
	Index *search.Index
	// Status says in one line what the cache did, for "tubenotes stats".
	Status string

	root      string
	mode      loader.TimestampMode
	files     []loader.File
	parsed    int  // files read and parsed: their notes hold their texts
	upToDate  bool // the cache file holds exactly this vault
	hadIndex  bool // and its index
	cacheFile string
	known     func(n *model.Note) (noteText, bool) // of the cache read (contents.known)
}

// Dir is the folder of every vault's cache: $XDG_CACHE_HOME/tubenotes.
func Dir() string {
	xdg.Reload() // the environment may have changed since start (tests)
	return filepath.Join(xdg.CacheHome, "tubenotes")
}

// File is the cache file of the vault at root. Each vault has its own,
// named after its path (vaultpath.Of: absolute, links resolved), so a
// vault that moved is not taken for another (the file also records the
// path, in case two names collide).
func File(root string) (string, error) {
	abs, err := vaultpath.Of(root)
	if err != nil {
		return "", err
	}
	dir, err := vaultpath.Of(Dir())
	if err != nil {
		return "", err
	}
	if vaultpath.Within(dir, abs) {
		return "", fmt.Errorf("the cache folder %s is inside the vault: set $XDG_CACHE_HOME elsewhere", dir)
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(Dir(), readableBase(abs)+"-"+hex.EncodeToString(sum[:8])+".cache"), nil
}

// readableBase is the last element of path, kept to safe characters, so a
// person listing the folder can tell the caches apart.
func readableBase(path string) string {
	base := strings.Map(func(r rune) rune {
		if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return r
		}
		return '_'
	}, filepath.Base(path))
	if len(base) > 40 {
		base = base[:40]
	}
	return base
}

// Load loads the vault at root (fsys is its file system, loader.Dir(root))
// using the cache when it has one: a file whose size and modification time
// are those the cache recorded is not read. The error is that of the
// load; the cache's troubles only go into Status.
func Load(root string, fsys fs.FS, opts loader.Options) (Result, error) {
	res := Result{root: root, mode: opts.Timestamps}
	var err error
	res.cacheFile, err = File(root)
	if err != nil {
		res.Status = "off: " + err.Error()
		r, err := loader.Reload(fsys, opts, func() map[string]loader.Known { return nil })
		res.Vault, res.files = r.Vault, r.Files
		return res, err
	}
	type read struct {
		c   contents
		err error
	}
	got := make(chan read, 1)
	go func() { // while the vault is walked and statted
		// What decoding allocates is nearly all kept (the vault's notes):
		// a collection while it runs frees little, and its write barriers
		// slow every pointer the decoder stores, so none runs.
		gc := debug.SetGCPercent(-1)
		var c contents
		o, f, err := openFile(res.cacheFile, root, fsys, opts.Timestamps)
		if err == nil {
			if c, err = decode(o); err != nil {
				f.Close()
			}
		}
		debug.SetGCPercent(gc)
		got <- read{c, err}
	}()
	var c read
	r, err := loader.Reload(fsys, opts, func() map[string]loader.Known {
		c = <-got
		if c.err != nil {
			return nil
		}
		known := make(map[string]loader.Known, len(c.c.files))
		for _, f := range c.c.files {
			known[f.Path] = f.Known
		}
		return known
	})
	if err != nil {
		return res, err
	}
	res.Vault, res.files, res.parsed = r.Vault, r.Files, r.Parsed
	switch {
	case errors.Is(c.err, fs.ErrNotExist):
		res.Status = "none yet"
		return res, nil
	case c.err != nil:
		res.Status = "ignored: " + c.err.Error() + "; rebuilt"
		return res, nil
	}
	res.Status = fmt.Sprintf("used: %d files reused, %d parsed", len(r.Files)-r.Parsed, r.Parsed)
	res.known = c.c.known
	res.upToDate = r.Unchanged
	if c.c.indexHead == nil {
		return res, nil
	}
	// The index was made of the cache's notes, in order.
	var cached []*model.Note
	for _, f := range c.c.files {
		if f.Note != nil {
			cached = append(cached, f.Note)
		}
	}
	ix, err := search.Open(c.c.indexHead, cached, c.c.fetch)
	switch {
	case err != nil:
		res.upToDate = false
		res.Status += "; index ignored: " + err.Error()
	case r.Unchanged:
		res.Index, res.hadIndex = ix, true
	default: // index again only the notes parsed again
		res.Index = search.Patch(ix, r.Vault.Notes, search.ReusedFrom(cached, r.Vault.Notes))
		res.Status += "; index updated"
	}
	return res, nil
}

// openFile opens the cache file at path and reads its header, checking
// that it was made for the vault at root (fsys, whose files a damaged text
// block is read from again) with mode. The file stays open while any of
// its notes' texts is still to be read, and is closed then by os.File's
// own cleanup: the caller closes it only when it gives up on it.
func openFile(path, root string, fsys fs.FS, mode loader.TimestampMode) (*opened, *os.File, error) {
	abs, err := vaultpath.Of(root)
	if err != nil {
		return nil, nil, err
	}
	f, err := regular.Open(path) // a named pipe there must not hang a start
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	damaged := func(error) { removeIfSame(path, info) } // rebuilt by the next start
	o, err := open(f, info.Size(), vaultFiles(fsys, mode), damaged)
	switch {
	case err != nil:
	case o.header.root != abs:
		err = errors.New("made for another vault")
	case o.header.mode != mode:
		err = fmt.Errorf("made with --timestamps %s", o.header.mode)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return o, f, nil
}

// removeIfSame removes the cache file at path if it is still the one
// read (info), not one written since by another start.
func removeIfSame(path string, info os.FileInfo) {
	if now, err := os.Stat(path); err == nil && os.SameFile(now, info) {
		os.Remove(path)
	}
}

// Parsed is how many files the load read and parsed, rather than took
// from the cache: their notes hold their texts in memory, where the
// cache's are read on demand.
func (r *Result) Parsed() int { return r.parsed }

// Stale reports whether Save has anything to write: the cache file does
// not hold this vault, or not with index.
func (r *Result) Stale(index *search.Index) bool {
	return r.cacheFile != "" && (!r.upToDate || index != nil && !r.hadIndex)
}

// recentStamp is how close to a save a file's modification time must be
// for its stamp not to be trusted: a file written again within the same
// clock tick would keep its stamp.
const recentStamp = 2 * time.Second

// Save writes the cache of the vault r loaded, with index when it is not
// nil (it must be the index of r.Vault's notes), when Stale says so. It
// writes a temporary file, syncs it and renames it over the old one, so a
// reader sees the old cache or the new one, never half of one.
func (r *Result) Save(index *search.Index) error {
	if !r.Stale(index) {
		return nil
	}
	abs, err := vaultpath.Of(r.root)
	if err != nil {
		return err
	}
	c := contents{root: abs, mode: r.mode, files: make([]loader.File, len(r.files)), known: r.known}
	recent := time.Now().Add(-recentStamp).UnixNano()
	for i, f := range r.files {
		if f.Stamp.ModTime > recent {
			f.Stamp = loader.Stamp{} // parsed again next time
		}
		c.files[i] = f
	}
	if index != nil {
		c.indexHead, c.indexBlocks = index.AppendParts(search.DefaultBlockSize)
	}
	if err := writeCache(r.cacheFile, encode(c)); err != nil {
		return err
	}
	r.upToDate, r.hadIndex = true, index != nil
	return nil
}

// writeCache writes the cache file whole, in a private folder made if
// missing.
func writeCache(path string, parts [][]byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return atomicfile.Write(path, 0o600, parts...)
}

// Clear removes the cache of the vault at root; with root "", every
// vault's. Removing what is not there is no error: removed says whether
// there was a cache to remove.
func Clear(root string) (removed bool, err error) {
	path := Dir()
	if root != "" {
		if path, err = File(root); err != nil {
			return false, err
		}
	}
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if root == "" {
		return true, os.RemoveAll(path)
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return false, err
	}
	return true, nil
}
