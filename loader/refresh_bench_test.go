package loader

import (
	"testing"

	"tubenotes/model"
)

// BenchmarkRefreshEdit20k re-reads one edited note of the generated
// 20,000-note vault on disk: the work between a save and the new vault.
func BenchmarkRefreshEdit20k(b *testing.B) {
	fsys := Dir(generatedDir(b))
	v, err := Load(fsys, Options{})
	if err != nil {
		b.Fatal(err)
	}
	p := v.Notes[len(v.Notes)/2].Path
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if w := Refresh(fsys, v, []string{p}, Options{}); len(w.Notes) != len(v.Notes) {
			b.Fatal("a note went missing")
		}
	}
}

// BenchmarkRefreshNew20k is a new note in the 20,000-note vault: the set
// of paths changes, so every link is resolved again.
func BenchmarkRefreshNew20k(b *testing.B) {
	fsys := Dir(generatedDir(b))
	v, err := Load(fsys, Options{})
	if err != nil {
		b.Fatal(err)
	}
	p := v.Notes[len(v.Notes)/2].Path
	without := v.Apply([]model.Change{{Path: p}})
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if w := Refresh(fsys, without, []string{p}, Options{}); len(w.Notes) != len(v.Notes) {
			b.Fatal("the new note is missing")
		}
	}
}

// BenchmarkLoad20kForRefresh is the whole load the refreshes replace,
// measured beside them for the ratio.
func BenchmarkLoad20kForRefresh(b *testing.B) {
	fsys := Dir(generatedDir(b))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(fsys, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
