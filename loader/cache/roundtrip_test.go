package cache

import (
	"reflect"
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
		files = append(files, f)
	}
	files = append(files, loader.File{Path: "binary.md", Known: loader.Known{Stamp: loader.Stamp{Size: 4, ModTime: -5}}})
	var w writer
	appendFiles(&w, files)
	got, err := readFiles(&reader{s: string(w.b)})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, files) {
		t.Errorf("round trip changed the files:\n got %+v\nwant %+v", got, files)
	}
}

// TestPartsOfTheTextShareIt: what the loader cut out of a note's text
// comes back as parts of the decoded text, not copies, and equal.
func TestPartsOfTheTextShareIt(t *testing.T) {
	r, err := loader.Reload(testVaultFS(), loader.Options{}, func() map[string]loader.Known { return nil })
	if err != nil {
		t.Fatal(err)
	}
	var w writer
	appendFiles(&w, r.Files)
	got, err := readFiles(&reader{s: string(w.b)})
	if err != nil {
		t.Fatal(err)
	}
	want := r.Files
	for i := range want {
		if len(want[i].Problems) == 0 {
			want[i].Problems = nil // the loader's empty list reads back as none
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("round trip changed the test vault's files")
	}
	shared := 0
	for _, f := range got {
		if f.Note == nil {
			continue
		}
		for _, ts := range f.Note.Timestamps {
			if _, ok := offsetIn(f.Note.Text(), ts.Raw); !ok {
				t.Errorf("%s: timestamp %q is a copy", f.Path, ts.Raw)
			}
			shared++
		}
	}
	if shared == 0 {
		t.Error("the test vault has no timestamps to check")
	}
}
