package cache

import (
	"errors"
	"fmt"
	"io"
	"sync"
	"unsafe"

	"tubenotes/loader"
	"tubenotes/model"
	"tubenotes/model/cores"
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
	sizes   []int // of the blocks of spans, raw

	// The notes a start decoded and their places, and the same as a map,
	// made when first asked for (known).
	decoded    []*model.Note
	places     []textPlace
	placeOf    map[*model.Note]textPlace
	placesOnce sync.Once
}

// open reads the header of the cache file f of size bytes and sorts its
// blobs. The notes' texts are read from vault (see textSource); a damaged
// blob is told to damaged, once.
func open(f io.ReaderAt, size int64, vault noteFiles, damaged func(error)) (*opened, error) {
	h, err := readHeader(f, size)
	if err != nil {
		return nil, err
	}
	o := &opened{file: f, header: h, texts: &textSource{file: f, vault: vault, damaged: damaged}}
	for i, in := range h.blobs {
		switch in.kind {
		case blobFiles:
			if i != 0 {
				return nil, errors.New("damaged: bad header")
			}
			o.files = in
		case blobNotes:
			o.chunks = append(o.chunks, in)
		case blobSpans:
			o.texts.blocks = append(o.texts.blocks, in)
			o.sizes = append(o.sizes, in.raw)
		case blobIndexHead:
			if o.head != nil {
				return nil, errors.New("damaged: bad header")
			}
			o.head = &h.blobs[i]
		case blobPostings:
			o.posting = append(o.posting, in)
		}
	}
	switch {
	case len(h.blobs) == 0 || h.blobs[0].kind != blobFiles:
		return nil, errors.New("damaged: no list of files")
	case o.head == nil && len(o.posting) > 0:
		return nil, errors.New("damaged: postings without an index")
	}
	return o, nil
}

// blob reads blob in and hands its raw bytes to read as a reader, whose
// error it gives back.
func (o *opened) blob(in blobInfo, read func(r *reader)) error {
	raw, err := o.blobString(in)
	if err != nil {
		return err
	}
	return readString(raw, read)
}

// blobString reads blob in and gives back its raw bytes as a string.
// Nothing writes the bytes again, so the strings read from them share them
// instead of being copies.
func (o *opened) blobString(in blobInfo) (string, error) {
	raw, err := readBlob(o.file, in)
	return unsafe.String(unsafe.SliceData(raw), len(raw)), err
}

// readString hands raw to read as a reader, and gives back its error as
// damage.
func readString(raw string, read func(r *reader)) error {
	r := &reader{s: raw}
	read(r)
	if r.err != nil {
		return fmt.Errorf("damaged: %w", r.err)
	}
	return nil
}

// cutShort is the damage of chunk k of count notes: every chunk but the
// last holds notesPerChunk.
func (o *opened) cutShort(k, count int) error {
	if k < len(o.chunks)-1 && count != notesPerChunk {
		return errors.New("damaged: a chunk of notes cut short")
	}
	return nil
}

// fileList reads the files, and the body line of the note each gave, -1
// for none.
func (o *opened) fileList() (files []loader.File, noted []int, err error) {
	err = o.blob(o.files, func(r *reader) { files, noted = readFileList(r) })
	return files, noted, err
}

// chunk reads chunk k of the notes' fields, and where their spans are and
// what their texts are known by (see readLater).
func (o *opened) chunk(k int) ([]*model.Note, []textPlace, error) {
	var notes []*model.Note
	var places []textPlace
	err := o.blob(o.chunks[k], func(r *reader) { notes, places = readNoteChunk(r, o.sizes) })
	if err == nil {
		err = o.cutShort(k, len(notes))
	}
	if err != nil {
		return nil, nil, err
	}
	return notes, places, nil
}

// mostTextPerByte is the most text a byte of a file decodes to: an invalid
// byte becomes U+FFFD, three bytes.
const mostTextPerByte = 3

// readLater makes note n read its spans and text on first use, from place
// p. The size of the note's file, in its stamp (which a start checks on
// disk), bounds the text the place may claim: a forged place must not make
// a note that can't be read allocate its claimed lines. A zero stamp is
// one not trusted: every start parses that file again, and never reads
// this note.
func (o *opened) readLater(n *model.Note, p textPlace, stamp loader.Stamp) error {
	if err := fitsFile(p, stamp); err != nil {
		return err
	}
	o.texts.lazyBody(n, p)
	return nil
}

