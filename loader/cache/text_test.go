package cache

import (
	"bytes"
	"errors"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
)

// textVault is a small vault of one note whose body holds a word nothing
// else of the note holds, and the files a load makes of it.
func textVault(t *testing.T, body string) (fstest.MapFS, []loader.File) {
	t.Helper()
	text := "---\ntitle: Kept\n---\n# Kept\n" + body
	fsys := fstest.MapFS{"c/kept.md": {Data: []byte(text)}}
	r, err := loader.Reload(fsys, loader.Options{}, func() map[string]loader.Known { return nil })
	if err != nil || len(r.Files) != 1 || r.Files[0].Note == nil {
		t.Fatalf("loading the vault: %v", err)
	}
	r.Files[0].Stamp = loader.Stamp{Size: int64(len(text)), ModTime: 1}
	return fsys, r.Files
}

// TestCacheHoldsNoText: a cache keeps its notes' parts, not their texts,
// which are their files': a word of a note's body is in none of its blobs.
func TestCacheHoldsNoText(t *testing.T) {
	fsys, files := textVault(t, "At <a class=\"yt-timestamp\" data-t=\"00:00:05\">[00:00:05]</a> zyzzyvas quietly hum.\n")
	data := encodeBytes(contents{root: "/v", files: files})
	h, err := readHeader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range h.blobs {
		raw, err := readBlob(bytes.NewReader(data), in)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(raw, []byte("zyzzyvas")) {
			t.Errorf("a blob of kind %d holds a note's body text", in.kind)
		}
	}
	c, d, err := decodeBytes(data, fsys)
	if err != nil {
		t.Fatal(err)
	}
	n := c.files[0].Note
	want := files[0].Note
	if n.Text() != want.Text() || !slices.Equal(n.Spans(), want.Spans()) || len(n.Spans()) == 0 || d.count() != 0 {
		t.Errorf("the note read back: text %q, spans %v, %d damages; want the file's text and the note's spans", n.Text(), n.Spans(), d.count())
	}
}

// TestChangedFileIsNotTakenForTheNote: a note's file that no longer holds
// the text the note was made of (changed after the start checked it, even
// keeping its size and lines) gives its new text, never the cache's spans
// over it: the new text's own spans when it has the same parts (sections,
// timestamps, links) as the note, else none.
func TestChangedFileIsNotTakenForTheNote(t *testing.T) {
	body := "At <a class=\"yt-timestamp\" data-t=\"00:00:05\">[00:00:05]</a> words here.\n"
	for _, tc := range []struct {
		name, body string
		spans      bool
	}{
		{"other words, the same parts", strings.Replace(body, "words here", "other ones", 1), true},
		{"the timestamp moved along its line", strings.Replace(body, "At <a", "A <a", 1) + " ", true},
		{"the timestamp changed", strings.ReplaceAll(body, "00:00:05", "00:00:07"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys, files := textVault(t, body)
			data := encodeBytes(contents{root: "/v", files: files})
			c, d, err := decodeBytes(data, fsys)
			if err != nil {
				t.Fatal(err)
			}
			changed := strings.Replace(string(fsys["c/kept.md"].Data), body, tc.body, 1)
			fsys["c/kept.md"] = &fstest.MapFile{Data: []byte(changed)}
			n := c.files[0].Note
			if n.Text() != changed {
				t.Errorf("text %q, want the file's new text %q", n.Text(), changed)
			}
			if got := len(n.Spans()) > 0; got != tc.spans || got && !n.SpansConsistent() {
				t.Errorf("spans %v (consistent %v), want spans: %v", n.Spans(), n.SpansConsistent(), tc.spans)
			}
			if d.count() != 1 || !errors.Is(d.errs[0], errStale) {
				t.Errorf("told %v, want the cache told stale once", d.errs)
			}
		})
	}
}

// TestForgedTextLengthIsRefused: a place claiming a text far longer than
// its file (which the start checked) is refused when the cache is read,
// so that a note that can't be read never allocates its claimed lines.
func TestForgedTextLengthIsRefused(t *testing.T) {
	fsys, files := textVault(t, "short\n")
	files[0].Stamp.Size = 3 // the file, as the forged cache says it was
	if _, _, err := decodeBytes(encodeBytes(contents{root: "/v", files: files}), fsys); err == nil || !strings.Contains(err.Error(), "longer than its file") {
		t.Errorf("decoded a note of %d bytes from a file of 3: %v", len(files[0].Note.Text()), err)
	}
}

