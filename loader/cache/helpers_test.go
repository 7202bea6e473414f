package cache

import (
	"bytes"
	"errors"
	"sync"

	"tubenotes/loader"
	"tubenotes/model"
)

// decodeBytes decodes a cache held in memory. A damaged text block is
// recorded in the list it returns, and the note's file is nowhere to be
// read again.
func decodeBytes(data []byte) (contents, *damages, error) {
	d := &damages{}
	o, err := open(bytes.NewReader(data), int64(len(data)), func(string) (*model.Note, error) {
		return nil, errors.New("no files in this test")
	}, d.add)
	if err != nil {
		return contents{}, d, err
	}
	c, err := decode(o)
	return c, d, err
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
