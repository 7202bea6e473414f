package render

import (
	"os"
	"slices"
	"testing"
	"time"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
)

// BenchmarkRenderCorpus renders every note of the real corpus once a loop
// in the dark style at 100 columns and reports the median and the 99th
// percentile of one note's render time (run it with -benchtime 1x).
func BenchmarkRenderCorpus(b *testing.B) {
	v, err := loader.Load(os.DirFS(loadtest.CorpusDir(b)), loader.Options{})
	if err != nil {
		b.Fatal(err)
	}
	st := NewStyles("dark", true)
	var times []time.Duration
	for b.Loop() {
		for _, n := range v.Notes {
			start := time.Now()
			r := Render(v, Key{Note: n, Width: 100, Style: "dark"}, st)
			times = append(times, time.Since(start))
			if r.Err != nil {
				b.Fatalf("%s: %v", n.Path, r.Err)
			}
		}
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds()), "median-µs/note")
	b.ReportMetric(float64(times[len(times)*99/100].Microseconds()), "p99-µs/note")
}
