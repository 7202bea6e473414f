// Package regular opens the files tubenotes keeps of its own (cache,
// config, state) for reading, refusing any that is not a regular file:
// opening a named pipe the usual way waits for a writer, for ever.
package regular

import (
	"errors"
	"os"
)

// ErrNotRegular is a path that names a named pipe, a device, a socket or a
// folder.
var ErrNotRegular = errors.New("not a regular file")

// Open opens path for reading, without waiting on a named pipe, and fails
// with ErrNotRegular when it is not a regular file.
func Open(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlocking, 0)
	if err != nil {
		return nil, err
	}
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		f.Close()
		if err == nil {
			err = ErrNotRegular
		}
		return nil, err
	}
	return f, nil
}
