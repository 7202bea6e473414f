package cache

import (
	"hash/crc32"
	"unsafe"

	"tubenotes/loader"
	"tubenotes/model"
)

// The files blob is a count, then for each file (loader.File): path, size,
// modification time, change time, problems (path, message), and 0 when it
// gave no note, else its note's body line plus one (what a search that
// reads no note's fields checks the index against: Lookup).
// The notes of the files that gave one follow in chunks (appendNoteChunk)
// and their spans in blocks (appendSpanBlock). A note's text is not kept:
// it is its file's, read again when it is asked for, and the chunk holds
// its length and checksum, so that a file whose text is no longer the one
// the note was made of is told apart (textSource). Every field is
// written: the round-trip test fills each by reflection, so a field added
// to the model and not here fails it. Change anything here and bump
// formatVersion.

// notesPerChunk is how many notes' fields a chunk holds: chunks are
// decoded on every core, and a search decompresses the chunk of each hit
// it prints, to read that one note of it (16 rather than 64: a search of
// 20,000 notes costs 5% less, the cache is 3% larger, a warm start the
// same; 8 measured no different from 16).
const notesPerChunk = 16

// spanBlockBytes is about how many bytes of spans a block holds. A note's
// spans are read by decompressing their block: small blocks make that
// quick (a search reads the blocks of its hits only), large ones compress
// better.
const spanBlockBytes = 16 << 10

func appendFileList(b []byte, files []loader.File) []byte {
	w := writer{b: b}
	w.uvarint(uint64(len(files)))
	for _, f := range files {
		w.str(f.Path)
		w.varint(f.Stamp.Size)
		w.varint(f.Stamp.ModTime)
		w.varint(f.Stamp.Change)
		w.uvarint(uint64(len(f.Problems)))
		for _, p := range f.Problems {
			w.str(p.Path)
			w.str(p.Message)
		}
		if f.Note == nil {
			w.uvarint(0)
		} else {
			w.uvarint(uint64(f.Note.BodyLine) + 1)
		}
	}
	return w.b
}

// readFileList reads the files blob, and the body line of the note each
// file gave, -1 for none (their Note is left nil: the notes come in
// chunks).
func readFileList(r *reader) ([]loader.File, []int) {
	// An entry takes 6 bytes or more: path, size, two times, problems, note.
	files := make([]loader.File, r.count(6))
	noted := make([]int, len(files))
	for i := range files {
		f := &files[i]
		f.Path = r.str()
		f.Stamp = loader.Stamp{Size: r.varint(), ModTime: r.varint(), Change: r.varint()}
		if n := r.count(2); n > 0 {
			f.Problems = make([]model.Problem, n)
			for i := range f.Problems {
				f.Problems[i] = model.Problem{Path: r.str(), Message: r.str()}
			}
		}
		noted[i] = int(min(r.uvarint(), 1<<31)) - 1
		if r.err != nil {
			return nil, nil
		}
	}
	if r.s != "" {
		r.fail()
	}
	return files, noted
}

func notesOf(files []loader.File) []*model.Note {
	var notes []*model.Note
	for _, f := range files {
		if f.Note != nil {
			notes = append(notes, f.Note)
		}
	}
	return notes
}

// noteChunks cuts n notes into ranges of notesPerChunk.
func noteChunks(n int) [][2]int {
	var out [][2]int
	for start := 0; start < n; start += notesPerChunk {
		out = append(out, [2]int{start, min(start+notesPerChunk, n)})
	}
	return out
}

// spanLayout is where each note's spans go: blocks are ranges of notes, and
// a note's spans (two bytes each, little endian) start at its offset in
// its block.
type spanLayout struct {
	blocks [][2]int
	block  []int32
	offset []int32
}

