package timeline

import (
	"testing"

	"tubenotes/loader/loadtest"
)

// BenchmarkTimeline10Notes builds the timeline of a corpus video with 10
// notes or more (the one with the most).
func BenchmarkTimeline10Notes(b *testing.B) {
	v := loadVault(b, loadtest.CorpusDir(b))
	id, most := "", 0
	for _, vid := range v.Videos {
		if n := len(v.NotesOfVideo(vid.ID)); n > most {
			id, most = vid.ID, n
		}
	}
	if most < 10 {
		b.Skipf("no corpus video has 10 notes (the most: %d)", most)
	}
	rows := 0
	for _, n := range v.NotesOfVideo(id) {
		rows += len(n.Timestamps)
	}
	cpu := loadtest.ProcessCPU()
	for b.Loop() {
		if Of(v, id) == nil {
			b.Fatal("no timeline")
		}
	}
	b.ReportMetric(float64((loadtest.ProcessCPU()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(most), "notes")
	b.ReportMetric(float64(rows), "rows")
}
