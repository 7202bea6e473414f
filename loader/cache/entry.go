package cache

import (
	"tubenotes/loader"
	"tubenotes/model"
)

// A chunk of entries is a count, then for each file (loader.File): path,
// size, modification time, problems (path, message), then 0 when it gave
// no note, else 1 and the note's fields: path and text first, then the
// others in the order of model.Note, lists as a count and then their
// items' fields in the order of their types. A string that is a part of
// the note's text (a title, a heading, a link's target, a timestamp as
// written: the loader makes them so) is written as where it is in the
// text, and read back as that part of it, sharing its memory.
// Every field is written: the round-trip test fills each by reflection, so
// a field added to the model and not here fails it. Change anything here
// and bump formatVersion.

func appendFiles(w *writer, files []loader.File) {
	w.uvarint(uint64(len(files)))
	for _, f := range files {
		appendFile(w, f)
	}
}

func appendFile(w *writer, f loader.File) {
	w.str(f.Path)
	w.varint(f.Stamp.Size)
	w.varint(f.Stamp.ModTime)
	w.uvarint(uint64(len(f.Problems)))
	for _, p := range f.Problems {
		w.str(p.Path)
		w.str(p.Message)
	}
	if f.Note == nil {
		w.bool(false)
		return
	}
	w.bool(true)
	appendNote(w, f.Note)
}

func appendNote(w *writer, n *model.Note) {
	w.str(n.Path)
	w.str(n.Text())
	t := n.Text()
	w.sub(t, n.Channel)
	w.int(n.FromLine)
	w.sub(t, n.Title)
	w.sub(t, n.VideoID)
	w.int(n.BodyLine)
	w.uvarint(uint64(len(n.Sections)))
	for _, s := range n.Sections {
		w.sub(t, s.Title)
		w.int(s.Level)
		w.int(s.Line)
	}
	w.uvarint(uint64(len(n.Timestamps)))
	for _, ts := range n.Timestamps {
		w.sub(t, ts.Raw)
		w.int(int(ts.Seconds))
		w.int(int(ts.Line))
		w.int(int(ts.Section))
		w.bool(ts.Valid)
		w.bool(ts.Doubtful)
	}
	w.uvarint(uint64(len(n.Links)))
	for _, l := range n.Links {
		w.sub(t, l.Target)
		w.sub(t, l.Heading)
		w.sub(t, l.Label)
		w.int(l.Line)
		w.str(l.Resolved)
	}
	w.uvarint(uint64(len(n.Spans())))
	for _, sp := range n.Spans() {
		w.uvarint(uint64(sp))
	}
}

// readFiles reads a chunk written by appendFiles.
func readFiles(r *reader) ([]loader.File, error) {
	// An entry takes 6 bytes or more: path, size, time, problems, note flag.
	files := make([]loader.File, r.count(6))
	for i := range files {
		readEntry(r, &files[i])
		if r.err != nil {
			return nil, r.err
		}
	}
	if r.err == nil && r.s != "" {
		r.fail() // bytes after the last entry
	}
	return files, r.err
}

func readEntry(r *reader, f *loader.File) {
	f.Path = r.str()
	f.Stamp = loader.Stamp{Size: r.varint(), ModTime: r.varint()}
	if n := r.count(2); n > 0 {
		f.Problems = make([]model.Problem, n)
		for i := range f.Problems {
			f.Problems[i] = model.Problem{Path: r.str(), Message: r.str()}
		}
	}
	if r.bool() {
		f.Note = readNote(r)
	}
}

func readNote(r *reader) *model.Note {
	n := &model.Note{Path: r.str()}
	t := r.str()
	n.Channel = r.sub(t)
	n.FromLine = r.int()
	n.Title = r.sub(t)
	n.VideoID = r.sub(t)
	n.BodyLine = r.int()
	if c := r.count(3); c > 0 {
		n.Sections = make([]model.Section, c)
		for i := range n.Sections {
			n.Sections[i] = model.Section{Title: r.sub(t), Level: r.int(), Line: r.int()}
		}
	}
	if c := r.count(5); c > 0 {
		n.Timestamps = make([]model.Timestamp, c)
		for i := range n.Timestamps {
			n.Timestamps[i] = model.Timestamp{Raw: r.sub(t), Seconds: int32(r.int()), Line: int32(r.int()), Section: int32(r.int()), Valid: r.bool(), Doubtful: r.bool()}
		}
	}
	if c := r.count(5); c > 0 {
		n.Links = make([]model.Link, c)
		for i := range n.Links {
			n.Links[i] = model.Link{Target: r.sub(t), Heading: r.sub(t), Label: r.sub(t), Line: r.int(), Resolved: r.str()}
		}
	}
	var spans []uint16
	if c := r.count(1); c > 0 {
		spans = make([]uint16, c)
		for i := range spans {
			v := r.uvarint()
			if v > 1<<16-1 {
				r.fail()
			}
			spans[i] = uint16(v)
		}
	}
	return n.SetBody(t, spans)
}
