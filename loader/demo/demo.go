// Package demo is the small vault built into the binary, shown when no
// vault is named, so a fresh install has something real to browse.
package demo

import (
	"embed"
	"io/fs"
)

//go:embed vault
var files embed.FS

// FS is the demo vault, its notes at the root.
func FS() fs.FS {
	sub, err := fs.Sub(files, "vault")
	if err != nil {
		panic(err) // the folder is embedded above; it cannot be missing
	}
	return sub
}
