package ui

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
	"tubenotes/model"
	"tubenotes/ui/notes"
)

// The performance targets of the browser, on a generated 20,000-note vault:
// first frame ≤ 100 ms after start, "<N> notes" ≤ 1 s, a typical note on
// screen ≤ 50 ms after enter. Run with -cpu 2.

const benchNotes = 20000

var benchVault = loadtest.Generate(benchNotes, 1)

func benchOptions() Options {
	return Options{
		Load: func(progress func(int, int)) (*model.Vault, error) {
			return loader.Load(benchVault, loader.Options{Progress: progress})
		},
		Opener: &fakeOpener{},
		Style:  "dark",
	}
}

// BenchmarkFirstFrame is start to the first frame drawn: the model made,
// its commands issued (loading starts in the background), the window size
// applied, and the screen drawn.
func BenchmarkFirstFrame(b *testing.B) {
	for b.Loop() {
		m := New(benchOptions())
		_ = m.Init()
		next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		if s := next.(Model).View().Content; !strings.Contains(s, "loading") {
			b.Fatal("first frame does not say it is loading")
		}
	}
}

// BenchmarkNotesShown is start to the frame that shows "<N> notes": the
// whole load of the vault, then the sidebar built and the screen drawn;
// from memory (an fstest.MapFS) and from a folder on disk.
func BenchmarkNotesShown(b *testing.B) {
	v, err := loader.Load(benchVault, loader.Options{})
	if err != nil {
		b.Fatal(err)
	}
	want := strconv.Itoa(len(v.Notes)) + " notes"
	v = nil
	run := func(b *testing.B, fsys fs.FS) {
		opts := benchOptions()
		opts.Load = func(progress func(int, int)) (*model.Vault, error) {
			return loader.Load(fsys, loader.Options{Progress: progress})
		}
		for b.Loop() {
			b.StopTimer()
			runtime.GC() // a fresh process has no earlier vault to collect
			b.StartTimer()
			m := New(opts)
			next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
			msg := next.(Model).loadCmd()()
			next, _ = next.Update(msg)
			if s := next.(Model).View().Content; !strings.Contains(s, want) {
				b.Fatalf("no %q on screen", want)
			}
		}
	}
	b.Run("memory", func(b *testing.B) { run(b, benchVault) })
	b.Run("disk", func(b *testing.B) {
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
		run(b, os.DirFS(dir))
	})
}

// BenchmarkOpenToRendered is enter on a typical (6–8 KB) note to the frame
// that shows it rendered; every iteration opens a note not yet in the
// reader's cache.
func BenchmarkOpenToRendered(b *testing.B) {
	v, err := loader.Load(benchVault, loader.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var typical []*model.Note
	for _, n := range v.Notes {
		if len(n.Text()) >= 6000 && len(n.Text()) <= 8000 {
			typical = append(typical, n)
		}
	}
	if len(typical) == 0 {
		b.Fatal("no 6–8 KB notes in the generated vault")
	}
	m := New(benchOptions())
	next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	next, _ = next.Update(loadedMsg{vault: v, listing: notes.List(v)})
	m = next.(Model)
	i := 0
	for b.Loop() {
		n := typical[i%len(typical)]
		i++
		m.notes.Add(openNoteRequest(n))
		next, cmd := m.Update(noopMsg{})
		m = next.(Model)
		for _, msg := range run(cmd) {
			next, _ = m.Update(msg)
			m = next.(Model)
		}
		if m.reader.Rendering() || m.reader.Note() != n {
			b.Fatal("note not rendered")
		}
		_ = m.View()
	}
	b.ReportMetric(float64(len(typical)), "distinct-notes")
}

// BenchmarkOToPlayer is o pressed to the player asked to seek, through a
// running program with a fake player (the request itself is the player's:
// ui/player's BenchmarkMPVPlay and BenchmarkWebPlay time it).
func BenchmarkOToPlayer(b *testing.B) {
	p := newFakePlayer()
	tm, screen := playerProgram(b, p)
	waitScreen(b, tm, screen, "8 notes")
	tm.Send(keyMsg("/"))
	tm.Type("importance gpus")
	tm.Send(keyMsg("enter"))
	waitScreen(b, tm, screen, "GPUs and Deep Learning")
	tm.Send(keyMsg("t"))
	for b.Loop() {
		tm.Send(keyMsg("o"))
		<-p.played
	}
	b.StopTimer()
	if err := tm.Quit(); err != nil {
		b.Fatal(err)
	}
}
