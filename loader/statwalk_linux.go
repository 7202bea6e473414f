package loader

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"io/fs"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/sys/unix"
)

// statWalk lists the note files of a vault on disk with their stamps, as
// stamped does but in no particular order, at a fraction of its cost:
// each folder's listing is read once with its entries' types (a folder or
// a plain file needs no stat to be told apart), and each note is statted
// by its name in its open folder (no path to resolve from the root, no
// FileInfo, no os.File). A folder is opened by its path from the vault's
// folder, as os.DirFS opens it. Nothing is sorted: sorting the paths
// costs more than comparing them with a map. plain is true when the walk
// met nothing walk reports as a problem (see statFolder). ok is false for
// any fsys not on disk and whenever a folder can't be opened or read: the
// caller then walks the slow way, which says what was wrong.
func statWalk(fsys fs.FS) (files []File, plain, ok bool) {
	d, isDir := fsys.(dirFS)
	if !isDir || d.root == "" {
		return nil, false, false
	}
	root, err := openDir(unix.AT_FDCWD, d.root, 0)
	if err != nil {
		return nil, false, false
	}
	defer unix.Close(root)
	s := &statWalker{root: root, pending: []string{""}}
	s.more = sync.NewCond(&s.mu)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(s.work)
	}
	wg.Wait()
	if s.failed {
		return nil, false, false
	}
	n := 0
	for _, f := range s.found {
		n += len(f)
	}
	files = make([]File, 0, n)
	for _, f := range s.found {
		files = append(files, f...)
	}
	return files, !s.odd, true
}

// statWalker shares the folders still to read among its workers.
type statWalker struct {
	root    int // the vault's folder, open
	mu      sync.Mutex
	more    *sync.Cond // a folder was queued, or the last busy worker finished
	pending []string   // folders to read: "" for the root, else their path and "/"
	busy    int        // folders being read
	found   [][]File   // the notes of each folder read
	odd     bool       // an entry was met that walk reports (see statFolder)
	failed  bool
}

func (s *statWalker) work() {
	var buf []byte // a folder's listing, kept for the next
	for {
		s.mu.Lock()
		for len(s.pending) == 0 && s.busy > 0 && !s.failed {
			s.more.Wait()
		}
		if len(s.pending) == 0 || s.failed {
			s.mu.Unlock()
			s.more.Broadcast()
			return
		}
		prefix := s.pending[len(s.pending)-1]
		s.pending = s.pending[:len(s.pending)-1]
		s.busy++
		s.mu.Unlock()

		var files []File
		var subs []string
		var odd bool
		fd, err := openDir(s.root, cmp.Or(strings.TrimSuffix(prefix, "/"), "."), unix.O_NOFOLLOW)
		if err == nil {
			buf, err = readListing(fd, buf)
			if err == nil {
				files, subs, odd, err = statFolder(fd, prefix, buf)
			}
			unix.Close(fd)
		}

		s.mu.Lock()
		s.busy--
		s.found = append(s.found, files)
		s.pending = append(s.pending, subs...)
		s.odd = s.odd || odd
		if err != nil {
			s.failed = true
		}
		s.mu.Unlock()
		s.more.Broadcast()
	}
}

// readListing reads the whole listing of the folder fd into buf, grown
// as needed, as linux_dirent64 records.
func readListing(fd int, buf []byte) ([]byte, error) {
	buf = buf[:0]
	for {
		if cap(buf)-len(buf) < 32<<10 {
			buf = slices.Grow(buf, max(32<<10, cap(buf)))
		}
		n, err := readDirent(fd, buf[len(buf):cap(buf)])
		if err != nil {
			return buf, err
		}
		if n == 0 {
			return buf, nil
		}
		buf = buf[:len(buf)+n]
	}
}

// errBadDirent is a folder listing the walk can't parse.
var errBadDirent = errors.New("bad folder entry")

