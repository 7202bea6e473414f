package loader

import (
	"bytes"
	"fmt"
	"io/fs"
	"testing"
	"testing/fstest"
)

// TestReaderSizes reads, with one reader, files of every size that takes a
// different path: empty, small, filling the room left in a chunk exactly,
// just over it, over a chunk, and one needing a buffer of its own.
func TestReaderSizes(t *testing.T) {
	fill := func(n int, c byte) []byte { return bytes.Repeat([]byte{c}, n) }
	sizes := []int{0, 1, 7000, minRoom - 1, chunkSize - 7001, chunkSize - minRoom, ownBufferAt - 1, ownBufferAt, chunkSize, chunkSize + 1, 3 * chunkSize, 5}
	fsys := fstest.MapFS{}
	for i, n := range sizes {
		fsys[fmt.Sprintf("f%02d.md", i)] = &fstest.MapFile{Data: fill(n, byte('a'+i))}
	}
	var r reader
	var read [][]byte
	for i, n := range sizes {
		data, err := r.read(fsys, fmt.Sprintf("f%02d.md", i))
		if err != nil {
			t.Fatalf("file %d (%d bytes): %v", i, n, err)
		}
		if !bytes.Equal(data, fill(n, byte('a'+i))) || cap(data) != len(data) {
			t.Fatalf("file %d: read %d bytes (cap %d), want %d", i, len(data), cap(data), n)
		}
		read = append(read, data)
	}
	for i, data := range read { // no later read wrote over an earlier buffer
		if !bytes.Equal(data, fill(sizes[i], byte('a'+i))) {
			t.Errorf("file %d changed after later reads", i)
		}
	}
	if _, err := r.read(fsys, "missing.md"); err == nil {
		t.Error("a missing file read without an error")
	}
}

// TestReaderGrownFile reads a file bigger than its Stat said (it grew
// between the two): every byte still comes.
func TestReaderGrownFile(t *testing.T) {
	for _, n := range []int{chunkSize + 100, 4 * chunkSize} {
		data := bytes.Repeat([]byte("0123456789"), n/10)
		var r reader
		got, err := r.read(shrunkStat{fstest.MapFS{"a.md": {Data: data}}}, "a.md")
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("%d bytes: read %d, %v", len(data), len(got), err)
		}
	}
}

// shrunkStat's files report a tenth of their size.
type shrunkStat struct{ fstest.MapFS }

func (s shrunkStat) Open(name string) (fs.File, error) {
	f, err := s.MapFS.Open(name)
	return shrunkFile{f}, err
}

type shrunkFile struct{ fs.File }

func (f shrunkFile) Stat() (fs.FileInfo, error) {
	info, err := f.File.Stat()
	return shrunkInfo{info}, err
}

type shrunkInfo struct{ fs.FileInfo }

func (i shrunkInfo) Size() int64 { return i.FileInfo.Size() / 10 }

// TestReadTextIsTheLoadedText: a note file read alone gives the text a
// load gives its note, whatever its bytes (BOM, CRLF, invalid UTF-8), and
// a binary file gives none.
func TestReadTextIsTheLoadedText(t *testing.T) {
	fsys := fstest.MapFS{
		"c/plain.md":  {Data: []byte("# Plain\n\nwords\n")},
		"c/bom.md":    {Data: []byte("\uFEFF# Bom\r\nline\r\n")},
		"c/latin.md":  {Data: []byte("caf\xe9 \xff\xfe\xfd end\n")},
		"c/empty.md":  {Data: nil},
		"c/binary.md": {Data: []byte("a\x00b")},
	}
	v, err := Load(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Notes) != 4 {
		t.Fatalf("%d notes loaded, want 4", len(v.Notes))
	}
	for _, n := range v.Notes {
		got, err := ReadText(fsys, n.Path)
		if err != nil || got != n.Text() {
			t.Errorf("%s: read alone %q (%v), loaded %q", n.Path, got, err, n.Text())
		}
		again, err := ReadNote(fsys, n.Path, 0)
		if err != nil || again.Text() != n.Text() || again.Title != n.Title {
			t.Errorf("%s: parsed alone %+v (%v)", n.Path, again, err)
		}
	}
	if _, err := ReadText(fsys, "c/binary.md"); err == nil {
		t.Error("a binary file read as a text")
	}
}
