package cache

import (
	"reflect"
	"testing"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
)

// FuzzNoteInChunk holds noteInChunk, which a search uses to read one note
// of a chunk of fields, to readNoteChunk, which a start uses to read them
// all: whatever the bytes, it never panics, and when the whole chunk reads,
// each note read alone is the same note at the same place.
func FuzzNoteInChunk(f *testing.F) {
	r, err := loader.Reload(loadtest.Generate(notesPerChunk, 1), loader.Options{}, func() map[string]loader.Known { return nil })
	if err != nil {
		f.Fatal(err)
	}
	notes := notesOf(r.Files)
	texts := make([]noteText, len(notes))
	for i, n := range notes {
		texts[i] = textOf(n.Peek())
	}
	spans := spanBlocks(texts)
	sizes := make([]int, len(spans.blocks))
	for i, b := range spans.blocks {
		sizes[i] = len(appendSpanBlock(nil, texts[b[0]:b[1]]))
	}
	good := appendNoteChunk(nil, notes, texts, spans, 0)
	if all, _ := readNoteChunk(&reader{s: string(good)}, sizes); len(all) != len(notes) {
		f.Fatalf("the chunk written reads back as %d notes, want %d", len(all), len(notes))
	}
	f.Add(good, 0)
	f.Add(good, notesPerChunk-1)
	f.Add(good[:len(good)/2], 3)
	f.Add(appendNoteChunk(nil, notes[:1], texts[:1], spans, 0), 0)
	f.Fuzz(func(t *testing.T, data []byte, j int) {
		if j < 0 {
			return
		}
		whole := &reader{s: string(data)}
		all, places := readNoteChunk(whole, sizes)
		one := &reader{s: string(data)}
		n, p, count := noteInChunk(one, j, sizes)
		if whole.err != nil || j >= len(all) {
			return // noteInChunk may read a note of a chunk damaged elsewhere
		}
		if one.err != nil || count != len(all) || !reflect.DeepEqual(n, all[j]) || p != places[j] {
			t.Fatalf("note %d alone: %v, %d notes, %+v; in the whole chunk: %+v", j, one.err, count, n, all[j])
		}
	})
}
