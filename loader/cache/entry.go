package cache

import (
	"fmt"
	"maps"
	"slices"
	"time"

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
	stamp := f.Stamp
	if f.Note != nil && !metaFits(f.Note.Meta, 0) {
		// A frontmatter value of a kind this format does not know: keep
		// the note without its frontmatter, and a stamp that never matches,
		// so the next load parses the file again.
		stamp = loader.Stamp{}
	}
	w.varint(stamp.Size)
	w.varint(stamp.ModTime)
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
	appendNote(w, f.Note, stamp == f.Stamp)
}

func appendNote(w *writer, n *model.Note, withMeta bool) {
	w.str(n.Path)
	w.str(n.Text)
	t := n.Text
	w.sub(t, n.Channel)
	w.int(n.FromLine)
	w.sub(t, n.Title)
	w.sub(t, n.VideoID)
	if withMeta {
		appendMeta(w, n.Meta)
	} else {
		appendMeta(w, nil)
	}
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
	}
	w.uvarint(uint64(len(n.Links)))
	for _, l := range n.Links {
		w.sub(t, l.Target)
		w.sub(t, l.Heading)
		w.sub(t, l.Label)
		w.int(l.Line)
		w.str(l.Resolved)
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
	n := &model.Note{Path: r.str(), Text: r.str()}
	t := n.Text
	n.Channel = r.sub(t)
	n.FromLine = r.int()
	n.Title = r.sub(t)
	n.VideoID = r.sub(t)
	n.Meta = readMeta(r)
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
			n.Timestamps[i] = model.Timestamp{Raw: r.sub(t), Seconds: int32(r.int()), Line: int32(r.int()), Section: int32(r.int()), Valid: r.bool()}
		}
	}
	if c := r.count(5); c > 0 {
		n.Links = make([]model.Link, c)
		for i := range n.Links {
			n.Links[i] = model.Link{Target: r.sub(t), Heading: r.sub(t), Label: r.sub(t), Line: r.int(), Resolved: r.str()}
		}
	}
	return n
}

// Frontmatter values are a tag, then the value. The kinds are those YAML
// gives when it decodes into an any.
const (
	metaNil = iota
	metaFalse
	metaTrue
	metaInt
	metaInt64
	metaUint64
	metaFloat
	metaString
	metaList
	metaMap
	metaTime
	metaAbsent // Note.Meta is nil, not an empty map
)

// maxMetaDepth bounds the nesting of frontmatter lists and maps the format
// keeps, so a decoder's recursion is bounded too.
const maxMetaDepth = 32

// metaFits reports whether every frontmatter value is of a kind the format
// keeps.
func metaFits(v any, depth int) bool {
	if depth > maxMetaDepth {
		return false
	}
	switch v := v.(type) {
	case nil, bool, int, int64, uint64, float64, string, time.Time:
		return true
	case []any:
		for _, x := range v {
			if !metaFits(x, depth+1) {
				return false
			}
		}
		return true
	case map[string]any:
		for _, x := range v {
			if !metaFits(x, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

func appendMeta(w *writer, meta map[string]any) {
	if meta == nil {
		w.uvarint(metaAbsent)
		return
	}
	appendValue(w, meta)
}

// appendValue writes v, which metaFits.
func appendValue(w *writer, v any) {
	switch v := v.(type) {
	case nil:
		w.uvarint(metaNil)
	case bool:
		if v {
			w.uvarint(metaTrue)
		} else {
			w.uvarint(metaFalse)
		}
	case int:
		w.uvarint(metaInt)
		w.varint(int64(v))
	case int64:
		w.uvarint(metaInt64)
		w.varint(v)
	case uint64:
		w.uvarint(metaUint64)
		w.uvarint(v)
	case float64:
		w.uvarint(metaFloat)
		w.float(v)
	case string:
		w.uvarint(metaString)
		w.str(v)
	case time.Time:
		w.uvarint(metaTime)
		b, err := v.MarshalBinary()
		if err != nil {
			panic(fmt.Sprintf("cache: a time metaFits accepted: %v", err))
		}
		w.str(string(b))
	case []any:
		w.uvarint(metaList)
		w.uvarint(uint64(len(v)))
		for _, x := range v {
			appendValue(w, x)
		}
	case map[string]any:
		w.uvarint(metaMap)
		w.uvarint(uint64(len(v)))
		for _, k := range slices.Sorted(maps.Keys(v)) { // the same bytes each time
			w.str(k)
			appendValue(w, v[k])
		}
	default:
		panic(fmt.Sprintf("cache: a %T metaFits accepted", v))
	}
}

func readMeta(r *reader) map[string]any {
	if len(r.s) > 0 && r.s[0] == metaAbsent {
		r.s = r.s[1:]
		return nil
	}
	if m, ok := readValue(r, 0).(map[string]any); ok {
		return m
	}
	r.fail()
	return nil
}

func readValue(r *reader, depth int) any {
	if depth > maxMetaDepth {
		r.fail()
		return nil
	}
	switch tag := r.uvarint(); tag {
	case metaNil:
		return nil
	case metaFalse:
		return false
	case metaTrue:
		return true
	case metaInt:
		return int(r.varint())
	case metaInt64:
		return r.varint()
	case metaUint64:
		return r.uvarint()
	case metaFloat:
		return r.float()
	case metaString:
		return r.str()
	case metaTime:
		var t time.Time
		if err := t.UnmarshalBinary([]byte(r.str())); err != nil {
			r.fail()
		}
		return t
	case metaList:
		n := r.count(1)
		if n == 0 {
			return []any{}
		}
		list := make([]any, n)
		for i := range list {
			list[i] = readValue(r, depth+1)
		}
		return list
	case metaMap:
		n := r.count(2)
		m := make(map[string]any, n)
		for range n {
			k := r.str()
			m[k] = readValue(r, depth+1)
		}
		return m
	default:
		r.fail()
		return nil
	}
}
