package links

import (
	"testing"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
	"tubenotes/model"
)

// mostLinked is the note of v that the most links resolve to.
func mostLinked(v *model.Vault) *model.Note {
	var best *model.Note
	for _, n := range v.Notes {
		if best == nil || len(v.Backlinks(n.Path)) > len(v.Backlinks(best.Path)) {
			best = n
		}
	}
	return best
}

// BenchmarkBacklinks20k lists the links into the most linked note of a
// generated vault of 20,000 notes after PrepareBacklinks (mostLinked calls
// Backlinks, which gathers them the same way).
func BenchmarkBacklinks20k(b *testing.B) {
	v, err := loader.Load(loadtest.Generate(20_000, 1), loader.Options{})
	if err != nil {
		b.Fatal(err)
	}
	n := mostLinked(v)
	cpu := loadtest.ProcessCPU()
	for b.Loop() {
		Backlinks(v, n)
	}
	b.ReportMetric(float64((loadtest.ProcessCPU()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(len(v.Backlinks(n.Path))), "links")
}

// BenchmarkBacklinksFirst20k is the first call after a load: gathering the
// backlinks of all 20,000 notes, then listing the most linked note's.
func BenchmarkBacklinksFirst20k(b *testing.B) {
	loaded, err := loader.Load(loadtest.Generate(20_000, 1), loader.Options{})
	if err != nil {
		b.Fatal(err)
	}
	paths := make([]string, len(loaded.Notes))
	for i, n := range loaded.Notes {
		paths[i] = n.Path
	}
	target := mostLinked(loaded).Path
	var spent int64
	for b.Loop() {
		b.StopTimer()
		v := model.NewResolvedVault(model.NewNames(paths), loaded.Notes, nil, nil)
		cpu := loadtest.ProcessCPU()
		b.StartTimer()
		Backlinks(v, v.Note(target))
		spent += int64(loadtest.ProcessCPU() - cpu)
	}
	b.ReportMetric(float64(spent)/1e6/float64(b.N), "cpu-ms/op")
}
