package loader

import (
	"io"
	"io/fs"
	"os"
	"strings"
	"unicode/utf8"
)

// Dir is the folder at root as a file system: os.DirFS(root), whose note
// files Load reads with plain system calls where the platform has them.
// os.File's open is made for files that may be pipes or sockets: on Linux
// it switches the descriptor to non-blocking mode, tries the network
// poller, switches back and sets a cleanup, five system calls and an
// allocation more than a note needs. Use it for a vault on disk.
func Dir(root string) fs.FS { return dirFS{osFS: os.DirFS(root).(osFS), root: root} }

type dirFS struct {
	osFS // everything but note reads goes through os.DirFS, as it is
	root string
}

// osFS is what os.DirFS does: the walk needs its Stat (an Open to learn
// what a symbolic link names would wait forever on a named pipe).
type osFS interface {
	fs.StatFS
	fs.ReadDirFS
	fs.ReadFileFS
	fs.ReadLinkFS
}

// openedFile is what reader.read needs of an open file.
type openedFile interface {
	io.Reader
	Stat() (fs.FileInfo, error)
	Close() error
}

// open opens the file at p of fsys for reading.
func open(fsys fs.FS, p string) (openedFile, error) {
	if d, ok := fsys.(dirFS); ok {
		if path, ok := d.native(p); ok {
			return openRaw(path, p)
		}
	}
	return fsys.Open(p)
}

// native is the path on disk of p, when the platform's own calls can reach
// it. Unlike os.DirFS it takes names that are not UTF-8 (caf\xe9.md from a
// Latin-1 system): they are valid file names on Unix, and a note must not
// be lost for its name. Every other rule of fs.ValidPath holds (no "..",
// no leading slash, no empty element).
func (d dirFS) native(p string) (string, bool) {
	if !canOpenRaw || d.root == "" {
		return "", false
	}
	valid := p
	if !utf8.ValidString(p) {
		valid = strings.ToValidUTF8(p, "_")
	}
	if !fs.ValidPath(valid) {
		return "", false
	}
	return d.root + "/" + p, true
}

// ReadDir lists a folder of the vault, one whose name is not UTF-8 too.
func (d dirFS) ReadDir(p string) ([]fs.DirEntry, error) {
	if !utf8.ValidString(p) {
		if path, ok := d.native(p); ok {
			return os.ReadDir(path)
		}
	}
	return d.osFS.ReadDir(p)
}

// Stat describes a file of the vault, one whose name is not UTF-8 too.
func (d dirFS) Stat(p string) (fs.FileInfo, error) {
	if !utf8.ValidString(p) {
		if path, ok := d.native(p); ok {
			return os.Stat(path)
		}
	}
	return d.osFS.Stat(p)
}
