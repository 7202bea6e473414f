//go:build !unix

package loader

import "errors"

// canOpenRaw tells that openRaw does not work here: files are opened
// through the fs.FS.
const canOpenRaw = false

func openRaw(path, name string) (openedFile, error) { return nil, errors.ErrUnsupported }

func statRaw(path string) (Stamp, error) { return Stamp{}, errors.ErrUnsupported }
