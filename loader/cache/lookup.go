package cache

import (
	"errors"
	"io/fs"
	"sort"
	"sync"
	"weak"

	"tubenotes/loader"
	"tubenotes/model"
	"tubenotes/model/search"
)

// Lookup is a vault's cache opened for one search, when it holds the vault
// as it is on disk: every file is statted and found unchanged, the index's
// head is read, and nothing else until a hit is shown. The index's notes
// are stand-ins that know only their path: Note gives the note itself.
type Lookup struct {
	Index *search.Index

	o      *opened
	notes  []*model.Note  // the stand-ins, in path order
	stamps []loader.Stamp // of their files
	mu     sync.Mutex
	// The chunks and notes read, by number, held weakly: a search of many
	// hits drops each hit's note once printed (and with it, its text and
	// the chunk its strings are in), and a stand-in still gives the same
	// note while any hit holds it.
	chunks  map[int]weak.Pointer[chunkRead]
	read    map[int]weak.Pointer[model.Note]
	reading map[int]*noteReading // the notes being read, by number
	keep    keptChunks
}

// errStale is a cache that does not hold the vault as it is.
var errStale = errors.New("the vault changed since the cache was written")

// OpenLookup opens the cache of the vault at root (fsys is its file
// system) for a search. It fails when there is no usable cache, when the
// cache has no index, or when any file changed, came or went: the caller
// then loads the vault (Load).
func OpenLookup(root string, fsys fs.FS, opts loader.Options) (*Lookup, error) {
	path, err := File(root)
	if err != nil {
		return nil, err
	}
	type walked struct {
		files []loader.File
		err   error
	}
	got := make(chan walked, 1)
	go func() {
		files, err := loader.Stamped(fsys)
		got <- walked{files, err}
	}()
	o, f, err := openFile(path, root, fsys, opts.Timestamps)
	if err != nil {
		<-got
		return nil, err
	}
	var cached []loader.File
	var noted []int
	var head []byte
	if err == nil {
		cached, noted, err = o.fileList()
	}
	if err == nil {
		head, err = o.indexHead()
	}
	w := <-got
	switch {
	case err != nil:
	case w.err != nil:
		err = w.err
	case head == nil:
		err = errors.New("no index")
	case !sameFiles(cached, w.files):
		err = errStale
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	l := &Lookup{o: o, chunks: map[int]weak.Pointer[chunkRead]{}, read: map[int]weak.Pointer[model.Note]{}, reading: map[int]*noteReading{}}
	n := 0
	for _, line := range noted {
		if line >= 0 {
			n++
		}
	}
	// One allocation for the stand-ins, not one each: a vault has tens of
	// thousands of notes, and a search needs a few of them.
	stand := make([]model.Note, n)
	l.notes = make([]*model.Note, 0, n)
	l.stamps = make([]loader.Stamp, 0, n)
	for i, file := range cached {
		if noted[i] >= 0 {
			s := &stand[len(l.notes)]
			s.Path, s.BodyLine = file.Path, noted[i]
			l.notes = append(l.notes, s)
			l.stamps = append(l.stamps, file.Stamp)
		}
	}
	if l.Index, err = search.Open(head, l.notes, o.fetch); err != nil {
		f.Close()
		return nil, err
	}
	return l, nil
}

// sameFiles reports whether the cache recorded exactly the files found
// (in any order: the walk lists them as the folders give them), each with
// a stamp to trust. Looking each up costs a third of sorting them.
func sameFiles(cached, found []loader.File) bool {
	if len(cached) != len(found) {
		return false
	}
	stamps := make(map[string]loader.Stamp, len(cached))
	for _, c := range cached {
		stamps[c.Path] = c.Stamp
	}
	// The paths found are distinct: with as many of them as cached files,
	// a path cached twice leaves one of them not found.
	for _, f := range found {
		if s, ok := stamps[f.Path]; !ok || s != f.Stamp || s == (loader.Stamp{}) {
			return false
		}
	}
	return true
}

// Expect tells the lookup the notes a search will ask for, as its hits
// name them: a chunk read for one of them is then kept (within a budget)
// until the last of them in it is read. Hits come in ranked order, not a
// chunk's, and a chunk held only by the notes read from it would be
// dropped with them and read again for the next (five times over, for a
// word found in half the notes).
func (l *Lookup) Expect(hits []search.Hit) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, h := range hits {
		if i, ok := l.standIn(h.Note); ok {
			l.keep.expect(i, i/notesPerChunk)
		}
	}
}

// standIn is the number of the stand-in n.
func (l *Lookup) standIn(n *model.Note) (int, bool) {
	i := sort.Search(len(l.notes), func(i int) bool { return l.notes[i].Path >= n.Path })
	return i, i < len(l.notes) && l.notes[i] == n
}

// Note is the note the stand-in n of the index names: its fields read
// from the cache, its text from its file, which must still hold the text
// the note was made of. Of its chunk, only its own fields are read. It is
// safe to call from several goroutines at once: a search reads the notes
// of its hits on every core, and the hits of one note asked for at once
// wait for one reading of it (a note may be 64 MB).
func (l *Lookup) Note(n *model.Note) (*model.Note, error) {
	i, ok := l.standIn(n)
	if !ok {
		return nil, errors.New("not a note of this cache's index")
	}
	l.mu.Lock()
	if read := l.read[i].Value(); read != nil {
		l.mu.Unlock()
		return read, nil
	}
	r := l.reading[i]
	if r == nil {
		r = &noteReading{}
		l.reading[i] = r
	}
	l.mu.Unlock()
	r.once.Do(func() {
		var c *chunkRead
		r.note, c, r.err = l.readNote(i, n)
		l.mu.Lock()
		defer l.mu.Unlock()
		delete(l.reading, i)
		if r.err == nil {
			l.keep.noteRead(i, i/notesPerChunk, c)
			l.read[i] = weak.Make(r.note)
		}
	})
	return r.note, r.err
}

// noteReading is a note being read for the hits that asked for it.
type noteReading struct {
	once sync.Once
	note *model.Note
	err  error
}

// readNote reads note i, of stand-in n, and gives the chunk its fields
// are in.
func (l *Lookup) readNote(i int, n *model.Note) (*model.Note, *chunkRead, error) {
	k, j := i/notesPerChunk, i%notesPerChunk
	if k >= len(l.o.chunks) {
		return nil, nil, errors.New("damaged: fewer notes than files")
	}
	l.mu.Lock()
	c := l.chunks[k].Value()
	if c == nil {
		c = &chunkRead{}
		l.chunks[k] = weak.Make(c)
	}
	l.mu.Unlock()
	c.once.Do(func() { c.raw, c.err = l.o.blobString(l.o.chunks[k]) })
	if c.err != nil {
		return nil, nil, c.err
	}
	var read *model.Note
	var place textPlace
	var count int
	err := readString(c.raw, func(r *reader) { read, place, count = noteInChunk(r, j, l.o.sizes) })
	if err == nil {
		err = l.o.cutShort(k, count)
	}
	if err == nil {
		err = ofFile(read, n.Path, n.BodyLine)
	}
	// Its text is read now, to be refused when its file changed since the
	// lookup checked the vault: a search must then answer from the vault
	// loaded again, not print a hit the text may no longer hold.
	if err == nil {
		err = l.o.readNow(read, place, l.stamps[i])
	}
	if err != nil {
		return nil, nil, err
	}
	return read, c, nil
}

// chunkRead is a chunk of notes' fields read once, decompressed.
type chunkRead struct {
	once sync.Once
	raw  string
	err  error
}
