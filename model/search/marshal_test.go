package search

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
	"tubenotes/model"
)

// generatedNotes are the notes of a small generated vault, in path order.
func generatedNotes(t *testing.T, n int) []*model.Note {
	t.Helper()
	v, err := loader.Load(loadtest.Generate(n, 3), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return v.Notes
}

func TestMarshalRoundTrip(t *testing.T) {
	notes := generatedNotes(t, 300)
	ix := Build(notes)
	data := ix.AppendBinary(nil)
	back, err := UnmarshalIndex(string(data), notes)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(back.AppendBinary(nil), data) {
		t.Error("the index read back writes other bytes")
	}
	q, _ := Parse(`"` + strings.Join(Tokens(notes[5].Title)[:2], " ") + `"`)
	if got, want := hitPaths(back.Search(q)), hitPaths(ix.Search(q)); !slices.Equal(got, want) || len(want) == 0 {
		t.Errorf("search after a round trip: %v, want %v", got, want)
	}
}

func hitPaths(r Result) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.Note.Path+":"+string(rune('0'+h.Line%10)))
	}
	return out
}

// TestUnmarshalRejects: data for other notes, and data cut anywhere, give
// ErrBadIndex, never an index.
func TestUnmarshalRejects(t *testing.T) {
	notes := generatedNotes(t, 40)
	data := Build(notes).AppendBinary(nil)
	if _, err := UnmarshalIndex(string(data), notes[1:]); err != ErrBadIndex {
		t.Errorf("fewer notes: %v", err)
	}
	for cut := 0; cut < len(data); cut += 1 + cut/7 {
		if _, err := UnmarshalIndex(string(data[:cut]), notes); err != ErrBadIndex {
			t.Fatalf("cut at %d of %d: %v", cut, len(data), err)
		}
	}
}

// TestPatchIsBuild: patching the index of a vault after notes changed,
// came and went gives byte for byte the index Build makes of the new notes.
func TestPatchIsBuild(t *testing.T) {
	before := generatedNotes(t, 200)
	old := Build(before)
	// the note parsed again after an edit, so that its spans fit its text
	editedNote, _ := loader.ParseNote(before[7].Path, []byte(strings.Replace(before[7].Text(), "\n\n", "\n\nA quite unheardof word here.\n\n", 1)), loader.TimestampsAuto)
	edited := *editedNote
	for _, tc := range []struct {
		name  string
		notes []*model.Note
		from  []int32
	}{
		{"nothing changed", before, identity(len(before))},
		{"one note edited", with(before, 7, &edited), edited7(len(before))},
		{"one note gone", slices.Delete(slices.Clone(before), 20, 21), gone20(len(before))},
		{"one note came", slices.Insert(slices.Clone(before), 50, &edited), slices.Insert(identity(len(before)), 50, -1)},
		{"every note new", before, minusOnes(len(before))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Patch(old, tc.notes, tc.from)
			if want := Build(tc.notes).AppendBinary(nil); !bytes.Equal(got.AppendBinary(nil), want) {
				t.Error("patched index differs from a built one")
			}
			if _, err := UnmarshalIndex(unsafeString(got.AppendBinary(nil)), tc.notes); err != nil {
				t.Errorf("patched index does not read back: %v", err)
			}
		})
	}
}

func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

func identity(n int) []int32 {
	out := make([]int32, n)
	for i := range out {
		out[i] = int32(i)
	}
	return out
}

func minusOnes(n int) []int32 {
	out := make([]int32, n)
	for i := range out {
		out[i] = -1
	}
	return out
}

func with(notes []*model.Note, i int, n *model.Note) []*model.Note {
	out := slices.Clone(notes)
	out[i] = n
	return out
}

func edited7(n int) []int32 {
	out := identity(n)
	out[7] = -1
	return out
}

func gone20(n int) []int32 {
	return slices.Delete(identity(n), 20, 21)
}
