package loader

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"tubenotes/model"
)

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

const channelPage = `---
title: ch
---
### [First video](https://www.youtube.com/watch?v=AAAAAAAAAAA)
- [[one | One]]
- [[Two words]]
- [[missing]]
Not a list line: [[one]]

### [Second [video]](https://youtu.be/BBBBBBBBBBB)
- [[three]]

### Not a video
- [[one]]
`

func sampleVault() fstest.MapFS {
	return fstest.MapFS{
		"index.md":                 file("---\ntitle: Home\n---\n- [[ch]]\n"),
		"directory.md":             file("[[ch | The channel]] [[nowhere]]\n"),
		"ch/ch.md":                 file(channelPage),
		"ch/one.md":                file("---\ntitle: One\nvideoId: AAAAAAAAAAA\n---\nFrom: [[ch]]\n## A\n" + stamp("01:00:00") + stamp("02:00:00") + "\n[[two_words]] [[Three]]\n"),
		"ch/two_words.md":          file("# Two\n"),
		"ch/sub/three.md":          file("---\nvideoId: BBBBBBBBBBB\n---\n[[one]]\n"),
		"ch/empty.md":              file(""),
		"ch/bin.md":                file("PNG\x00\x01"),
		"ch/dir.md/inner.md":       file("inside a folder named like a note\n"),
		"ch/image.png":             file("\x89PNG\x00"),
		"notes.txt":                file("not markdown"),
		".hidden/secret.md":        file("# hidden\n"),
		"ch/.draft.md":             file("# draft\n"),
		"\u200fbidi\u200e/note.md": file("From: [[\u200fbidi\u200e]]\n"),
	}
}

func notePaths(v *model.Vault) []string {
	var out []string
	for _, n := range v.Notes {
		out = append(out, n.Path)
	}
	return out
}

func problemStrings(problems []model.Problem) []string {
	var out []string
	for _, p := range problems {
		out = append(out, p.String())
	}
	return out
}

func TestLoadVault(t *testing.T) {
	v, err := Load(sampleVault(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantNotes := []string{"ch/ch.md", "ch/dir.md/inner.md", "ch/empty.md", "ch/one.md", "ch/sub/three.md", "ch/two_words.md", "directory.md", "index.md", "\u200fbidi\u200e/note.md"}
	if got := notePaths(v); !reflect.DeepEqual(got, wantNotes) {
		t.Errorf("notes\n%q, want\n%q", got, wantNotes)
	}
	wantProblems := []string{"ch/bin.md: binary file (NUL byte): skipped", "ch/dir.md: is a directory, not a note", "ch/empty.md: empty file"}
	if got := problemStrings(v.Problems); !reflect.DeepEqual(got, wantProblems) {
		t.Errorf("problems\n%q, want\n%q", got, wantProblems)
	}

	one := v.Note("ch/one.md")
	if one.Channel != "ch" || one.Title != "One" || len(one.Links) != 2 {
		t.Fatalf("one: channel %q title %q links %+v", one.Channel, one.Title, one.Links)
	}
	if one.Links[0].Resolved != "ch/two_words.md" || one.Links[1].Resolved != "ch/sub/three.md" {
		t.Errorf("one's links resolved to %q and %q", one.Links[0].Resolved, one.Links[1].Resolved)
	}
	if got := secondsOf(one); !reflect.DeepEqual(got, []int{60, 120}) {
		t.Errorf("one's timestamps %v, want the mm:ss:00 reading [60 120]", got)
	}
	if v.Note("directory.md").Channel != "" || v.Note("directory.md").Links[1].Resolved != "" {
		t.Error("root page: want no channel and a dangling link")
	}

	var channels []string
	for _, c := range v.Channels {
		channels = append(channels, c.Name)
	}
	if want := []string{"ch", "\u200fbidi\u200e"}; !reflect.DeepEqual(channels, want) {
		t.Errorf("channels %q, want %q", channels, want)
	}
	ch := v.Channel("ch")
	if ch.Page != v.Note("ch/ch.md") || len(ch.Videos) != 2 {
		t.Fatalf("channel ch: page %v, %d videos", ch.Page, len(ch.Videos))
	}
	first, second := ch.Videos[0], ch.Videos[1]
	if first.ID != "AAAAAAAAAAA" || first.Title != "First video" || !reflect.DeepEqual(notePathsOf(first.Notes), []string{"ch/one.md", "ch/two_words.md"}) {
		t.Errorf("first video %q %q notes %q", first.ID, first.Title, notePathsOf(first.Notes))
	}
	if second.ID != "BBBBBBBBBBB" || second.Title != "Second [video]" || !reflect.DeepEqual(notePathsOf(second.Notes), []string{"ch/sub/three.md"}) {
		t.Errorf("second video %q %q notes %q", second.ID, second.Title, notePathsOf(second.Notes))
	}
	if got := v.VideoOf(v.Note("ch/two_words.md")); got != first {
		t.Errorf("two_words, listed on the page only, has video %v", got)
	}
}

func notePathsOf(notes []*model.Note) []string {
	var out []string
	for _, n := range notes {
		out = append(out, n.Path)
	}
	return out
}

func TestLoadProgress(t *testing.T) {
	var calls [][2]int
	_, err := Load(sampleVault(), Options{Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) }})
	if err != nil {
		t.Fatal(err)
	}
	const total = 10 // .md files, the binary one included
	if len(calls) != total+1 {
		t.Fatalf("%d progress calls, want %d: %v", len(calls), total+1, calls)
	}
	for i, c := range calls {
		if c != [2]int{i, total} {
			t.Fatalf("call %d was %v, want [%d %d]", i, c, i, total)
		}
	}
	calls = nil
	if _, err := Load(fstest.MapFS{"a.txt": file("")}, Options{Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) }}); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(calls, [][2]int{{0, 0}}) {
		t.Errorf("empty vault progress %v, want one call [0 0]", calls)
	}
}

