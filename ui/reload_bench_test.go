package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"tubenotes/loader"
	"tubenotes/loader/watch"
	"tubenotes/model"
	"tubenotes/ui/notes"
)

// benchDisk writes the 20,000-note benchmark vault into a folder.
func benchDisk(b *testing.B) string {
	dir := b.TempDir()
	for p, f := range benchVault {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(full, f.Data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// program runs a Model's commands concurrently, as bubbletea does, and
// feeds their messages back until a condition holds.
type program struct {
	m    Model
	msgs chan tea.Msg
}

func (p *program) spawn(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() {
		msg := cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			for _, c := range batch {
				p.spawn(c)
			}
			return
		}
		if msg != nil {
			p.msgs <- msg
		}
	}()
}

func (p *program) update(msg tea.Msg) {
	next, cmd := p.m.Update(msg)
	p.m = next.(Model)
	p.spawn(cmd)
}

// until handles messages until done holds or nothing comes for a while.
func (p *program) until(done func() bool) bool {
	for !done() {
		select {
		case msg := <-p.msgs:
			if _, tick := msg.(resizedMsg); !tick {
				p.update(msg)
			}
		case <-time.After(10 * time.Second):
			return false
		}
	}
	return true
}

// BenchmarkEditShown20k is a note's save to the frame that shows the
// change, on the 20,000-note vault on disk with the real watcher: the
// debounce (watch.Debounce, 100 ms), the refresh (loader.Refresh), the
// tree relisted and the note rendered again in place. The search index
// rebuilt after it (in the background) is waited for between saves, not
// timed.
func BenchmarkEditShown20k(b *testing.B) {
	dir := benchDisk(b)
	fsys := loader.Dir(dir)
	v, err := loader.Load(fsys, loader.Options{})
	if err != nil {
		b.Fatal(err)
	}
	p := &program{msgs: make(chan tea.Msg, 64)}
	p.m = New(Options{
		Load:   func(func(int, int)) (*model.Vault, error) { return v, nil },
		Opener: &fakeOpener{},
		Style:  "dark",
		Dir:    dir,
		Refresh: func(v *model.Vault, paths []string) *model.Vault {
			return loader.Refresh(fsys, v, paths, loader.Options{})
		},
	})
	p.update(tea.WindowSizeMsg{Width: 120, Height: 40})
	p.update(loadedMsg{vault: v, listing: notes.List(v)})
	n := v.Notes[len(v.Notes)/2]
	p.m.setFocus(focusReader)
	p.spawn(p.m.openNote(n, 0, true))
	p.update(watchStartedMsg{w: mustWatch(b, dir)})
	defer p.m.Close()
	if !p.until(func() bool { return !p.m.reader.Rendering() && p.m.reader.Note() == n }) {
		b.Fatal("the note never showed")
	}
	data, _ := os.ReadFile(filepath.Join(dir, n.Path))
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		marker := fmt.Sprintf("edited%d", i)
		text := strings.Replace(string(data), "\n---\n", "\n---\n\n"+marker+"\n", 1) // after the frontmatter: on screen
		if err := os.WriteFile(filepath.Join(dir, n.Path), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		if !p.until(func() bool { return strings.Contains(p.m.View().Content, marker) }) {
			b.Fatalf("%s never showed:\n%s", marker, p.m.screen())
		}
		// the next save comes once the search index is built again, as
		// saves do: one every few seconds at most
		b.StopTimer()
		if !p.until(func() bool { return p.m.live.indexed == p.m.live.indexGen }) {
			b.Fatal("the index was never built again")
		}
		b.StartTimer()
	}
}

func mustWatch(b *testing.B, dir string) watcher {
	w, err := watch.New(dir)
	if err != nil {
		b.Fatal(err)
	}
	return w
}

// BenchmarkBurstApply20k is the update that shows a refresh of 1,000
// changed notes (a git pull) in the 20,000-note vault: the time keys wait
// while the new vault is taken in. The reading of the files runs in a
// command before it (BenchmarkBurstRefresh20k).
func BenchmarkBurstApply20k(b *testing.B) {
	v, err := loader.Load(benchVault, loader.Options{})
	if err != nil {
		b.Fatal(err)
	}
	paths := make([]string, 1000)
	for i := range paths {
		paths[i] = v.Notes[i*len(v.Notes)/len(paths)].Path
	}
	nv := loader.Refresh(benchVault, v, paths, loader.Options{})
	listing := notes.List(nv)
	h := newHarness(b, v, 120, 40)
	h.send(run(h.m.openNote(v.Notes[0], 0, true))...)
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		m := h.m
		m.live = liveReload{}
		l := *listing
		b.StartTimer()
		next, _ := m.Update(refreshedMsg{vault: nv, listing: &l})
		if next.(Model).vault != nv {
			b.Fatal("not applied")
		}
	}
}

// BenchmarkBurstRefresh20k is the command's part of that burst: 1,000
// notes read again and the vault and tree made anew, off the update loop.
func BenchmarkBurstRefresh20k(b *testing.B) {
	v, err := loader.Load(benchVault, loader.Options{})
	if err != nil {
		b.Fatal(err)
	}
	paths := make([]string, 1000)
	for i := range paths {
		paths[i] = v.Notes[i*len(v.Notes)/len(paths)].Path
	}
	for b.Loop() {
		nv := loader.Refresh(benchVault, v, paths, loader.Options{})
		notes.List(nv)
	}
}
