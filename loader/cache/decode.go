package cache

import (
	"errors"
	"fmt"
	"io"
	"unsafe"

	"tubenotes/model"
)

// decode reads what a start needs of the cache file f of size bytes: its
// files and their notes' fields, and the index. The notes' texts stay in
// the file, read on first use; a damaged one is told to damaged, once,
// and read again from the note's file by reread (see textSource).
// Whatever the bytes, it returns an error or contents, allocating no more
// than a bounded multiple of the bytes it reads.
func decode(f io.ReaderAt, size int64, reread func(path string) (*model.Note, error), damaged func(error)) (contents, error) {
	src := &textSource{file: f, reread: reread, damaged: damaged}
	h, err := readHeader(f, size)
	if err != nil {
		return contents{}, err
	}
	c := contents{root: h.root, mode: h.mode}
	var eager []int // blobs read now: the files, the notes' fields, the index's head
	var blockSizes []int
	var postings []blobInfo
	for i, in := range h.blobs {
		switch in.kind {
		case blobTexts:
			src.blocks = append(src.blocks, in)
			blockSizes = append(blockSizes, in.raw)
		case blobPostings:
			postings = append(postings, in)
		default:
			eager = append(eager, i)
		}
	}
	if len(eager) == 0 || h.blobs[eager[0]].kind != blobFiles {
		return contents{}, errors.New("damaged: no list of files")
	}

	type chunk struct {
		notes  []*model.Note
		places []textPlace
	}
	chunks := make([]chunk, len(eager))
	raws := make([][]byte, len(eager))
	errs := make([]error, len(eager))
	var noted []bool
	parallel(len(eager), func(k int) {
		in := h.blobs[eager[k]]
		raws[k], errs[k] = readBlob(f, in)
		if errs[k] != nil {
			return
		}
		defer func() {
			if errs[k] != nil {
				errs[k] = fmt.Errorf("damaged: %w", errs[k])
			}
		}()
		// Nothing writes these bytes again, so the strings read from them
		// share them instead of being copies.
		r := &reader{s: unsafe.String(unsafe.SliceData(raws[k]), len(raws[k]))}
		switch {
		case k == 0:
			c.files, noted = readFileList(r)
		case in.kind == blobNotes:
			chunks[k].notes, chunks[k].places = readNoteChunk(r, blockSizes)
		case in.kind == blobIndexHead:
			if k != len(eager)-1 {
				r.fail()
			}
			c.indexHead = raws[k]
		default:
			r.fail()
		}
		errs[k] = r.err
	})
	for _, err := range errs {
		if err != nil {
			return contents{}, err
		}
	}

	at := 0 // the next file that gave a note
	for _, ch := range chunks {
		for i, n := range ch.notes {
			for at < len(c.files) && !noted[at] {
				at++
			}
			if at == len(c.files) {
				return contents{}, errors.New("damaged: more notes than files")
			}
			src.lazyBody(n, ch.places[i])
			c.files[at].Note = n
			at++
		}
	}
	for ; at < len(c.files); at++ {
		if noted[at] {
			return contents{}, errors.New("damaged: fewer notes than files")
		}
	}
	if c.indexHead == nil && len(postings) > 0 {
		return contents{}, errors.New("damaged: postings without an index")
	}
	c.fetch = func(b int) ([]byte, error) {
		if b < 0 || b >= len(postings) {
			return nil, errors.New("damaged: no such block of postings")
		}
		raw, err := readBlob(f, postings[b])
		if err != nil {
			src.damagedOnce.Do(func() { damaged(err) })
		}
		return raw, err
	}
	return c, nil
}
