package loader

import (
	"io"
	"io/fs"
	"os"
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
	if d, ok := fsys.(dirFS); ok && canOpenRaw && d.root != "" && fs.ValidPath(p) {
		return openRaw(d.root+"/"+p, p)
	}
	return fsys.Open(p)
}