// statFolder lists the notes of the folder fd, whose listing is in
// listing and whose path in the vault is prefix, statted, and its
// subfolders' paths. Hidden entries are skipped, as walk skips them. odd
// tells of an entry walk makes a problem of (see walked.add).
func statFolder(fd int, prefix string, listing []byte) (files []File, subs []string, odd bool, err error) {
	notes := 0 // how many entries may be notes, to allocate files once
	for rec := listing; len(rec) > 0; {
		name, typ, size, ok := parseDirent(rec)
		if !ok {
			return nil, nil, false, errBadDirent
		}
		rec = rec[size:]
		if typ != unix.DT_DIR && bytes.HasSuffix(name, []byte(".md")) {
			notes++
		}
	}
	files = make([]File, 0, notes)
	for rec := listing; len(rec) > 0; {
		name, typ, size, _ := parseDirent(rec)
		rec = rec[size:]
		if len(name) == 0 || name[0] == '.' {
			continue
		}
		if typ == unix.DT_UNKNOWN {
			// The file system does not say: ask it, as os.ReadDir does.
			var st unix.Stat_t
			if err := statAt(fd, string(name), &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
				return nil, nil, false, err
			}
			typ = direntType(st.Mode)
		}
		isNote := bytes.HasSuffix(name, []byte(".md"))
		switch {
		case typ == unix.DT_DIR:
			odd = odd || isNote // "is a directory, not a note"
			subs = append(subs, prefix+string(name)+"/")
		case typ == unix.DT_LNK:
			// walk follows every link, to tell a loop or a folder.
			p := prefix + string(name)
			var st unix.Stat_t
			err := statAt(fd, p[len(prefix):], &st, 0)
			switch {
			case err != nil:
				odd = odd || isNote || !errors.Is(err, fs.ErrNotExist)
			case st.Mode&unix.S_IFMT == unix.S_IFDIR:
				odd = true
			case !isNote:
			case st.Mode&unix.S_IFMT == unix.S_IFREG:
				files = append(files, File{Path: p, Known: Known{Stamp: stampOfStat(&st)}})
			default:
				odd = true // a link to a named pipe, socket or device
			}
		case !isNote:
			// Not a note.
		case typ == unix.DT_REG:
			p := prefix + string(name)
			var st unix.Stat_t
			if err := statAt(fd, p[len(prefix):], &st, 0); err != nil {
				// Gone since the folder was read: listed with no stamp,
				// as stamps lists it.
				files = append(files, File{Path: p})
			} else {
				files = append(files, File{Path: p, Known: Known{Stamp: stampOfStat(&st)}})
			}
		default:
			odd = true // a named pipe, socket or device named like a note
		}
	}
	return files, subs, odd, nil
}

// direntType is the folder entry type of a file mode.
func direntType(mode uint32) uint8 {
	switch mode & unix.S_IFMT {
	case unix.S_IFDIR:
		return unix.DT_DIR
	case unix.S_IFREG:
		return unix.DT_REG
	case unix.S_IFLNK:
		return unix.DT_LNK
	}
	return unix.DT_UNKNOWN
}

// parseDirent reads the first record of a linux_dirent64 buffer: its
// name (without the NUL), its type and its length.
func parseDirent(b []byte) (name []byte, typ uint8, size int, ok bool) {
	const nameAt = 19 // after d_ino, d_off, d_reclen and d_type
	if len(b) < nameAt {
		return nil, 0, 0, false
	}
	size = int(binary.NativeEndian.Uint16(b[16:18]))
	if size < nameAt || size > len(b) {
		return nil, 0, 0, false
	}
	name = b[nameAt:size]
	end := slices.Index(name, 0)
	if end < 0 {
		return nil, 0, 0, false
	}
	return name[:end], b[18], size, true
}

// The system calls, retried when a signal interrupts them.

func openDir(dirfd int, name string, flags int) (int, error) {
	for {
		fd, err := unix.Openat(dirfd, name, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC|flags, 0)
		if err != unix.EINTR {
			return fd, err
		}
	}
}

func readDirent(fd int, buf []byte) (int, error) {
	for {
		n, err := unix.ReadDirent(fd, buf)
		if err != unix.EINTR {
			return n, err
		}
	}
}

// statAt stats name in the folder dirfd; with flags 0 it follows a
// symbolic link, as statRaw does.
func statAt(dirfd int, name string, st *unix.Stat_t, flags int) error {
	for {
		if err := unix.Fstatat(dirfd, name, st, flags); err != unix.EINTR {
			return err
		}
	}
}
