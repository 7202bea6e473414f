package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"tubenotes/loader"
	"tubenotes/loader/watch"
	"tubenotes/model"
	engine "tubenotes/model/search"
	"tubenotes/ui/common"
	"tubenotes/ui/notes"
	"tubenotes/ui/reader"
	"tubenotes/ui/start"
)

// diskVault is a vault in a temporary folder, browsed with live reload
// (the watcher's batches are sent by the test) and a fake editor.
type diskVault struct {
	*harness
	dir       string
	mu        sync.Mutex
	refreshed [][]string // the paths of every refresh
	editor    *fakeEditor
}

// longNote is a note of many paragraphs, so that it scrolls.
func longNote(title, last string) string {
	var b strings.Builder
	b.WriteString("# " + title + "\n\n")
	for i := range 120 {
		fmt.Fprintf(&b, "paragraph %d of the note\n\n", i)
	}
	b.WriteString(last + "\n")
	return b.String()
}

func newDiskVault(t *testing.T, files map[string]string) *diskVault {
	t.Helper()
	d := &diskVault{dir: t.TempDir(), editor: &fakeEditor{}}
	for p, text := range files {
		d.write(t, p, text)
	}
	fsys := loader.Dir(d.dir)
	v := loadVault(t, fsys)
	m := New(Options{
		Load:   func(func(int, int)) (*model.Vault, error) { return v, nil },
		Opener: &fakeOpener{},
		Style:  "notty",
		Dir:    d.dir,
		Refresh: func(v *model.Vault, paths []string) *model.Vault {
			d.mu.Lock()
			d.refreshed = append(d.refreshed, paths)
			d.mu.Unlock()
			return loader.Refresh(fsys, v, paths, loader.Options{})
		},
		Editor:     d.editor,
		ConfigPath: filepath.Join(t.TempDir(), "config.toml"),
	})
	d.harness = &harness{t: t, m: m}
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	d.send(loadedMsg{vault: v, listing: notes.List(v)})
	return d
}

