package loader

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"tubenotes/loader/loadtest"
)

// The generated vault is written to disk once, so that loading it and only
// reading it go through the same file system as the corpus does.
var generated struct {
	once sync.Once
	dir  string
	err  error
}

const generatedNotes = 20_000

func generatedDir(b *testing.B) string {
	generated.once.Do(func() {
		generated.dir, generated.err = os.MkdirTemp("", "tubenotes-bench-")
		if generated.err == nil {
			generated.err = writeVault(generated.dir, loadtest.Generate(generatedNotes, 1))
		}
	})
	if generated.err != nil {
		b.Fatal(generated.err)
	}
	return generated.dir
}

func writeVault(dir string, fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == "." {
			return err
		}
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.Mkdir(dst, 0o755)
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
}

func TestMain(m *testing.M) {
	code := m.Run()
	if generated.dir != "" {
		os.RemoveAll(generated.dir)
	}
	os.Exit(code)
}

func BenchmarkLoadCorpus(b *testing.B)       { benchmarkLoad(b, loadtest.CorpusDir(b)) }
func BenchmarkReadOnlyCorpus(b *testing.B)   { benchmarkReadOnly(b, loadtest.CorpusDir(b)) }
func BenchmarkLoadGenerated20k(b *testing.B) { benchmarkLoad(b, generatedDir(b)) }
func BenchmarkReadOnlyGenerated20k(b *testing.B) {
	benchmarkReadOnly(b, generatedDir(b))
}

// benchmarkLoad times Load, then loads once more untimed, with the heap
// sampled, to report its peak and live heap as ratios to the bytes of the
// notes it read.
func benchmarkLoad(b *testing.B, dir string) {
	fsys := Dir(dir)
	size := vaultBytes(b, fsys)
	load := func() {
		v, err := Load(fsys, Options{})
		if err != nil || len(v.Notes) == 0 {
			b.Fatalf("load: %v, %d notes", err, len(v.Notes))
		}
	}
	timeEach(b, size, load)

	runtime.GC()
	sampler := startHeapSampler()
	v, err := Load(fsys, Options{})
	peak := sampler.stop()
	if err != nil {
		b.Fatal(err)
	}
	live := heapAfterGC() - sampler.base
	runtime.KeepAlive(v)
	b.ReportMetric(float64(peak)/float64(size), "peak-heap/notes")
	b.ReportMetric(float64(live)/float64(size), "live-heap/notes")
	b.ReportMetric(float64(size)/1e6, "notes-MB")
}

// benchmarkReadOnly walks and reads the same files the same way Load does
// (same walk, same worker pool), without parsing them.
func benchmarkReadOnly(b *testing.B, dir string) {
	fsys := Dir(dir)
	timeEach(b, vaultBytes(b, fsys), func() {
		w, err := walk(fsys)
		if err != nil {
			b.Fatal(err)
		}
		read := make([][]byte, len(w.files))
		forEachFile(fsys, w.files, nil, func(_, i int, data []byte, err error) {
			if err != nil {
				b.Error(err)
			}
			read[i] = data
		})
		runtime.KeepAlive(read)
	})
}

// timeEach times run b.N times, each from a collected heap so that no run
// pays for the garbage of the one before, and reports the CPU time a run
// takes beside the wall time (the machine may be shared).
func timeEach(b *testing.B, size int64, run func()) {
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	var cpu time.Duration
	for range b.N {
		b.StopTimer()
		runtime.GC()
		start := loadtest.ProcessCPU()
		b.StartTimer()
		run()
		b.StopTimer()
		cpu += loadtest.ProcessCPU() - start
		b.StartTimer()
	}
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// vaultBytes is the size of the note files Load reads.
func vaultBytes(b *testing.B, fsys fs.FS) int64 {
	w, err := walk(fsys)
	if err != nil {
		b.Fatal(err)
	}
	var size int64
	for _, p := range w.files {
		info, err := fs.Stat(fsys, p)
		if err != nil {
			b.Fatal(err)
		}
		size += info.Size()
	}
	return size
}

// heapSampler reads the bytes of heap objects (live and not yet swept, as
// runtime/metrics counts them) every 100µs and keeps the most above the
// level it started from.
type heapSampler struct {
	base  uint64
	stopc chan struct{}
	peak  chan uint64
}

const heapMetric = "/memory/classes/heap/objects:bytes"

func startHeapSampler() heapSampler {
	s := heapSampler{base: heapBytes(), stopc: make(chan struct{}), peak: make(chan uint64)}
	go func() {
		most := s.base
		tick := time.NewTicker(100 * time.Microsecond)
		defer tick.Stop()
		for {
			select {
			case <-s.stopc:
				most = max(most, heapBytes())
				s.peak <- most - s.base
				return
			case <-tick.C:
				most = max(most, heapBytes())
			}
		}
	}()
	return s
}

func heapBytes() uint64 {
	sample := []metrics.Sample{{Name: heapMetric}}
	metrics.Read(sample)
	return sample[0].Value.Uint64()
}

// heapAfterGC is the heap of live objects only.
func heapAfterGC() uint64 {
	runtime.GC()
	return heapBytes()
}

func (s heapSampler) stop() uint64 {
	close(s.stopc)
	return <-s.peak
}

// BenchmarkParseCorpus and BenchmarkParseGenerated parse notes from
// memory on one goroutine, as a Load worker does: the parser's own speed,
// without the disk or the vault (each note gets a copy of its bytes, as
// from a read).
func BenchmarkParseCorpus(b *testing.B) { benchmarkParse(b, os.DirFS(loadtest.CorpusDir(b))) }
func BenchmarkParseGenerated(b *testing.B) {
	benchmarkParse(b, loadtest.Generate(2000, 1))
}

func benchmarkParse(b *testing.B, fsys fs.FS) {
	w, err := walk(fsys)
	if err != nil {
		b.Fatal(err)
	}
	var files [][]byte
	var size int64
	for _, p := range w.files {
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, data)
		size += int64(len(data))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	var sc scratch
	for b.Loop() {
		for i, data := range files {
			parse(w.files[i], bytes.Clone(data), TimestampsAuto, &sc)
		}
	}
}
