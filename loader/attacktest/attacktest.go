// Package attacktest builds the hostile inputs the adversarial tests throw
// at tubenotes: files that lie about their size, files swapped for named
// pipes, sparse files, names that are not UTF-8 or hold controls, and notes
// full of escape, C1 and bidi characters. Tests only: nothing here is used
// by the program.
package attacktest

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"
	"time"
)

// Hostile names, each a file the vault must load under its exact name.
const (
	NameLatin1    = "c/caf\xe9.md"         // not UTF-8
	NameLatin1Dir = "caf\xe9/n.md"         // a folder not UTF-8
	NameNewline   = "c/a\nb.md"            // a newline inside
	NameBidi      = "c/notes\u202e.md"     // a right-to-left override
	NameBidiDir   = "\u2066c\u2069/n.md"   // a folder wrapped in isolates
	NameC1        = "c/x\u009b31m.md"      // a C1 CSI
	NameEscape    = "c/e\x1b]0;pwn\x07.md" // an OSC that sets the title
)

// Names are the hostile note names Vault writes.
var Names = []string{NameLatin1, NameLatin1Dir, NameNewline, NameBidi, NameBidiDir, NameC1, NameEscape}

// HostileText is a note whose title, headings, link labels and body hold
// the characters a terminal obeys: ESC, BEL, C1 (CSI, OSC), bidi overrides
// and isolates, and a zero-width-joined emoji.
const HostileText = "---\ntitle: \"T\\e[31m\\u009b31m\\u202e\\u2066x\\a\"\nvideoId: LKlE93-SDpc\n---\n\n" +
	"## Head \x1b[2J\u009d0;pwn\u0007 \u202etxet\u202c 👨\u200d👩\u200d👧\n\n" +
	"Body \u2066isolated\u2069 <a class=\"yt-timestamp\" data-t=\"00:01:05\">[00:01:05]</a> [[target | lab\u009bel]].\n"

// Vault writes one small note under each of Names into dir, each titled
// after its index, and returns the names it could create (a file system
// may refuse some).
func Vault(dir string) ([]string, error) {
	var made []string
	for i, name := range Names {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return made, err
		}
		text := "---\ntitle: Attack " + string(rune('A'+i)) + "\n---\n\nattack word\n"
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			continue
		}
		made = append(made, name)
	}
	return made, nil
}

// SparseFile makes a file of size bytes at path that takes no room on disk
// (truncate(1)): it reads as that many zero bytes.
func SparseFile(path string, size int64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := f.Truncate(size); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// LyingFS is a file system of one file, Name, whose Stat claims Claims
// bytes and whose reads stream Streams bytes of text (lines of "a") before
// the end; it counts the bytes read, so a test can tell that a reader
// stopped early.
type LyingFS struct {
	Name    string
	Claims  int64
	Streams int64
	read    *int64
}

// NewLyingFS is a LyingFS that counts into *read.
func NewLyingFS(name string, claims, streams int64, read *int64) LyingFS {
	return LyingFS{Name: name, Claims: claims, Streams: streams, read: read}
}

func (l LyingFS) Open(name string) (fs.File, error) {
	if name == l.Name {
		return &lyingFile{fs: l, left: l.Streams}, nil
	}
	return fstest.MapFS{l.Name: {}}.Open(name) // its folders
}

type lyingFile struct {
	fs   LyingFS
	left int64
}

var line = strings.Repeat("a", 63) + "\n"

func (f *lyingFile) Read(b []byte) (int, error) {
	if f.left == 0 {
		return 0, io.EOF
	}
	n := int(min(int64(len(b)), f.left))
	for i := 0; i < n; i += len(line) {
		copy(b[i:n], line)
	}
	f.left -= int64(n)
	if f.fs.read != nil {
		*f.fs.read += int64(n)
	}
	return n, nil
}

func (f *lyingFile) Stat() (fs.FileInfo, error) { return lyingInfo{f.fs}, nil }
func (f *lyingFile) Close() error               { return nil }

type lyingInfo struct{ fs LyingFS }

func (i lyingInfo) Name() string       { return filepath.Base(i.fs.Name) }
func (i lyingInfo) Size() int64        { return i.fs.Claims }
func (i lyingInfo) Mode() fs.FileMode  { return 0o644 }
func (i lyingInfo) ModTime() time.Time { return time.Time{} }
func (i lyingInfo) IsDir() bool        { return false }
func (i lyingInfo) Sys() any           { return nil }