func TestLoadTimestampsOption(t *testing.T) {
	v, err := Load(sampleVault(), Options{Timestamps: TimestampsHMS})
	if err != nil {
		t.Fatal(err)
	}
	if got := secondsOf(v.Note("ch/one.md")); !reflect.DeepEqual(got, []int{3600, 7200}) {
		t.Errorf("hms: %v, want [3600 7200]", got)
	}
}

// failingFS is a MapFS whose named files and folders can't be opened.
type failingFS struct {
	fstest.MapFS
	fail map[string]bool
}

func (f failingFS) Open(name string) (fs.File, error) {
	if f.fail[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.Open(name)
}

func (f failingFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if f.fail[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.ReadDir(name)
}

func (f failingFS) ReadFile(name string) ([]byte, error) {
	if f.fail[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.ReadFile(name)
}

func TestLoadUnreadable(t *testing.T) {
	fsys := failingFS{MapFS: fstest.MapFS{
		"ch/ok.md":         file("# ok\n"),
		"ch/locked.md":     file("# locked\n"),
		"closed/inside.md": file("# inside\n"),
	}, fail: map[string]bool{"ch/locked.md": true, "closed": true}}
	v, err := Load(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := notePaths(v); !reflect.DeepEqual(got, []string{"ch/ok.md"}) {
		t.Errorf("notes %q", got)
	}
	want := []string{"ch/locked.md: unreadable: permission denied", "closed: unreadable: permission denied"}
	if got := problemStrings(v.Problems); !reflect.DeepEqual(got, want) {
		t.Errorf("problems\n%q, want\n%q", got, want)
	}

	root := failingFS{MapFS: fstest.MapFS{"a.md": file("x")}, fail: map[string]bool{".": true}}
	if _, err := Load(root, Options{}); err == nil {
		t.Error("unreadable root loaded")
	}
}

// disks are the two ways to load a folder: through os.DirFS, and through
// Dir, which reads note files with plain system calls.
var disks = []struct {
	name string
	fs   func(dir string) fs.FS
}{{"os.DirFS", os.DirFS}, {"Dir", Dir}}

func TestLoadRootErrors(t *testing.T) {
	dir := t.TempDir()
	notDir := filepath.Join(dir, "note.md")
	if err := os.WriteFile(notDir, []byte("# x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, root := range []string{filepath.Join(dir, "missing"), notDir} {
		v, err := Load(os.DirFS(root), Options{})
		if err == nil || v != nil {
			t.Errorf("Load(%s) = %v, %v; want an error", root, v, err)
		} else if !strings.HasPrefix(err.Error(), "cannot read the vault: ") {
			t.Errorf("error %q", err)
		}
	}
}

// writeFile writes the file name (slash-separated) of the folder dir,
// making its folders.
func writeFile(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLoadDisk loads a real directory with symbolic links, a folder named
// like a note, a bidi folder name and Windows line ends.
func TestLoadDisk(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) { t.Helper(); writeFile(t, dir, name, text) }
	link := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	write("ch/note.md", "\ufeff---\r\ntitle: Windows\r\n---\r\n## Part\r\n"+stamp("00:01:02")+"\r\n")
	write("ch/x.md/inside.md", "# Inside\n")
	write("\u202echan\u202c/rtl.md", "# RTL\n")
	write(".obsidian/workspace.md", "# config\n")
	link("../ch", "ch/back")      // a directory loop
	link("self.md", "self.md")    // a link to itself
	link("b.md", "a.md")          // a two-link loop
	link("a.md", "b.md")          //
	link("ch/note.md", "copy.md") // a link to a note is read
	link("nowhere.md", "dangling.md")
	link("nowhere.png", "dangling.png") // not a note: no problem
	link("loop", "loop")                // a loop is one, whatever its name

	for _, disk := range disks {
		t.Run(disk.name, func(t *testing.T) {
			v, err := Load(disk.fs(dir), Options{})
			if err != nil {
				t.Fatal(err)
			}
			wantNotes := []string{"ch/note.md", "ch/x.md/inside.md", "copy.md", "\u202echan\u202c/rtl.md"}
			if got := notePaths(v); !reflect.DeepEqual(got, wantNotes) {
				t.Errorf("notes\n%q, want\n%q", got, wantNotes)
			}
			wantProblems := []string{
				"a.md: unreadable symbolic link: too many levels of symbolic links",
				"b.md: unreadable symbolic link: too many levels of symbolic links",
				"ch/back: symbolic link to a directory: not followed",
				"ch/x.md: is a directory, not a note",
				"dangling.md: unreadable symbolic link: no such file or directory",
				"loop: unreadable symbolic link: too many levels of symbolic links",
				"self.md: unreadable symbolic link: too many levels of symbolic links",
			}
			if got := problemStrings(v.Problems); !reflect.DeepEqual(got, wantProblems) {
				t.Errorf("problems\n%q, want\n%q", got, wantProblems)
			}
			n := v.Note("ch/note.md")
			if n.Title != "Windows" || len(n.Sections) != 1 || n.Sections[0].Line != 4 || len(n.Timestamps) != 1 || n.Timestamps[0].Seconds != 62 || n.Timestamps[0].Line != 5 {
				t.Errorf("CRLF note: title %q sections %+v timestamps %+v", n.Title, n.Sections, n.Timestamps)
			}
			if v.Note("\u202echan\u202c/rtl.md").Channel != "\u202echan\u202c" {
				t.Error("bidi folder name not kept as the channel")
			}
		})
	}
}

// TestLoadTestdata loads the hostile files kept in testdata/vault.
func TestLoadTestdata(t *testing.T) {
	for _, disk := range disks {
		t.Run(disk.name, func(t *testing.T) {
			v, err := Load(disk.fs("testdata/vault"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			wantNotes := []string{"demo/crlf_bom.md", "demo/demo.md", "demo/latin1.md", "demo/minutes.md", "index.md"}
			if got := notePaths(v); !reflect.DeepEqual(got, wantNotes) {
				t.Errorf("notes\n%q, want\n%q", got, wantNotes)
			}
			wantProblems := []string{
				"demo/binary.md: binary file (NUL byte): skipped",
				"demo/latin1.md: invalid UTF-8 replaced with U+FFFD",
			}
			if got := problemStrings(v.Problems); !reflect.DeepEqual(got, wantProblems) {
				t.Errorf("problems\n%q, want\n%q", got, wantProblems)
			}
			if n := v.Note("demo/latin1.md"); n.Title != "Caf\uFFFD cr\uFFFDme" {
				t.Errorf("latin1 title %q", n.Title)
			}
			if n := v.Note("demo/crlf_bom.md"); n.Title != "Windows note" || n.VideoID != "LKlE93-SDpc" || len(n.Sections) != 2 || n.Sections[1].Title != "Setext part" {
				t.Errorf("crlf note %q %q %+v", n.Title, n.VideoID, n.Sections)
			}
			if got := secondsOf(v.Note("demo/minutes.md")); !reflect.DeepEqual(got, []int{0, 2554, 2590, -1}) {
				t.Errorf("minutes note seconds %v", got)
			}
			demo := v.Channel("demo")
			if demo == nil || len(demo.Videos) != 1 || demo.Videos[0].Title != "A demo video" ||
				!reflect.DeepEqual(notePathsOf(demo.Videos[0].Notes), []string{"demo/crlf_bom.md", "demo/minutes.md"}) {
				t.Fatalf("demo channel %+v", demo)
			}
		})
	}
}