// openCounter is a file system that counts the files opened.
type openCounter struct {
	fs.FS
	opens atomic.Int64
}

func (c *openCounter) Open(p string) (fs.File, error) {
	c.opens.Add(1)
	return c.FS.Open(p)
}

// TestSaveReadsNoUnchangedNote: the save after a start that parsed one
// changed note writes the other notes from what the cache recorded of
// them, without reading their files, and the cache it writes is good.
func TestSaveReadsNoUnchangedNote(t *testing.T) {
	root := newVault(t)
	fsys := &openCounter{FS: loader.Dir(root)}
	warmUpWith(t, root, fsys)
	writeNote(t, root, "topics/beta.md", "# Beta\nBack to [[alpha]]. Interest rates fall, now.\n")
	res, err := Load(root, fsys, loader.Options{})
	if err != nil || !strings.HasSuffix(res.Status, "1 parsed; index updated") {
		t.Fatalf("load: %q, %v", res.Status, err)
	}
	fsys.opens.Store(0)
	if err := res.Save(res.Index); err != nil {
		t.Fatal(err)
	}
	if n := fsys.opens.Load(); n != 0 {
		t.Errorf("the save opened %d files of the vault", n)
	}
	again, err := Load(root, fsys, loader.Options{})
	if err != nil || !strings.HasSuffix(again.Status, ", 0 parsed") {
		t.Errorf("the next load: %q, want every file reused", again.Status)
	}
	checkFresh(t, again, root) // every text read back from its file, and taken
}

// TestTextsReadConcurrently: notes read at once from many goroutines, in
// different orders, over more blocks of spans than are kept, each get
// their own text and spans (run with -race: the kept blocks are shared).
func TestTextsReadConcurrently(t *testing.T) {
	fsys := loadtest.Generate(1200, 3)
	r, err := loader.Reload(fsys, loader.Options{}, func() map[string]loader.Known { return nil })
	if err != nil {
		t.Fatal(err)
	}
	data := encodeBytes(contents{root: "/v", files: r.Files})
	c, d, err := decodeBytes(data, fsys)
	if err != nil {
		t.Fatal(err)
	}
	got, want := notesOf(c.files), notesOf(r.Files)
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for k := range got {
				i := (k*7 + w*131) % len(got)
				if got[i].Text() != want[i].Text() || !slices.Equal(got[i].Spans(), want[i].Spans()) {
					t.Errorf("%s: read back another text or spans", want[i].Path)
					return
				}
			}
		})
	}
	wg.Wait()
	if d.count() != 0 {
		t.Errorf("%d damages told", d.count())
	}
}

// TestUnseenChangeDropsTheCache: a note whose file changed without its
// stamp changing (same size, its time set back, on a file system that
// gives no change time: an fs.FS not on disk) shows its new text when
// read, and the cache is dropped, so that the next start parses the vault
// again rather than keep the note's old fields and index.
func TestUnseenChangeDropsTheCache(t *testing.T) {
	root := newVault(t)
	noChangeTime := &openCounter{FS: loader.Dir(root)}
	warmUpWith(t, root, noChangeTime)
	writeNote(t, root, "topics/beta.md", "# Beta\nBack to [[alpha]]. Interest rates drop.\n") // same size, same time
	res, err := Load(root, noChangeTime, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(res.Status, ", 0 parsed") {
		t.Fatalf("status %q: the change was seen", res.Status)
	}
	var beta string
	for _, n := range res.Vault.Notes {
		if n.Path == "topics/beta.md" {
			beta = n.Text()
		}
	}
	if !strings.Contains(beta, "rates drop") {
		t.Errorf("beta reads %q, want its new text", beta)
	}
	again := load(t, root, loader.Options{})
	if again.Status != "none yet" {
		t.Errorf("the next start: %q, want the cache gone", again.Status)
	}
	checkFresh(t, again, root)
}