func (d *diskVault) write(t *testing.T, p, text string) {
	t.Helper()
	abs := filepath.Join(d.dir, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(abs, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// open opens the note at p in the reader.
func (d *diskVault) open(p string) {
	d.t.Helper()
	d.m.setFocus(focusReader)
	d.send(run(d.m.openNote(d.m.vault.Note(p), 0, true))...)
	if d.note() != p {
		d.t.Fatalf("open %s: the reader shows %q", p, d.note())
	}
}

// fakeEditor records what it is asked to edit and runs nothing.
type fakeEditor struct {
	path string
	line int
	err  error
}

func (f *fakeEditor) Command(path string, line int) (*exec.Cmd, error) {
	f.path, f.line = path, line
	if f.err != nil {
		return nil, f.err
	}
	return exec.Command("true"), nil
}

func TestChangedNoteRendersInPlace(t *testing.T) {
	d := newDiskVault(t, map[string]string{"a.md": longNote("A", "the old end"), "b.md": "# B\n"})
	d.open("a.md")
	d.press("ctrl+d", "ctrl+d", "j")
	before := d.m.reader.YOffset()
	if before == 0 {
		t.Fatal("the note did not scroll")
	}
	old := d.m.reader.Note()
	d.write(t, "a.md", strings.Replace(longNote("A", "the new end"), "paragraph 3 ", "paragraph three ", 1))
	d.send(watchBatchMsg{[]string{"a.md"}})
	if n := d.m.reader.Note(); n == old || !strings.Contains(n.Text(), "the new end") {
		t.Fatal("the reader still shows the old note")
	}
	if got := d.m.reader.YOffset(); got != before {
		t.Errorf("the reading position moved: %d, was %d", got, before)
	}
	if !strings.Contains(d.screen(), "paragraph") || strings.Contains(d.screen(), "rendering") {
		t.Errorf("the note is not drawn again:\n%s", d.screen())
	}
	d.press("G")
	if !strings.Contains(d.screen(), "the new end") {
		t.Errorf("the change is not on screen:\n%s", d.screen())
	}
}

func TestNewAndDeletedNotes(t *testing.T) {
	d := newDiskVault(t, map[string]string{"a.md": longNote("A", "end"), "b.md": "# Bee\n\nzebrafish\n"})
	d.open("b.md")
	d.write(t, "new.md", "# Newcomer\n\nokapi\n")
	d.send(watchBatchMsg{[]string{"new.md"}})
	if !strings.Contains(d.screen(), "Newcomer") {
		t.Errorf("the new note is not in the tree:\n%s", d.screen())
	}
	d.press("s")
	d.typeText("okapi")
	if hits := d.m.search.Result().Hits; len(hits) != 1 || hits[0].Note.Path != "new.md" {
		t.Fatalf("search does not find the new note: %+v", hits)
	}
	d.press("esc", "esc")

	if err := os.Remove(filepath.Join(d.dir, "b.md")); err != nil {
		t.Fatal(err)
	}
	d.send(watchBatchMsg{[]string{"b.md"}})
	if !strings.Contains(d.statusLine(), "b.md was deleted") {
		t.Errorf("the status line does not say the open note went: %q", d.statusLine())
	}
	if d.note() != "b.md" || !strings.Contains(d.screen(), "zebrafish") {
		t.Errorf("the deleted note's last text is not kept:\n%s", d.screen())
	}
	if d.m.vault.Note("b.md") != nil || strings.Contains(d.m.notes.View(), "Bee") {
		t.Errorf("the deleted note is still listed:\n%s", d.m.notes.View())
	}
	d.press("s")
	d.typeText("zebrafish")
	if hits := d.m.search.Result().Hits; len(hits) != 0 {
		t.Errorf("search still finds the deleted note: %+v", hits)
	}
}

func TestStaleSearchHitsAreNotShown(t *testing.T) {
	d := newDiskVault(t, map[string]string{"a.md": "# A\n\nquokka\n"})
	d.press("s")
	d.typeText("quokka")
	if len(d.m.search.Result().Hits) != 1 {
		t.Fatal("no hit to go stale")
	}
	if err := os.Remove(filepath.Join(d.dir, "a.md")); err != nil {
		t.Fatal(err)
	}
	// The refresh is applied, but the index build it starts is not run.
	msg := d.m.requestRefresh("a.md")()
	next, _ := d.m.Update(msg)
	d.m = next.(Model)
	if len(d.m.search.Result().Hits) != 0 || !strings.Contains(d.screen(), "indexing") {
		t.Errorf("hits of the old vault still shown while indexing:\n%s", d.screen())
	}
}

func TestRefreshesRunOneAtATime(t *testing.T) {
	d := newDiskVault(t, map[string]string{"a.md": "# A\n"})
	burst := make([]string, 1000)
	for i := range burst {
		burst[i] = fmt.Sprintf("n%04d.md", i)
		d.write(t, burst[i], "# note "+burst[i]+"\n")
	}
	first := d.m.requestRefresh(burst[:500]...)
	if first == nil || !d.m.live.refreshing {
		t.Fatal("no refresh started")
	}
	if again := d.m.requestRefresh(burst[500:]...); again != nil {
		t.Fatal("a second refresh started while one ran")
	}
	d.send(first())
	if n := len(d.m.vault.Notes); n != 1001 {
		t.Errorf("%d notes after the burst, want 1001", n)
	}
	if len(d.refreshed) != 2 || len(d.refreshed[1]) != 500 {
		t.Errorf("refreshes %d, want 2 (the second with the 500 queued)", len(d.refreshed))
	}
}

func TestWatchFailureOffersReload(t *testing.T) {
	d := newDiskVault(t, map[string]string{"a.md": "# A\n"})
	if slices.ContainsFunc(d.m.hints(), func(b key.Binding) bool { return b.Help().Key == "r" }) {
		t.Error("r is offered while watching works")
	}
	d.send(watchStartedMsg{err: fmt.Errorf("watching %s: %w", d.dir, watch.ErrLimit)})
	if !strings.Contains(d.statusLine(), "not following changes (r reloads): watching") {
		t.Errorf("status line %q", d.statusLine())
	}
	if !strings.Contains(d.m.status.Message(), "too many folders") {
		t.Errorf("the cause is not said: %q", d.m.status.Message())
	}
	d.send(watchErrMsg{fmt.Errorf("second trouble")})
	if strings.Contains(d.statusLine(), "second trouble") {
		t.Error("a second watch error was shown; once is enough")
	}
	if !slices.ContainsFunc(d.m.hints(), func(b key.Binding) bool { return b.Help().Key == "r" }) {
		t.Error("r is not offered once watching failed")
	}
	d.write(t, "b.md", "# Bee\n")
	d.press("r")
	if d.m.vault.Note("b.md") == nil || !slices.Equal(d.refreshed[len(d.refreshed)-1], []string{"."}) {
		t.Errorf("r did not read the whole vault again: %q", d.refreshed)
	}
}

func TestWaitWatchDeliversBatchesAndErrors(t *testing.T) {
	f := &fakeWatcher{batches: make(chan []string, 1), errs: make(chan error, 1)}
	f.batches <- []string{"x.md"}
	if msg, ok := waitWatch(f)().(watchBatchMsg); !ok || !slices.Equal(msg.paths, []string{"x.md"}) {
		t.Errorf("batch: %#v", msg)
	}
	f.errs <- fmt.Errorf("lost")
	if msg, ok := waitWatch(f)().(watchErrMsg); !ok || msg.err.Error() != "lost" {
		t.Errorf("error: %#v", msg)
	}
	close(f.batches)
	if msg := waitWatch(f)(); msg != nil {
		t.Errorf("closed watcher: %#v", msg)
	}
}

type fakeWatcher struct {
	batches chan []string
	errs    chan error
}

func (f *fakeWatcher) Batches() <-chan []string { return f.batches }
func (f *fakeWatcher) Errors() <-chan error     { return f.errs }
func (f *fakeWatcher) Close() error             { return nil }

func TestEditOpensTheEditorAtTheTopLine(t *testing.T) {
	d := newDiskVault(t, map[string]string{"a.md": longNote("A", "end")})
	d.open("a.md")
	d.press("e")
	if want := filepath.Join(d.dir, "a.md"); d.editor.path != want || d.editor.line != 1 {
		t.Errorf("editor got %s:%d, want %s:1", d.editor.path, d.editor.line, want)
	}
	d.press("ctrl+d", "ctrl+d")
	top := d.m.reader.YOffset()
	d.press("e")
	// the top line shows "paragraph N": the editor gets that paragraph's line
	shown := strings.Fields(strings.Split(d.m.reader.View(), "\n")[0])
	if len(shown) < 2 {
		t.Fatalf("top line %q", shown)
	}
	var para int
	fmt.Sscan(shown[1], &para)
	if want := 3 + 2*para; d.editor.line != want {
		t.Errorf("editor line %d for top line %q (offset %d), want %d", d.editor.line, shown, top, want)
	}
	// the editor saves; on return the note is read again at the same place
	d.write(t, "a.md", longNote("A", "edited end"))
	d.send(editedMsg{path: "a.md"})
	if !strings.Contains(d.m.reader.Note().Text(), "edited end") || d.m.reader.YOffset() != top {
		t.Errorf("after the editor: text read again %v, offset %d want %d",
			strings.Contains(d.m.reader.Note().Text(), "edited end"), d.m.reader.YOffset(), top)
	}
	d.send(editedMsg{path: "a.md", err: fmt.Errorf("boom")})
	if !strings.Contains(d.statusLine(), "boom") {
		t.Errorf("a failed editor is not said: %q", d.statusLine())
	}
}

func TestEditWithoutEditor(t *testing.T) {
	d := newDiskVault(t, map[string]string{"a.md": "# A\n"})
	d.editor.err = fmt.Errorf("no editor: set $VISUAL or $EDITOR, or editor in the config file")
	d.open("a.md")
	d.press("e")
	if !strings.Contains(d.statusLine(), "no editor") {
		t.Errorf("status line %q", d.statusLine())
	}
	h := demoHarness(t)
	h.send(run(h.m.openNote(h.m.vault.Notes[0], 0, true))...)
	h.press("e")
	if !strings.Contains(h.statusLine(), "demo vault") {
		t.Errorf("demo vault: status line %q", h.statusLine())
	}
}

func TestTreeKeepsFoldsCursorAndNewNotes(t *testing.T) {
	d := newDiskVault(t, map[string]string{"c1/a.md": "# Apple\n", "c1/b.md": "# Banana\n", "c2/c.md": "# Cherry\n"})
	d.m.setFocus(focusNotes)
	d.press("g", "enter") // fold c1
	if strings.Contains(d.m.notes.View(), "Apple") {
		t.Fatalf("c1 not folded:\n%s", d.m.notes.View())
	}
	d.press("j", "j") // on Cherry
	if n := d.m.notes.Selected(); n == nil || n.Path != "c2/c.md" {
		t.Fatalf("cursor on %v", n)
	}
	// an edit that keeps the tree: the rows point at the notes read again
	d.write(t, "c2/c.md", "# Cherry\n\nripe\n")
	d.send(watchBatchMsg{[]string{"c2/c.md"}})
	if n := d.m.notes.Selected(); n != d.m.vault.Note("c2/c.md") || !strings.Contains(n.Text(), "ripe") {
		t.Fatal("the tree still holds the old note")
	}
	// a new note: the tree is laid out again, folds and cursor kept
	d.write(t, "c1/0.md", "# Zero\n")
	d.send(watchBatchMsg{[]string{"c1/0.md"}})
	if strings.Contains(d.m.notes.View(), "Zero") || strings.Contains(d.m.notes.View(), "Apple") {
		t.Errorf("c1 was unfolded:\n%s", d.m.notes.View())
	}
	if n := d.m.notes.Selected(); n == nil || n.Path != "c2/c.md" {
		t.Errorf("the cursor moved to %v", n)
	}
	d.press("g", "enter")
	if !strings.Contains(d.m.notes.View(), "Zero") {
		t.Errorf("the new note is not listed:\n%s", d.m.notes.View())
	}
}

func TestReloadMessageEndsWithTheReload(t *testing.T) {
	d := newDiskVault(t, map[string]string{"a.md": "# A\n"})
	d.write(t, "b.md", "# Bee\n")
	reload := d.m.reload()
	if !strings.Contains(d.statusLine(), "reading the vault again") {
		t.Fatalf("status line while reading %q", d.statusLine())
	}
	d.send(run(reload)...)
	if d.m.vault.Note("b.md") == nil {
		t.Fatal("the vault was not read again")
	}
	if strings.Contains(d.statusLine(), "reading the vault again") {
		t.Errorf("the reload ended and the status line still says %q", d.statusLine())
	}
}

func TestEditNeedsTheNotesFile(t *testing.T) {
	d := newDiskVault(t, map[string]string{"a.md": longNote("A", "end"), "b.md": "# B\n"})
	if d.note() != start.Path {
		t.Fatalf("the reader shows %q, want the start page", d.note())
	}
	d.m.setFocus(focusReader)
	d.press("e")
	if d.editor.path != "" || !strings.Contains(d.statusLine(), "start page") {
		t.Errorf("e on the start page: editor got %q, status line %q", d.editor.path, d.statusLine())
	}
	d.open("a.md")
	offersEdit := func() bool { return len(d.m.editHint()) > 0 }
	if !offersEdit() {
		t.Error("e is not offered on a note")
	}
	if err := os.Remove(filepath.Join(d.dir, "a.md")); err != nil {
		t.Fatal(err)
	}
	d.send(watchBatchMsg{[]string{"a.md"}})
	if d.note() != "a.md" {
		t.Fatalf("the deleted note left the reader: %q", d.note())
	}
	if offersEdit() {
		t.Error("e is offered on a deleted note")
	}
	d.press("e")
	if d.editor.path != "" || !strings.Contains(d.statusLine(), "a.md was deleted") {
		t.Errorf("e on a deleted note: editor got %q, status line %q", d.editor.path, d.statusLine())
	}
	if _, err := os.Stat(filepath.Join(d.dir, "a.md")); err == nil {
		t.Error("the deleted note's file is back")
	}
}

// TestIndexAfterAnEditReadsOnlyTheEditedNote: the index of a vault read
// again is patched from the last one, so the unchanged notes' texts, left
// on disk by a warm start, are not read (building it whole read all 20,000
// of a large vault's and kept them: 153 MB resident became 480 MB), and it
// answers as a whole build does.
func TestIndexAfterAnEditReadsOnlyTheEditedNote(t *testing.T) {
	lv := newLazyVault(t)
	notes := slices.Clone(lv.v.Notes)
	edited, _ := loader.ParseNote(notes[1].Path, []byte("# Edited\n\nzebrafish quagga\n"), loader.TimestampsAuto)
	notes[1] = edited
	reads := 0
	for _, n := range lv.v.Notes {
		b := lv.bodies[n]
		n.SetLazyBody(func() model.Body { reads++; return b })
	}
	ix := patchIndex(madeIndex{lv.v.Notes, lv.ix}, notes)
	if reads != 0 {
		t.Errorf("the patch read %d unchanged notes' texts", reads)
	}
	whole := engine.Build(notes)
	for _, query := range []string{"zebrafish", "gpu", "the", "welcome"} {
		q, err := engine.Parse(query)
		if err != nil {
			t.Fatal(err)
		}
		got, want := ix.Search(q).Hits, whole.Search(q).Hits
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("%q: patched %v, built whole %v", query, got, want)
		}
	}
}

// TestTimelineOpensTheNoteAsReadAgain: a note edited while its video's
// timeline is open opens, from the timeline's row, as it is now (the row
// held the note as it was, and the reader showed its old text).
func TestTimelineOpensTheNoteAsReadAgain(t *testing.T) {
	note := func(text string) string {
		return "---\ntitle: Moments\nvideoId: abcdefghijk\n---\n" + text + ` <a class="yt-timestamp" data-t="00:00:05">[00:00:05]</a>.` + "\n"
	}
	d := newDiskVault(t, map[string]string{"c/a.md": note("the old words"), "c/b.md": "# B\n"})
	d.open("c/a.md")
	d.press("v")
	if d.m.mode != modeTimeline || d.m.timeline.Timeline() == nil {
		t.Fatalf("v did not show the timeline: mode %d", d.m.mode)
	}
	d.write(t, "c/a.md", note("the new words"))
	d.send(watchBatchMsg{[]string{"c/a.md"}})
	if s := d.screen(); !strings.Contains(s, "the new words") || strings.Contains(s, "the old words") {
		t.Errorf("the timeline shows the rows as they were:\n%s", s)
	}
	d.press("enter")
	n := d.m.reader.Note()
	if n == nil || n != d.m.vault.Note("c/a.md") || !strings.Contains(n.Text(), "the new words") {
		t.Fatalf("the timeline opened the note as it was: %q", n.Text())
	}
	if sel := d.m.reader.Selection(); sel.Kind != reader.TimestampSel || sel.Index != 0 {
		t.Errorf("the row's timestamp is not selected: %+v", sel)
	}
	d.press("v")
	gone := d.m.vault.Note("c/a.md")
	if err := os.Remove(filepath.Join(d.dir, "c", "a.md")); err != nil {
		t.Fatal(err)
	}
	d.send(watchBatchMsg{[]string{"c/a.md"}})
	if strings.Contains(d.screen(), "the new words") {
		t.Errorf("the timeline shows a deleted note's rows:\n%s", d.screen())
	}
	// a row made before the note went (the timeline not made again yet)
	d.send(run(d.m.act(common.OpenLine{Note: gone, Line: 5, Timestamp: 0}))...)
	if !strings.Contains(d.statusLine(), "c/a.md was deleted") {
		t.Errorf("a deleted note's row: status line %q", d.statusLine())
	}
}

// TestAFolderLeftOutIsSaidAsOne: a folder the watcher left out is named
// as one folder, not as changes going unfollowed in the whole vault.
func TestAFolderLeftOutIsSaidAsOne(t *testing.T) {
	d := newDiskVault(t, map[string]string{"a.md": "# A\n"})
	sub := d.dir + "/locked"
	d.send(watchErrMsg{&watch.LeftOutError{Err: fmt.Errorf("watching %s: permission denied", sub)}})
	if s := d.m.status.Message(); !strings.Contains(s, "not following changes in one folder (r reloads): watching "+sub) {
		t.Errorf("status %q", s)
	}
}