// readNow gives note n its spans and text from place p now, or fails when
// they can't be had as the cache recorded them: its file changed since
// (errStale), or the cache is damaged, which is told as readLater's
// notes tell it.
func (o *opened) readNow(n *model.Note, p textPlace, stamp loader.Stamp) error {
	if err := fitsFile(p, stamp); err != nil {
		return err
	}
	b, err := o.texts.checkedBody(n, p)
	if err != nil {
		o.texts.tell(err)
		return err
	}
	n.SetBody(b.Text, b.Spans)
	return nil
}

// fitsFile checks the text place p claims against the size of its file.
func fitsFile(p textPlace, stamp loader.Stamp) error {
	if stamp != (loader.Stamp{}) && int64(p.length) > mostTextPerByte*max(stamp.Size, 0) {
		return errors.New("damaged: a note longer than its file")
	}
	return nil
}

// indexHead is the index's head, nil when the cache has none.
func (o *opened) indexHead() ([]byte, error) {
	if o.head == nil {
		return nil, nil
	}
	return readBlob(o.file, *o.head)
}

// fetch reads block b of the index's postings: for search.Open.
func (o *opened) fetch(b int) ([]byte, error) {
	if b < 0 || b >= len(o.posting) {
		return nil, errors.New("damaged: no such block of postings")
	}
	raw, err := readBlob(o.file, o.posting[b])
	if err != nil {
		o.texts.tell(err)
	}
	return raw, err
}

// decode reads what a start needs of the opened cache file: its files and
// their notes' fields, and the index's head, every blob on its own core;
// the notes' spans and texts and the index's postings are read on first
// use (see open). Whatever the bytes, it returns an error or
// contents, allocating no more than a bounded multiple of the bytes it
// reads.
func decode(o *opened) (contents, error) {
	c := contents{root: o.header.root, mode: o.header.mode, fetch: o.fetch}
	var noted []int
	chunks := make([][]*model.Note, len(o.chunks))
	places := make([][]textPlace, len(o.chunks))
	errs := make([]error, len(o.chunks)+2)
	cores.Each(len(o.chunks)+2, func(k int) {
		switch k {
		case 0:
			c.files, noted, errs[k] = o.fileList()
		case 1:
			c.indexHead, errs[k] = o.indexHead()
		default:
			chunks[k-2], places[k-2], errs[k] = o.chunk(k - 2)
		}
	})
	for _, err := range errs {
		if err != nil {
			return contents{}, err
		}
	}
	var notes []*model.Note
	var at []textPlace
	for k, ch := range chunks {
		notes = append(notes, ch...)
		at = append(at, places[k]...)
	}
	if err := o.attach(c.files, noted, notes, at); err != nil {
		return contents{}, err
	}
	o.decoded, o.places, c.known = notes, at, o.known
	return c, nil
}

// known is what the cache recorded of the text of note n, when n is one of
// the notes decode gave: a save writes it again without reading the note's
// file (whose stamp the start found unchanged). A damaged block of spans
// gives nothing: the note is then read.
func (o *opened) known(n *model.Note) (noteText, bool) {
	o.placesOnce.Do(func() {
		o.placeOf = make(map[*model.Note]textPlace, len(o.decoded))
		for i, d := range o.decoded {
			o.placeOf[d] = o.places[i]
		}
	})
	p, ok := o.placeOf[n]
	if !ok {
		return noteText{}, false
	}
	spans, err := o.texts.spans(p)
	if err != nil {
		return noteText{}, false
	}
	return noteText{p.textID, spans}, true
}

// attach gives each file that gave a note its note, in order, read later
// from its place.
func (o *opened) attach(files []loader.File, noted []int, notes []*model.Note, places []textPlace) error {
	at := 0
	for i := range files {
		if noted[i] < 0 {
			continue
		}
		if at == len(notes) {
			return errors.New("damaged: fewer notes than files")
		}
		if err := ofFile(notes[at], files[i].Path, noted[i]); err != nil {
			return err
		}
		if err := o.readLater(notes[at], places[at], files[i].Stamp); err != nil {
			return err
		}
		files[i].Note = notes[at]
		at++
	}
	if at != len(notes) {
		return errors.New("damaged: more notes than files")
	}
	return nil
}

// ofFile is the damage of a note read from the cache that is not the one
// the file list says its file gave: another path, or another body line.
func ofFile(n *model.Note, path string, bodyLine int) error {
	if n.Path != path || n.BodyLine != bodyLine {
		return errors.New("damaged: the notes do not match the files")
	}
	return nil
}
