package cache

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"tubenotes/loader"
	"tubenotes/model"
)

// fill sets every field of the value v points to, recursively, to a
// non-zero value that depends on seed, so that a field the encoder forgets
// comes back zero and differs.
func fill(t *testing.T, v reflect.Value, seed *int) {
	t.Helper()
	*seed++
	switch v.Kind() {
	case reflect.String:
		v.SetString("s" + string(rune('a'+*seed%26)) + "é")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(*seed))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(*seed))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(*seed) + 0.5)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[model.Note]() {
			// The text and spans are unexported, behind Text and Spans.
			var body model.Body
			fill(t, reflect.ValueOf(&body).Elem(), seed)
			v.Addr().Interface().(*model.Note).SetBody(body.Text, body.Spans)
		}
		for i := range v.NumField() {
			if v.Type() == reflect.TypeFor[model.Note]() && !v.Type().Field(i).IsExported() {
				continue
			}
			if !v.Type().Field(i).IsExported() {
				t.Fatalf("%s.%s is unexported: the cache can't keep it", v.Type(), v.Type().Field(i).Name)
			}
			fill(t, v.Field(i), seed)
		}
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fill(t, s.Index(i), seed)
		}
		v.Set(s)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		fill(t, p.Elem(), seed)
		v.Set(p)
	case reflect.Map:
		if v.Type() != reflect.TypeFor[map[string]any]() {
			t.Fatalf("a %s field: teach the cache and this test about it", v.Type())
		}
		v.Set(reflect.ValueOf(map[string]any{"title": "t", "n": *seed}))
	default:
		t.Fatalf("a %s field: teach the cache and this test about it", v.Type())
	}
}

// TestEveryFieldRoundTrips fills every field of a note (its sections,
// timestamps and links too) and of a file entry by reflection, and wants
// them back: a field added to the model and not to the format fails here.
func TestEveryFieldRoundTrips(t *testing.T) {
	seed := 0
	var files []loader.File
	for range 3 {
		var f loader.File
		fill(t, reflect.ValueOf(&f).Elem(), &seed)
		fixLines(f.Note)
		f.Path = f.Note.Path // a note is its file's: the decoder checks it
		f.Stamp.Size = int64(len(f.Note.Text()))
		files = append(files, f)
	}
	files = append(files, loader.File{Path: "binary.md", Known: loader.Known{Stamp: loader.Stamp{Size: 4, ModTime: -5}}})
	c, _, err := decodeBytes(encodeBytes(contents{root: "/v", files: files}), textsOf(files))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := eager(c.files), eager(files); !reflect.DeepEqual(got, want) {
		t.Errorf("round trip changed the files:\n got %+v\nwant %+v", got, want)
	}
}

// fixLines gives a filled note a text with as many lines as its parts
// name, and spans that fit it (none), so that the decoder's checks pass.
func fixLines(n *model.Note) {
	most := max(n.FromLine, n.BodyLine)
	for _, s := range n.Sections {
		most = max(most, s.Line)
	}
	for i := range n.Timestamps {
		n.Timestamps[i].Section = -1
		most = max(most, int(n.Timestamps[i].Line))
	}
	for _, l := range n.Links {
		most = max(most, l.Line)
	}
	for i := range n.Sections {
		n.Sections[i].Level = 1 + i%6
	}
	n.SetBody(n.Text()+strings.Repeat("\n", most), nil)
}

// TestTextsAreReadOnDemand: a decoded cache holds no note's text until it
// is asked for, and then only that note's.
func TestTextsAreReadOnDemand(t *testing.T) {
	r, err := loader.Reload(testVaultFS(), loader.Options{}, func() map[string]loader.Known { return nil })
	if err != nil {
		t.Fatal(err)
	}
	c, d, err := decodeBytes(encodeBytes(contents{root: "/v", files: r.Files}), testVaultFS())
	if err != nil {
		t.Fatal(err)
	}
	notes := notesOf(c.files)
	if len(notes) < 3 {
		t.Fatalf("%d notes in the test vault", len(notes))
	}
	for _, n := range notes {
		if n.BodyLoaded() {
			t.Fatalf("%s: text read at decode", n.Path)
		}
	}
	want := notesOf(r.Files)[1]
	if got := notes[1].Text(); got != want.Text() || !slices.Equal(notes[1].Spans(), want.Spans()) {
		t.Errorf("%s: text or spans differ", want.Path)
	}
	loaded := 0
	for _, n := range notes {
		if n.BodyLoaded() {
			loaded++
		}
	}
	if loaded != 1 || d.count() != 0 {
		t.Errorf("%d texts read, %d damages; want 1 and 0", loaded, d.count())
	}
}
