package loader

import (
	"testing"

	"tubenotes/loader/loadtest"
)

// BenchmarkStamped* time the stat walk a warm search makes (Stamped), and
// the walk it replaced on Linux (walk, then stat every file by its path),
// with the CPU time of each beside the wall time.
func BenchmarkStampedCorpus(b *testing.B)        { benchmarkStamped(b, loadtest.CorpusDir(b), false) }
func BenchmarkStampedSlowCorpus(b *testing.B)    { benchmarkStamped(b, loadtest.CorpusDir(b), true) }
func BenchmarkStampedGenerated(b *testing.B)     { benchmarkStamped(b, generatedDir(b), false) }
func BenchmarkStampedSlowGenerated(b *testing.B) { benchmarkStamped(b, generatedDir(b), true) }

func benchmarkStamped(b *testing.B, dir string, slow bool) {
	fsys := Dir(dir)
	timeEach(b, 0, func() {
		var files []File
		var err error
		if slow {
			_, files, err = stamped(fsys)
		} else {
			files, err = Stamped(fsys)
		}
		if err != nil || len(files) == 0 {
			b.Fatalf("%d files, %v", len(files), err)
		}
	})
}