func spanBlocks(texts []noteText) spanLayout {
	l := spanLayout{block: make([]int32, len(texts)), offset: make([]int32, len(texts))}
	start, size := 0, 0
	for i, t := range texts {
		if i > start && size+2*len(t.spans) > spanBlockBytes {
			l.blocks = append(l.blocks, [2]int{start, i})
			start, size = i, 0
		}
		l.block[i], l.offset[i] = int32(len(l.blocks)), int32(size)
		size += 2 * len(t.spans)
	}
	if start < len(texts) {
		l.blocks = append(l.blocks, [2]int{start, len(texts)})
	}
	return l
}

func appendSpanBlock(b []byte, texts []noteText) []byte {
	for _, t := range texts {
		for _, v := range t.spans {
			b = append(b, byte(v), byte(v>>8))
		}
	}
	return b
}

// appendNoteChunk writes the fields of notes (with texts, what their texts
// are known by), which are the vault's notes from first on, their spans
// laid out in spans: the count, each note's size, then each note (so that
// a search reads the one note it needs of a chunk, noteInChunk).
func appendNoteChunk(b []byte, notes []*model.Note, texts []noteText, spans spanLayout, first int) []byte {
	var each writer
	ends := make([]int, len(notes))
	for i, n := range notes {
		appendNote(&each, n, texts[i], spans.block[first+i], spans.offset[first+i])
		ends[i] = len(each.b)
	}
	w := writer{b: b}
	w.uvarint(uint64(len(notes)))
	start := 0
	for _, end := range ends {
		w.uvarint(uint64(end - start))
		start = end
	}
	w.b = append(w.b, each.b...)
	return w.b
}

func appendNote(w *writer, n *model.Note, text noteText, block, offset int32) {
	w.str(n.Path)
	w.str(n.Channel)
	w.int(n.FromLine)
	w.str(n.Title)
	w.str(n.VideoID)
	w.int(n.BodyLine)
	w.int(text.lines)
	w.uvarint(uint64(len(n.Sections)))
	for _, s := range n.Sections {
		w.str(s.Title)
		w.int(s.Level)
		w.int(s.Line)
	}
	w.uvarint(uint64(len(n.Timestamps)))
	for _, ts := range n.Timestamps {
		w.str(ts.Raw)
		w.int(int(ts.Seconds))
		w.int(int(ts.Line))
		w.int(int(ts.Section))
		w.bool(ts.Valid)
		w.bool(ts.Doubtful)
	}
	w.uvarint(uint64(len(n.Links)))
	for _, l := range n.Links {
		w.str(l.Target)
		w.str(l.Heading)
		w.str(l.Label)
		w.int(l.Line)
		w.str(l.Resolved)
	}
	w.uvarint(uint64(text.length))
	w.uint32(text.sum)
	w.uvarint(uint64(block))
	w.uvarint(uint64(offset))
	w.uvarint(uint64(len(text.spans)))
}

// textID is what a note's text is known by: its length, lines and
// checksum. A file's text is taken for a note's when their IDs are equal.
type textID struct {
	length, lines int
	sum           uint32
}

func idOf(text string) textID {
	sum := crc32.Update(0, castagnoli, unsafe.Slice(unsafe.StringData(text), len(text)))
	return textID{length: len(text), lines: lineCount(text), sum: sum}
}

// noteText is what a cache keeps of a note's text: its ID and the note's
// spans.
type noteText struct {
	textID
	spans []uint16
}

func textOf(b model.Body) noteText { return noteText{idOf(b.Text), b.Spans} }

// textPlace is what a note's text is known by and where its spans are
// (block, offset, count).
type textPlace struct {
	textID
	block, offset int
	spans         int
}

// noteSizes reads a chunk's count and the size of each of its notes,
// leaving r at the first note.
func noteSizes(r *reader) []int {
	// A note takes 14 bytes or more, and its size one.
	sizes := make([]int, r.count(15))
	total := 0
	for i := range sizes {
		sizes[i] = int(min(r.uvarint(), 1<<31))
		if sizes[i] < 14 {
			r.fail()
		}
		total += sizes[i]
	}
	if r.err != nil || total > len(r.s) {
		r.fail()
		return nil
	}
	return sizes
}

