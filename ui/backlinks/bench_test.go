package backlinks

import (
	"testing"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
	"tubenotes/model"
	"tubenotes/model/search"
)

// BenchmarkFind20k is the pane's command for the most linked note of a
// generated vault of 20,000 notes, backlinks gathered and the index built:
// its links, then the mentions of its title (one search).
func BenchmarkFind20k(b *testing.B) {
	v, err := loader.Load(loadtest.Generate(20_000, 1), loader.Options{})
	if err != nil {
		b.Fatal(err)
	}
	v.PrepareBacklinks()
	ix := search.Build(v.Notes)
	var best *model.Note
	for _, n := range v.Notes {
		if best == nil || len(v.Backlinks(n.Path)) > len(v.Backlinks(best.Path)) {
			best = n
		}
	}
	var msg FoundMsg
	cpu := loadtest.ProcessCPU()
	for b.Loop() {
		msg = Find(v, ix, best)().(FoundMsg)
	}
	b.ReportMetric(float64((loadtest.ProcessCPU()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(len(msg.linked)), "links")
	b.ReportMetric(float64(len(msg.mentions)), "mentions")
}
