//go:build !linux

package loader

import "io/fs"

// statWalk is the fast walk of statwalk_linux.go, which other systems do
// without: stamped walks for them.
func statWalk(fs.FS) (files []File, plain, ok bool) { return nil, false, false }
