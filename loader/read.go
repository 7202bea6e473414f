package loader

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"strconv"
)

// Files are read into shared chunks rather than one allocation each: the
// allocator rounds a 7 KB buffer up to 8 KB, so chunks save that ~15% on
// what is the bulk of a loaded vault's memory. A file is read straight into
// the free room of the current chunk, without asking its size first (a
// Stat is a system call and an allocation a file); one that does not fit
// moves to a new chunk, or to a buffer of its own when it would waste more
// than a small part of one.
const (
	chunkSize   = 256 << 10
	ownBufferAt = chunkSize / 8
	// minRoom is the least free room a read starts in: below it, the rest
	// of the chunk is left unused (most notes are bigger).
	minRoom = 4 << 10
)

// reader reads files for one worker. The buffers it returns belong to the
// caller: notes keep them as their text.
type reader struct {
	chunk []byte // free room of the current chunk
}

// read returns the bytes of the file at p.
func (r *reader) read(fsys fs.FS, p string) ([]byte, error) {
	f, err := open(fsys, p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if len(r.chunk) < minRoom {
		r.chunk = make([]byte, chunkSize)
	}
	n, eof, err := readInto(f, r.chunk)
	if err != nil {
		return nil, err
	}
	if eof {
		buf := r.chunk[:n:n]
		r.chunk = r.chunk[n:]
		return buf, nil
	}
	// The file fills the room: the part read moves to where the whole file
	// fits, a new chunk (the old one's room is given up) or a buffer of its
	// own (the room serves the next file). Stat only hints the size: a
	// file may grow, so no more than the limit is ever allocated or read;
	// one that claims more than the limit is too large without reading it
	// (a sparse file of gigabytes would cost the limit's worth of reads and
	// allocation before saying so).
	size := n + minRoom
	if info, err := f.Stat(); err == nil && info.Size() >= int64(n) {
		if info.Size() > maxNoteSize {
			return nil, tooLarge(f) // reading the limit's worth only to learn so costs 64 MB a file
		}
		size = int(info.Size()) + 1 // one byte more, to see the end in one read
	}
	var buf []byte
	if size < ownBufferAt {
		buf = make([]byte, chunkSize)
	} else {
		buf = make([]byte, size+bytes.MinRead)
	}
	copy(buf, r.chunk[:n])
	for {
		m, eof, err := readInto(f, buf[n:min(len(buf), maxNoteSize+1)])
		n += m
		switch {
		case err != nil:
			return nil, err
		case n > maxNoteSize:
			return nil, tooLarge(f)
		case eof:
			if size < ownBufferAt {
				r.chunk = buf[n:]
			}
			return buf[:n:n], nil
		}
		// grew since Stat: rare, so copies are fine
		buf = append(buf[:n], make([]byte, min(n, maxNoteSize+1-n))...)
	}
}

// readOne reads the one file at p, bounded as read is, into a buffer of
// its own size: for a text read alone and kept, which in a chunk of read's
// would keep the whole chunk alive.
func readOne(fsys fs.FS, p string) ([]byte, error) {
	f, err := open(fsys, p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := minRoom
	if info, err := f.Stat(); err == nil && info.Size() >= 0 {
		if info.Size() > maxNoteSize {
			return nil, tooLarge(f)
		}
		size = int(info.Size()) + 1 // one byte more, to see the end
	}
	var b bytes.Buffer
	b.Grow(size + bytes.MinRead) // ReadFrom wants MinRead free before it reads the end
	if _, err := b.ReadFrom(io.LimitReader(f, maxNoteSize+1)); err != nil {
		return nil, err
	}
	if b.Len() > maxNoteSize {
		return nil, tooLarge(f)
	}
	return b.Bytes(), nil
}

// tooLarge is the problem of a file over maxNoteSize, with the size its
// Stat claims when that is over the limit too.
func tooLarge(f openedFile) error {
	size := "over " + strconv.Itoa(maxNoteSize>>20)
	if info, err := f.Stat(); err == nil && info.Size() > maxNoteSize {
		size = strconv.FormatInt(info.Size()>>20, 10)
	}
	return problemError("too large: " + size + " MB, limit " + strconv.Itoa(maxNoteSize>>20) + " MB")
}

// problemError is an error that is the whole of a file's problem, not a
// reason it was unreadable.
type problemError string

func (e problemError) Error() string { return string(e) }

// maxNoteSize is the largest note read: real notes are ~7 KB, and nothing
// past this is read at all.
const maxNoteSize = 64 << 20

// readInto reads from f until buf is full or f ends (eof), the way
// io.ReadFull does, but without treating the end as an error.
func readInto(f io.Reader, buf []byte) (n int, eof bool, err error) {
	for n < len(buf) {
		m, err := f.Read(buf[n:])
		n += m
		switch {
		case errors.Is(err, io.EOF):
			return n, true, nil
		case err != nil:
			return n, false, err
		}
	}
	return n, false, nil
}