// readNoteChunk reads a chunk written by appendNoteChunk.
func readNoteChunk(r *reader, blockSizes []int) ([]*model.Note, []textPlace) {
	sizes := noteSizes(r)
	notes := make([]*model.Note, len(sizes))
	places := make([]textPlace, len(sizes))
	for i, size := range sizes {
		notes[i], places[i] = readNote(r, size, blockSizes)
		if r.err != nil {
			return nil, nil
		}
	}
	if r.s != "" {
		r.fail()
	}
	return notes, places
}

// noteInChunk reads note j of a chunk written by appendNoteChunk, and the
// chunk's count of notes, without reading the others.
func noteInChunk(r *reader, j int, blockSizes []int) (*model.Note, textPlace, int) {
	sizes := noteSizes(r)
	if j >= len(sizes) {
		r.fail()
		return nil, textPlace{}, 0
	}
	skip := 0
	for _, size := range sizes[:j] {
		skip += size
	}
	r.s = r.s[skip:] // noteSizes checked the sizes against the bytes
	n, p := readNote(r, sizes[j], blockSizes)
	return n, p, len(sizes)
}

// readNote reads one note of size bytes written by appendNote. Every number
// a reader of the note may index with is checked here, against the note's
// line count (its text, when read, must have the length and checksum
// recorded, so it has the lines) and the sizes of the span blocks.
func readNote(whole *reader, size int, blockSizes []int) (*model.Note, textPlace) {
	r := &reader{s: whole.s[:size]}
	whole.s = whole.s[size:]
	n := &model.Note{Path: r.str(), Channel: r.str(), FromLine: r.int(), Title: r.str(), VideoID: r.str(), BodyLine: r.int()}
	var p textPlace
	p.lines = r.int()
	line := func(l int) bool { return l >= 0 && l <= p.lines }
	ok := p.lines >= 1 && line(n.FromLine) && line(n.BodyLine)
	if c := r.count(3); c > 0 {
		n.Sections = make([]model.Section, c)
		for i := range n.Sections {
			s := model.Section{Title: r.str(), Level: r.int(), Line: r.int()}
			ok = ok && line(s.Line) && s.Level >= 1 && s.Level <= 6
			n.Sections[i] = s
		}
	}
	if c := r.count(7); c > 0 {
		n.Timestamps = make([]model.Timestamp, c)
		for i := range n.Timestamps {
			ts := model.Timestamp{Raw: r.str(), Seconds: int32(r.int()), Line: int32(r.int()), Section: int32(r.int()), Valid: r.bool(), Doubtful: r.bool()}
			ok = ok && line(int(ts.Line)) && ts.Section >= -1 && int(ts.Section) < len(n.Sections)
			n.Timestamps[i] = ts
		}
	}
	if c := r.count(5); c > 0 {
		n.Links = make([]model.Link, c)
		for i := range n.Links {
			l := model.Link{Target: r.str(), Heading: r.str(), Label: r.str(), Line: r.int(), Resolved: r.str()}
			ok = ok && line(l.Line)
			n.Links[i] = l
		}
	}
	p.length, p.sum = int(min(r.uvarint(), 1<<40)), r.uint32()
	p.block, p.offset, p.spans = int(min(r.uvarint(), 1<<31)), int(min(r.uvarint(), 1<<31)), int(min(r.uvarint(), 1<<31))
	ok = ok && p.length >= p.lines-1 && p.block < len(blockSizes) && p.offset <= blockSizes[p.block] &&
		p.spans <= (blockSizes[p.block]-p.offset)/2
	if !ok || r.s != "" {
		r.fail()
	}
	if r.err != nil {
		whole.err = r.err
		return nil, textPlace{}
	}
	return n, p
}
