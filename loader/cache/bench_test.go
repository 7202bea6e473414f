package cache

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
	"tubenotes/model/search"
)

// The warm-start benchmarks time, side by side in each iteration (so the
// shared machine's load weighs on both alike), reading every note file
// once and a warm load through the cache (stat walk, cache read, decode,
// index); they report both, in wall and CPU time, and their ratio. The
// cache is written once first, with its index, its files dated in the past.

func BenchmarkWarmLoadCorpus(b *testing.B) {
	benchmarkWarm(b, copyDated(b, loadtest.CorpusDir(b), nil))
}

func BenchmarkWarmLoadGenerated20k(b *testing.B) {
	benchmarkWarm(b, copyDated(b, "", loadtest.Generate(20000, 1)))
}

// BenchmarkOneChangedGenerated20k is a warm load after one note of 20,000
// changed: that note is parsed again and the index patched.
func BenchmarkOneChangedGenerated20k(b *testing.B) {
	dir := copyDated(b, "", loadtest.Generate(20000, 1))
	warm(b, dir)
	note := filepath.Join(dir, "channel03", firstNote(b, filepath.Join(dir, "channel03")))
	b.ResetTimer()
	var cpu time.Duration
	for i := range b.N {
		b.StopTimer()
		when := time.Now().Add(-time.Hour + time.Duration(i+1)*time.Second)
		if err := os.Chtimes(note, when, when); err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		start := loadtest.ProcessCPU()
		b.StartTimer()
		res, err := Load(dir, loader.Dir(dir), loader.Options{})
		b.StopTimer()
		cpu += loadtest.ProcessCPU() - start
		if err != nil || res.Index == nil || !strings.Contains(res.Status, ", 1 parsed") {
			b.Fatalf("%v; index %v (%s)", err, res.Index != nil, res.Status)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

func firstNote(b *testing.B, dir string) string {
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) == 0 {
		b.Fatal(err)
	}
	return entries[0].Name()
}

// warm writes dir's cache with its index.
func warm(b *testing.B, dir string) Result {
	b.Helper()
	res, err := Load(dir, loader.Dir(dir), loader.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if err := res.Save(search.Build(res.Vault.Notes)); err != nil {
		b.Fatal(err)
	}
	return res
}

func benchmarkWarm(b *testing.B, dir string) {
	cold := warm(b, dir)
	size := 0
	for _, n := range cold.Vault.Notes {
		size += len(n.Text())
	}
	file, _ := File(dir)
	info, err := os.Stat(file)
	if err != nil {
		b.Fatal(err)
	}
	cold = Result{}
	b.SetBytes(int64(size))
	b.ResetTimer()
	var readWall, warmWall, readCPU, warmCPU time.Duration
	for range b.N {
		b.StopTimer()
		runtime.GC()
		t0, c0 := time.Now(), loadtest.ProcessCPU()
		readAll(b, dir)
		t1, c1 := time.Now(), loadtest.ProcessCPU()
		readWall, readCPU = readWall+t1.Sub(t0), readCPU+c1-c0
		runtime.GC()
		t0, c0 = time.Now(), loadtest.ProcessCPU()
		b.StartTimer()
		res, err := Load(dir, loader.Dir(dir), loader.Options{})
		b.StopTimer()
		t1, c1 = time.Now(), loadtest.ProcessCPU()
		warmWall, warmCPU = warmWall+t1.Sub(t0), warmCPU+c1-c0
		if err != nil || res.Index == nil {
			b.Fatalf("warm load: %v, %s", err, res.Status)
		}
		b.StartTimer()
	}
	b.StopTimer()
	n := float64(b.N)
	b.ReportMetric(float64(readWall.Microseconds())/1000/n, "read-ms")
	b.ReportMetric(float64(warmCPU.Microseconds())/1000/n, "warm-cpu-ms")
	b.ReportMetric(float64(readCPU.Microseconds())/1000/n, "read-cpu-ms")
	b.ReportMetric(float64(warmWall)/float64(readWall), "warm/read")
	b.ReportMetric(float64(info.Size())/float64(size), "cache/notes")

	runtime.GC()
	base := heapBytes()
	res, err := Load(dir, loader.Dir(dir), loader.Options{})
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	b.ReportMetric(float64(heapBytes()-base)/float64(size), "live-heap/notes")
	runtime.KeepAlive(res)
}

// readAll reads every .md file under dir once, on every core: what a
// start costs at the least without a cache.
func readAll(b *testing.B, dir string) {
	var paths []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".md" {
			paths = append(paths, p)
		}
		return err
	})
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(paths); i += workers {
				if _, err := os.ReadFile(paths[i]); err != nil {
					b.Error(err)
				}
			}
		})
	}
	wg.Wait()
}

// copyDated writes a vault to a temporary folder, from the folder src or
// from fsys, its files dated an hour back, and points XDG_CACHE_HOME at a
// temporary folder.
func copyDated(b *testing.B, src string, fsys fs.FS) string {
	b.Helper()
	b.Setenv("XDG_CACHE_HOME", b.TempDir())
	if fsys == nil {
		fsys = os.DirFS(src)
	}
	dst := b.TempDir()
	past := time.Now().Add(-time.Hour)
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !d.Type().IsRegular() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		full := filepath.Join(dst, filepath.FromSlash(p))
		if err == nil {
			err = os.MkdirAll(filepath.Dir(full), 0o755)
		}
		if err == nil {
			err = os.WriteFile(full, data, 0o644)
		}
		if err == nil {
			err = os.Chtimes(full, past, past)
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return dst
}

func heapBytes() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// BenchmarkColdLoadGenerated20k times, side by side, a load without cache
// (loader.Load) and a first load through the cache, which has none yet
// (cache.Load: it stats every file too, to record them): what the first
// start of a vault pays for its cache before the vault is shown.
func BenchmarkColdLoadGenerated20k(b *testing.B) {
	dir := copyDated(b, "", loadtest.Generate(20000, 1))
	var plainCPU, cachedCPU time.Duration
	var plainWall, cachedWall time.Duration
	for range b.N {
		runtime.GC()
		t0, c0 := time.Now(), loadtest.ProcessCPU()
		if _, err := loader.Load(loader.Dir(dir), loader.Options{}); err != nil {
			b.Fatal(err)
		}
		t1, c1 := time.Now(), loadtest.ProcessCPU()
		plainWall, plainCPU = plainWall+t1.Sub(t0), plainCPU+c1-c0
		runtime.GC()
		t0, c0 = time.Now(), loadtest.ProcessCPU()
		res, err := Load(dir, loader.Dir(dir), loader.Options{})
		t1, c1 = time.Now(), loadtest.ProcessCPU()
		cachedWall, cachedCPU = cachedWall+t1.Sub(t0), cachedCPU+c1-c0
		if err != nil || res.Status != "none yet" {
			b.Fatalf("%v %s", err, res.Status)
		}
	}
	n := float64(b.N)
	b.ReportMetric(float64(plainCPU.Microseconds())/1000/n, "plain-cpu-ms")
	b.ReportMetric(float64(cachedCPU.Microseconds())/1000/n, "first-cpu-ms")
	b.ReportMetric(float64(cachedWall)/float64(plainWall), "first/plain")
}
