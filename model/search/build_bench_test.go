package search

import (
	"io/fs"
	"os"
	"runtime"
	"runtime/metrics"
	"testing"
	"testing/fstest"
	"time"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
	"tubenotes/model"
)

// BenchmarkLoadAndIndex times, side by side in each iteration, the load of
// a vault from memory and the build of its index, and reports their ratio
// in CPU time: on the real corpus as well as on the generated vault, whose
// text is drawn to index like real notes. The corpus is loaded from
// memory (no system calls: the steadier figure) and from its files, as a
// cold start loads it.
func BenchmarkLoadAndIndex(b *testing.B) {
	b.Run("corpus", func(b *testing.B) {
		benchmarkLoadAndIndex(b, inMemory(b, os.DirFS(loadtest.CorpusDir(b))), false)
	})
	// the load as a cold start makes it: the files read from the disk's
	// page cache, not copied to memory first
	b.Run("corpus-files", func(b *testing.B) {
		benchmarkLoadAndIndex(b, loader.Dir(loadtest.CorpusDir(b)), false)
	})
	b.Run("generated20k", func(b *testing.B) { benchmarkLoadAndIndex(b, loadtest.Generate(benchNotes, 1), false) })
}

// BenchmarkLoadAndIndexAgainstReference is BenchmarkLoadAndIndex that also
// builds each iteration's index with referenceBuild, the builder that was,
// so that the two are measured side by side under the same load.
func BenchmarkLoadAndIndexAgainstReference(b *testing.B) {
	b.Run("corpus", func(b *testing.B) {
		benchmarkLoadAndIndex(b, inMemory(b, os.DirFS(loadtest.CorpusDir(b))), true)
	})
	b.Run("generated20k", func(b *testing.B) { benchmarkLoadAndIndex(b, loadtest.Generate(benchNotes, 1), true) })
}

func benchmarkLoadAndIndex(b *testing.B, fsys fs.FS, reference bool) {
	var loadCPU, buildCPU, refCPU float64
	for b.Loop() {
		// Each iteration starts from a collected heap, as a fresh process
		// does: else the iteration before's vault and index are collected
		// during whichever phase runs next, one charged for the other's
		// garbage (a build leaving less garbage made the next load look
		// cheaper, and the ratio did not move).
		runtime.GC()
		c0 := int64(loadtest.ProcessCPU())
		v, err := loader.Load(fsys, loader.Options{})
		if err != nil {
			b.Fatal(err)
		}
		c1 := int64(loadtest.ProcessCPU())
		Build(v.Notes)
		c2 := int64(loadtest.ProcessCPU())
		loadCPU += float64(c1 - c0)
		buildCPU += float64(c2 - c1)
		if reference {
			referenceBuild(v.Notes)
			refCPU += float64(int64(loadtest.ProcessCPU()) - c2)
		}
	}
	b.ReportMetric(loadCPU/float64(b.N)/1e6, "load-cpu-ms")
	b.ReportMetric(buildCPU/float64(b.N)/1e6, "build-cpu-ms")
	b.ReportMetric(buildCPU/loadCPU, "build/load")
	if reference {
		b.ReportMetric(refCPU/float64(b.N)/1e6, "ref-build-cpu-ms")
		b.ReportMetric(refCPU/loadCPU, "ref/load")
	}
}

// inMemory copies the files of fsys into memory.
func inMemory(b *testing.B, fsys fs.FS) fstest.MapFS {
	b.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !d.Type().IsRegular() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return m
}

// BenchmarkBuildPeakHeap reports, for Build and referenceBuild in turn on
// the same notes, how far the heap rises above the loaded vault while the
// index is built (sampled every 100 µs) and what the index holds after.
func BenchmarkBuildPeakHeap(b *testing.B) {
	b.Run("corpus", func(b *testing.B) { benchmarkPeakHeap(b, inMemory(b, os.DirFS(loadtest.CorpusDir(b)))) })
	b.Run("generated20k", func(b *testing.B) { benchmarkPeakHeap(b, loadtest.Generate(benchNotes, 1)) })
}

func benchmarkPeakHeap(b *testing.B, fsys fs.FS) {
	v, err := loader.Load(fsys, loader.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		for _, c := range []struct {
			name  string
			build func([]*model.Note) *Index
		}{{"", Build}, {"ref-", referenceBuild}} {
			base := heapInUse()
			peak, stop := samplePeakHeap()
			ix := c.build(v.Notes)
			stop()
			held := heapInUse() - base
			runtime.KeepAlive(ix)
			b.ReportMetric(float64(*peak-base)/1e6, c.name+"peak-MB")
			b.ReportMetric(float64(held)/1e6, c.name+"index-MB")
		}
	}
}

// samplePeakHeap watches the heap's bytes in objects until stop is called,
// and keeps the most it saw in peak.
func samplePeakHeap() (peak *uint64, stop func()) {
	peak = new(uint64)
	done := make(chan struct{})
	finished := make(chan struct{})
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	go func() {
		defer close(finished)
		for {
			metrics.Read(sample)
			*peak = max(*peak, sample[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-time.After(100 * time.Microsecond):
			}
		}
	}()
	return peak, func() { close(done); <-finished }
}

// BenchmarkBuildAgainstReference builds the index of a loaded vault with
// Build and with referenceBuild, as sub-benchmarks, for their allocations
// (-benchmem) and CPU side by side.
func BenchmarkBuildAgainstReference(b *testing.B) {
	for _, vault := range []struct {
		name string
		fsys func(b *testing.B) fs.FS
	}{
		{"corpus", func(b *testing.B) fs.FS { return inMemory(b, os.DirFS(loadtest.CorpusDir(b))) }},
		{"generated20k", func(b *testing.B) fs.FS { return loadtest.Generate(benchNotes, 1) }},
	} {
		b.Run(vault.name, func(b *testing.B) {
			v, err := loader.Load(vault.fsys(b), loader.Options{})
			if err != nil {
				b.Fatal(err)
			}
			for _, c := range []struct {
				name  string
				build func([]*model.Note) *Index
			}{{"Build", Build}, {"reference", referenceBuild}} {
				b.Run(c.name, func(b *testing.B) {
					cpu := int64(loadtest.ProcessCPU())
					for b.Loop() {
						c.build(v.Notes)
					}
					b.ReportMetric(float64(int64(loadtest.ProcessCPU())-cpu)/float64(b.N)/1e6, "cpu-ms")
				})
			}
		})
	}
}
