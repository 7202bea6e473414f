package loader

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
)

// Files are read into shared chunks rather than one allocation each: the
// allocator rounds a 7 KB buffer up to 8 KB, so chunks save that ~15% on
// what is the bulk of a loaded vault's memory. A file that would waste more
// than a small part of a chunk gets a buffer of its own.
const (
	chunkSize   = 256 << 10
	ownBufferAt = chunkSize / 8
)

// reader reads files for one worker. The buffers it returns belong to the
// caller: notes keep them as their text.
type reader struct {
	chunk []byte // free room of the current chunk
}

// read returns the bytes of the file at p.
func (r *reader) read(fsys fs.FS, p string) ([]byte, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := int(info.Size())
	if size <= 0 || int64(size) != info.Size() {
		return io.ReadAll(f)
	}
	buf := r.take(size)
	n, err := io.ReadFull(f, buf)
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF): // shrank since Stat
		return buf[:n:n], nil
	case err != nil:
		return nil, err
	}
	var probe [1]byte
	if n, _ := f.Read(probe[:]); n == 0 {
		return buf, nil
	}
	rest, err := io.ReadAll(f) // grew since Stat: rare, so copies are fine
	if err != nil {
		return nil, err
	}
	return bytes.Join([][]byte{buf, probe[:], rest}, nil), nil
}

// take is a buffer of exactly size bytes that nothing else uses.
func (r *reader) take(size int) []byte {
	if size >= ownBufferAt {
		return make([]byte, size)
	}
	if len(r.chunk) < size {
		r.chunk = make([]byte, chunkSize)
	}
	buf := r.chunk[:size:size]
	r.chunk = r.chunk[size:]
	return buf
}
