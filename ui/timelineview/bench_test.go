package timelineview

import (
	"testing"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
	"tubenotes/ui/common"
)

// BenchmarkOpen11Notes is v on the corpus video with the most notes: the
// timeline made and laid out (the command's work), then the first frame.
func BenchmarkOpen11Notes(b *testing.B) {
	v, err := loader.Load(loader.Dir(loadtest.CorpusDir(b)), loader.Options{})
	if err != nil {
		b.Fatal(err)
	}
	id, most := "", 0
	for _, vid := range v.Videos {
		if n := len(v.NotesOfVideo(vid.ID)); n > most {
			id, most = vid.ID, n
		}
	}
	m := New(common.New(true))
	m.SetSize(120, 38)
	cpu := loadtest.ProcessCPU()
	for b.Loop() {
		cmd := m.Open(v, id, nil, -1)
		m, _ = m.Update(cmd())
		_ = m.View()
	}
	b.ReportMetric(float64((loadtest.ProcessCPU()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(most), "notes")
	b.ReportMetric(float64(len(m.items)), "rows")
}
