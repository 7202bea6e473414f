package cache

import (
	"runtime"
	"strings"
	"testing"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
	"tubenotes/model/search"
)

// TestExpectKeepsAChunkForItsLaterNotes: a chunk read for one expected
// note outlives that note, until the last expected note of it is read;
// without Expect it goes with the note (the weak pointer empties).
func TestExpectKeepsAChunkForItsLaterNotes(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	root := t.TempDir()
	for name, f := range loadtest.Generate(2*notesPerChunk, 1) {
		writeNote(t, root, name, string(f.Data))
	}
	warmUp(t, root)
	for _, expect := range []bool{false, true} {
		lk, err := OpenLookup(root, loader.Dir(root), loader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		first, second := lk.notes[0], lk.notes[1] // both of chunk 0
		if expect {
			lk.Expect([]search.Hit{{Note: first}, {Note: lk.notes[notesPerChunk]}, {Note: first}, {Note: second}})
		}
		if _, err := lk.Note(first); err != nil {
			t.Fatal(err)
		}
		runtime.GC() // the note read is garbage now
		runtime.GC()
		kept := lk.chunks[0].Value() != nil
		if kept != expect {
			t.Fatalf("expect %v: chunk 0 kept %v after its first note was dropped", expect, kept)
		}
		if !expect {
			continue
		}
		if _, err := lk.Note(second); err != nil {
			t.Fatal(err)
		}
		if held := lk.keep.held[0]; held != nil || lk.keep.bytes != 0 {
			t.Fatalf("chunk 0 still held (%d bytes) after its last expected note", lk.keep.bytes)
		}
	}
}

// TestKeptChunksBudget: chunks are kept only while their bytes fit the
// budget, and each let go gives its bytes back.
func TestKeptChunksBudget(t *testing.T) {
	var kc keptChunks
	big := &chunkRead{raw: strings.Repeat("x", keptChunkBytes/2+1)}
	for k := range 3 {
		kc.expect(2*k, k)
		kc.expect(2*k+1, k)
	}
	kc.noteRead(0, 0, big)
	kc.noteRead(2, 1, big) // over the budget: not kept
	if len(kc.held) != 1 || kc.held[0] != big || kc.bytes != len(big.raw) {
		t.Fatalf("held %d chunks, %d bytes; want chunk 0 alone", len(kc.held), kc.bytes)
	}
	kc.noteRead(0, 0, big) // read again: counted once
	if kc.pending[0] != 1 {
		t.Fatalf("chunk 0 waits for %d notes, want 1", kc.pending[0])
	}
	kc.noteRead(1, 0, big)
	kc.noteRead(4, 2, big) // room again
	if len(kc.held) != 1 || kc.held[2] != big || kc.bytes != len(big.raw) {
		t.Fatalf("held %v, %d bytes; want chunk 2 alone", kc.held, kc.bytes)
	}
	kc.noteRead(99, 2, big) // not expected: no change
	if kc.pending[2] != 1 {
		t.Fatalf("a note not expected changed chunk 2's count to %d", kc.pending[2])
	}
}
