//go:build unix

package attacktest

import (
	"os"
	"syscall"
)

// SwapForFIFO replaces the file at path with a named pipe that nobody
// writes: opening it for reading the usual way waits forever.
func SwapForFIFO(path string) error {
	if err := os.Remove(path); err != nil {
		return err
	}
	return syscall.Mkfifo(path, 0o644)
}
