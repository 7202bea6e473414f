package cache

import (
	"errors"
	"fmt"
	"io"
	"unsafe"

	"tubenotes/loader"
	"tubenotes/model"
)

// opened is a cache file whose header was read: its blobs are read when
// asked for.
type opened struct {
	file    io.ReaderAt
	header  header
	files   blobInfo
	chunks  []blobInfo // the notes' fields, notesPerChunk a blob
	head    *blobInfo  // the index's head, nil when the cache has none
	posting []blobInfo
	texts   *textSource
	sizes   []int      // of the text blocks, raw
	codec   *dictCodec // of the file's dictionary, nil when it has none
}

// open reads the header of the cache file f of size bytes and sorts its
// blobs. A damaged note text is told to damaged, once, and read again from
// the note's file by reread (see textSource).
func open(f io.ReaderAt, size int64, reread func(path string) (*model.Note, error), damaged func(error)) (*opened, error) {
	h, err := readHeader(f, size)
	if err != nil {
		return nil, err
	}
	o := &opened{file: f, header: h, texts: &textSource{file: f, reread: reread, damaged: damaged}}
	for i, in := range h.blobs {
		switch in.kind {
		case blobFiles:
			if i != 0 {
				return nil, errors.New("damaged: bad header")
			}
			o.files = in
		case blobNotes:
			o.chunks = append(o.chunks, in)
		case blobTexts:
			o.texts.blocks = append(o.texts.blocks, in)
			o.sizes = append(o.sizes, in.raw)
		case blobIndexHead:
			if o.head != nil {
				return nil, errors.New("damaged: bad header")
			}
			o.head = &h.blobs[i]
		case blobPostings:
			o.posting = append(o.posting, in)
		case blobDict:
			if o.codec != nil || in.raw > maxDict {
				return nil, errors.New("damaged: bad header")
			}
			d, err := readBlob(f, in, nil)
			if err != nil {
				return nil, err
			}
			o.codec = newDictCodec(d)
		}
	}
	o.texts.codec = o.codec
	switch {
	case len(h.blobs) == 0 || h.blobs[0].kind != blobFiles:
		return nil, errors.New("damaged: no list of files")
	case o.head == nil && len(o.posting) > 0:
		return nil, errors.New("damaged: postings without an index")
	}
	return o, nil
}

// blob reads blob in and hands its raw bytes to read as a reader, whose
// error it gives back. Nothing writes the bytes again, so the strings read
// from them share them instead of being copies.
func (o *opened) blob(in blobInfo, read func(r *reader)) error {
	raw, err := readBlob(o.file, in, o.codec)
	if err != nil {
		return err
	}
	r := &reader{s: unsafe.String(unsafe.SliceData(raw), len(raw))}
	read(r)
	if r.err != nil {
		return fmt.Errorf("damaged: %w", r.err)
	}
	return nil
}

// fileList reads the files, and the body line of the note each gave, -1
// for none.
func (o *opened) fileList() (files []loader.File, noted []int, err error) {
	err = o.blob(o.files, func(r *reader) { files, noted = readFileList(r) })
	return files, noted, err
}

// chunk reads chunk k of the notes' fields, the notes' texts left to be
// read on first use.
func (o *opened) chunk(k int) ([]*model.Note, error) {
	var notes []*model.Note
	var places []textPlace
	err := o.blob(o.chunks[k], func(r *reader) { notes, places = readNoteChunk(r, o.sizes) })
	if err != nil {
		return nil, err
	}
	if k < len(o.chunks)-1 && len(notes) != notesPerChunk {
		return nil, errors.New("damaged: a chunk of notes cut short")
	}
	for i, n := range notes {
		o.texts.lazyBody(n, places[i])
	}
	return notes, nil
}

// indexHead is the index's head, nil when the cache has none.
func (o *opened) indexHead() ([]byte, error) {
	if o.head == nil {
		return nil, nil
	}
	return readBlob(o.file, *o.head, nil)
}

// fetch reads block b of the index's postings: for search.Open.
func (o *opened) fetch(b int) ([]byte, error) {
	if b < 0 || b >= len(o.posting) {
		return nil, errors.New("damaged: no such block of postings")
	}
	raw, err := readBlob(o.file, o.posting[b], nil)
	if err != nil {
		o.texts.tell(err)
	}
	return raw, err
}

// decode reads what a start needs of the opened cache file: its files and
// their notes' fields, and the index's head, every blob on its own core;
// the notes' texts and the index's postings stay in the file, read on
// first use (see open). Whatever the bytes, it returns an error or
// contents, allocating no more than a bounded multiple of the bytes it
// reads.
func decode(o *opened) (contents, error) {
	c := contents{root: o.header.root, mode: o.header.mode, fetch: o.fetch}
	var noted []int
	chunks := make([][]*model.Note, len(o.chunks))
	errs := make([]error, len(o.chunks)+2)
	parallel(len(o.chunks)+2, func(k int) {
		switch k {
		case 0:
			c.files, noted, errs[k] = o.fileList()
		case 1:
			c.indexHead, errs[k] = o.indexHead()
		default:
			chunks[k-2], errs[k] = o.chunk(k - 2)
		}
	})
	for _, err := range errs {
		if err != nil {
			return contents{}, err
		}
	}
	var notes []*model.Note
	for _, ch := range chunks {
		notes = append(notes, ch...)
	}
	if err := attach(c.files, noted, notes); err != nil {
		return contents{}, err
	}
	return c, nil
}

// attach gives each file that gave a note its note, in order.
func attach(files []loader.File, noted []int, notes []*model.Note) error {
	at := 0
	for i := range files {
		if noted[i] < 0 {
			continue
		}
		if at == len(notes) {
			return errors.New("damaged: fewer notes than files")
		}
		if notes[at].BodyLine != noted[i] {
			return errors.New("damaged: the notes do not match the files")
		}
		files[i].Note = notes[at]
		at++
	}
	if at != len(notes) {
		return errors.New("damaged: more notes than files")
	}
	return nil
}
