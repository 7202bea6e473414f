package cache

import (
	"bytes"
	"io/fs"
	"sync"
	"testing/fstest"

	"tubenotes/loader"
	"tubenotes/model"
)

// decodeBytes decodes a cache held in memory, its notes' texts read from
// fsys. A damaged blob is recorded in the list it returns.
func decodeBytes(data []byte, fsys fs.FS) (contents, *damages, error) {
	d := &damages{}
	o, err := open(bytes.NewReader(data), int64(len(data)), vaultFiles(fsys, 0), d.add)
	if err != nil {
		return contents{}, d, err
	}
	c, err := decode(o)
	return c, d, err
}

// textsOf is a file system holding each of the files' notes' texts at its
// path: where a cache made of files reads its notes' texts.
func textsOf(files []loader.File) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range files {
		if f.Note != nil {
			fsys[f.Note.Path] = &fstest.MapFile{Data: []byte(f.Note.Text())}
		}
	}
	return fsys
}

// encodeBytes is encode's parts joined.
func encodeBytes(c contents) []byte { return bytes.Join(encode(c), nil) }

type damages struct {
	mu   sync.Mutex
	errs []error
}

func (d *damages) add(err error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.errs = append(d.errs, err)
}

func (d *damages) count() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.errs)
}

// eager gives files whose notes hold their text themselves, so that
// reflect.DeepEqual compares texts and not how they are loaded.

func eager(files []loader.File) []loader.File {
	out := make([]loader.File, len(files))
	for i, f := range files {
		if len(f.Problems) == 0 {
			f.Problems = nil // the loader's empty list reads back as none
		}
		if f.Note != nil {
			n := *f.Note
			n.SetBody(f.Note.Text(), f.Note.Spans())
			f.Note = &n
		}
		out[i] = f
	}
	return out
}

// eagerNotes is notes with their texts held by themselves (see eager).
func eagerNotes(notes []*model.Note) []*model.Note {
	out := make([]*model.Note, len(notes))
	for i, n := range notes {
		c := *n
		c.SetBody(n.Text(), n.Spans())
		out[i] = &c
	}
	return out
}
