//go:build unix

package loader

import (
	"errors"
	"io"
	"io/fs"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// rawFile is a file descriptor read with plain system calls.
type rawFile struct {
	fd   int
	name string // as the vault names it, for errors
	size int64  // when it was opened
}

// canOpenRaw tells that openRaw works on this platform.
const canOpenRaw = true

// openRaw opens the regular file at path read-only; name is the file as
// the vault names it. The walk saw a regular file, but it may have been
// swapped since: opening is non-blocking (a named pipe with no writer
// would wait forever) and the file opened is checked to be regular.
func openRaw(path, name string) (openedFile, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
		switch {
		case errors.Is(err, syscall.EINTR):
			continue
		case err != nil:
			return nil, &fs.PathError{Op: "open", Path: name, Err: err}
		}
		var st syscall.Stat_t
		if err := syscall.Fstat(fd, &st); err != nil {
			syscall.Close(fd)
			return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
		}
		if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
			syscall.Close(fd)
			return nil, errNotRegular
		}
		return &rawFile{fd: fd, name: name, size: st.Size}, nil
	}
}

// errNotRegular is the problem of a file that is no longer a regular file
// when it is opened.
const errNotRegular = problemError("not a regular file: skipped")

func (f *rawFile) Read(b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	for {
		n, err := syscall.Read(f.fd, b)
		switch {
		case errors.Is(err, syscall.EINTR):
			continue
		case err != nil:
			return 0, &fs.PathError{Op: "read", Path: f.name, Err: err}
		case n == 0:
			return 0, io.EOF
		}
		return n, nil
	}
}

// Stat is the size when the file was opened: reader.read takes it as a
// hint only.
func (f *rawFile) Stat() (fs.FileInfo, error) { return rawInfo{size: f.size}, nil }

func (f *rawFile) Close() error { return syscall.Close(f.fd) }

// rawInfo is the one thing reader.read asks of a Stat: the size.
type rawInfo struct{ size int64 }

func (i rawInfo) Name() string       { return "" }
func (i rawInfo) Size() int64        { return i.size }
func (i rawInfo) Mode() fs.FileMode  { return 0 }
func (i rawInfo) ModTime() time.Time { return time.Time{} }
func (i rawInfo) IsDir() bool        { return false }
func (i rawInfo) Sys() any           { return nil }

func stampOfStat(st *unix.Stat_t) Stamp {
	return Stamp{Size: st.Size, ModTime: st.Mtim.Nano(), Change: st.Ctim.Nano()}
}

// statRaw is the stamp of the file at path (symbolic links followed), read
// with one system call and no allocation but the path's. x/sys/unix names
// the modification time Mtim on every Unix (syscall's is Mtimespec on
// macOS).
func statRaw(path string) (Stamp, error) {
	var st unix.Stat_t
	for {
		err := unix.Stat(path, &st)
		switch {
		case errors.Is(err, unix.EINTR):
			continue
		case err != nil:
			return Stamp{}, err
		}
		return stampOfStat(&st), nil
	}
}
