package cache

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
	"tubenotes/model"
)

// TestForgedPathIsRefused: a cache whose checksum is right but whose note
// names another file than the one that gave it is refused as damaged, as a
// search's lookup refuses it (Lookup.Note): taken, it printed the forged
// path, and read that file for the note's text.
func TestForgedPathIsRefused(t *testing.T) {
	r, err := loader.Reload(testVaultFS(), loader.Options{}, func() map[string]loader.Known { return nil })
	if err != nil {
		t.Fatal(err)
	}
	texts := textsOf(r.Files)
	for i, f := range r.Files {
		if f.Note == nil {
			continue
		}
		files := slices.Clone(r.Files)
		forged := *f.Note
		forged.Path += "x"
		files[i].Note = &forged
		_, _, err := decodeBytes(encodeBytes(contents{root: "/v", files: files}), texts)
		if want := "damaged: the notes do not match the files"; err == nil || err.Error() != want {
			t.Fatalf("%s named %s: error %v, want %q", f.Path, forged.Path, err, want)
		}
		return
	}
	t.Fatal("the test vault has no note")
}

// TestForgedNumbersAreRefused: a cache whose checksum is right but whose
// spans, lines or section numbers do not fit a note's text (forged, or
// written by a faulty version) is refused as damaged, and nothing of it
// reaches a reader.
func TestForgedNumbersAreRefused(t *testing.T) {
	r, err := loader.Reload(testVaultFS(), loader.Options{}, func() map[string]loader.Known { return nil })
	if err != nil {
		t.Fatal(err)
	}
	text := "# Intro\nAt <a class=\"yt-timestamp\" data-t=\"00:00:05\">[00:00:05]</a> see [[alpha]].\n" +
		"## More\n<a class=\"yt-timestamp\" data-t=\"00:01:00\">[00:01:00]</a> and [x](http://e/).\n"
	note, _ := loader.ParseNote("ch/forge.md", []byte(text), loader.TimestampMode(0))
	if note == nil || len(note.Timestamps) != 2 || len(note.Links) != 1 || len(note.Sections) != 2 {
		t.Fatalf("the note to forge parsed as %+v", note)
	}
	victim := len(r.Files)
	r.Files = append(r.Files, loader.File{Path: note.Path, Known: loader.Known{Note: note, Stamp: loader.Stamp{Size: int64(len(text))}}})
	texts := textsOf(r.Files)
	if _, d, err := decodeBytes(encodeBytes(contents{root: "/v", files: r.Files}), texts); err != nil || d.count() != 0 {
		t.Fatalf("the honest cache: %v", err)
	}
	for _, tc := range []struct {
		name  string
		forge func(n *model.Note)
		// lazy: found when the note's text is read, not at the start
		lazy bool
	}{
		{"a span past the text", func(n *model.Note) { n.Spans()[1] = uint16(len(n.Text()) + 1) }, true},
		{"a span ending before it starts", func(n *model.Note) { n.Spans()[0], n.Spans()[1] = n.Spans()[1], n.Spans()[0] }, true},
		{"timestamps out of order", func(n *model.Note) {
			n.Spans()[0], n.Spans()[1], n.Spans()[2], n.Spans()[3] = n.Spans()[2], n.Spans()[3], n.Spans()[0], n.Spans()[1]
		}, true},
		{"a link over a timestamp", func(n *model.Note) {
			at := 2 * len(n.Timestamps)
			n.Spans()[at], n.Spans()[at+1] = n.Spans()[0], n.Spans()[1]
		}, true},
		{"spans cut short", func(n *model.Note) { n.SetBody(n.Text(), n.Spans()[:len(n.Spans())-1]) }, true},
		{"a timestamp's section that is none", func(n *model.Note) { n.Timestamps[0].Section = int32(len(n.Sections)) }, false},
		{"a link's line past the end", func(n *model.Note) { n.Links[0].Line = strings.Count(n.Text(), "\n") + 2 }, false},
		{"a heading of level 7", func(n *model.Note) { n.Sections[0].Level = 7 }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := append([]loader.File(nil), r.Files...)
			forged := *files[victim].Note
			forged.SetBody(forged.Text(), append([]uint16(nil), forged.Spans()...))
			forged.Timestamps = append([]model.Timestamp(nil), forged.Timestamps...)
			forged.Links = append([]model.Link(nil), forged.Links...)
			forged.Sections = append([]model.Section(nil), forged.Sections...)
			tc.forge(&forged)
			files[victim].Note = &forged
			c, d, err := decodeBytes(encodeBytes(contents{root: "/v", files: files}), texts)
			if !tc.lazy {
				if !errors.Is(err, errCorrupt) {
					t.Errorf("decoded with %s: error %v, want it refused as corrupt", tc.name, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("decoded with %s: %v; want the note's text refused when read", tc.name, err)
			}
			n := c.files[victim].Note
			if len(n.Spans()) != 0 && !n.SpansConsistent() || d.count() != 1 || slices.Equal(n.Spans(), forged.Spans()) {
				t.Errorf("read with %s: spans %v (consistent %v), %d damages told; want the forged spans refused, once", tc.name, n.Spans(), n.SpansConsistent(), d.count())
			}
		})
	}
}

// TestCorpusPassesTheChecks: every note of the real corpus decodes, so the
// checks never refuse a good cache.
func TestCorpusPassesTheChecks(t *testing.T) {
	dir := loadtest.CorpusDir(t)
	r, err := loader.Reload(loader.Dir(dir), loader.Options{}, func() map[string]loader.Known { return nil })
	if err != nil {
		t.Fatal(err)
	}
	c, d, err := decodeBytes(encodeBytes(contents{root: "/v", files: r.Files}), loader.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.files) != len(r.Files) {
		t.Errorf("%d files back of %d", len(c.files), len(r.Files))
	}
	if !reflect.DeepEqual(eager(c.files), eager(r.Files)) {
		t.Error("the corpus's files changed on the way through the cache")
	}
	if d.count() != 0 {
		t.Errorf("good notes refused: %v", d.errs)
	}
}
