package search

import (
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/klauspost/compress/zstd"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
	"tubenotes/model"
)

// storedIndex is an index as a cache would hold it, each part compressed
// on its own as loader/cache compresses its blobs: whole (AppendBinary)
// and in parts (AppendParts).
type storedIndex struct {
	whole   []byte
	head    []byte
	blocks  [][]byte
	raw     int // the whole index's bytes, uncompressed
	rawHead int
}

func storeIndex(b *testing.B, ix *Index) storedIndex {
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBetterCompression), zstd.WithEncoderConcurrency(1), zstd.WithWindowSize(1<<20))
	if err != nil {
		b.Fatal(err)
	}
	whole := ix.AppendBinary(nil)
	head, blocks := ix.AppendParts(DefaultBlockSize)
	s := storedIndex{whole: enc.EncodeAll(whole, nil), head: enc.EncodeAll(head, nil), raw: len(whole), rawHead: len(head)}
	for _, blk := range blocks {
		s.blocks = append(s.blocks, enc.EncodeAll(blk, nil))
	}
	return s
}

// decodeWhole is today's warm path: the whole index decompressed, read and
// every posting walked.
func (s storedIndex) decodeWhole(b *testing.B, dec *zstd.Decoder, notes []*model.Note) *Index {
	data, err := dec.DecodeAll(s.whole, make([]byte, 0, s.raw))
	if err != nil {
		b.Fatal(err)
	}
	ix, err := UnmarshalIndex(unsafe.String(unsafe.SliceData(data), len(data)), notes)
	if err != nil {
		b.Fatal(err)
	}
	return ix
}

// open is the lazy path: the head decompressed and read, blocks
// decompressed as searches need them.
func (s storedIndex) open(b *testing.B, dec *zstd.Decoder, notes []*model.Note, fetched *int) *Index {
	head, err := dec.DecodeAll(s.head, nil)
	if err != nil {
		b.Fatal(err)
	}
	ix, err := Open(head, notes, func(block int) ([]byte, error) {
		*fetched++
		return dec.DecodeAll(s.blocks[block], nil)
	})
	if err != nil {
		b.Fatal(err)
	}
	return ix
}

// BenchmarkOpenAndSearch is a warm `tubenotes search` of a two-word
// phrase, past the loading of notes: the index read from a cache's
// compressed bytes held in memory, then one search, on the 20,000-note
// generated vault and on the corpus. Each iteration runs today's path (the
// whole index decompressed, decoded and validated) and the lazy one (the
// head decompressed and opened, blocks fetched by the search), side by
// side, and reports their CPU time and allocations and the ratios, lazy
// over whole.
func BenchmarkOpenAndSearch(b *testing.B) {
	b.Run("generated20k", func(b *testing.B) { benchmarkOpenAndSearch(b, generatedVault(b).Notes, `"hire culture"`) })
	b.Run("corpus", func(b *testing.B) {
		v, err := loader.Load(os.DirFS(loadtest.CorpusDir(b)), loader.Options{})
		if err != nil {
			b.Fatal(err)
		}
		benchmarkOpenAndSearch(b, v.Notes, `"interest rates"`)
	})
}

func benchmarkOpenAndSearch(b *testing.B, notes []*model.Note, query string) {
	stored := storeIndex(b, Build(notes))
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1))
	if err != nil {
		b.Fatal(err)
	}
	q, err := Parse(query)
	if err != nil {
		b.Fatal(err)
	}
	var wholeCPU, lazyCPU, wholeAlloc, lazyAlloc float64
	fetched := 0
	for b.Loop() {
		runtime.GC() // each path starts from a clean heap
		c0, a0 := int64(loadtest.ProcessCPU()), totalAlloc()
		want := stored.decodeWhole(b, dec, notes).Search(q)
		c1, a1 := int64(loadtest.ProcessCPU()), totalAlloc()
		runtime.GC()
		c2, a2 := int64(loadtest.ProcessCPU()), totalAlloc()
		ix := stored.open(b, dec, notes, &fetched)
		got := ix.Search(q)
		c3, a3 := int64(loadtest.ProcessCPU()), totalAlloc()
		if !slices.Equal(got.Hits, want.Hits) || len(want.Hits) == 0 || ix.Err() != nil {
			b.Fatalf("lazy: %d hits, whole: %d (fault %v)", len(got.Hits), len(want.Hits), ix.Err())
		}
		wholeCPU += float64(c1 - c0)
		lazyCPU += float64(c3 - c2)
		wholeAlloc += float64(a1 - a0)
		lazyAlloc += float64(a3 - a2)
	}
	reportSideBySide(b, wholeCPU, lazyCPU, wholeAlloc, lazyAlloc, fetched)
	b.ReportMetric(float64(len(stored.blocks)), "blocks")
	b.ReportMetric(float64(stored.rawHead)/1e6, "head-MB")
	b.ReportMetric(float64(len(stored.head))/1e6, "head-zstd-MB")
	blocks := 0
	for _, blk := range stored.blocks {
		blocks += len(blk)
	}
	b.ReportMetric(float64(blocks)/1e6, "blocks-zstd-MB")
	b.ReportMetric(float64(stored.raw)/1e6, "whole-MB")
	b.ReportMetric(float64(len(stored.whole))/1e6, "whole-zstd-MB")
}

// BenchmarkOpenPatchAndSearch is a warm start after one note of the
// 20,000 changed, or one came: the index read from the cache, patched with
// the note, then searched for a word of the note's and a two-word phrase;
// the whole index decoded and the lazy one side by side, as
// BenchmarkOpenAndSearch (both patched as Patch does now: the postings
// spliced as searches read them).
func BenchmarkOpenPatchAndSearch(b *testing.B) {
	v := generatedVault(b)
	const changed = 1234
	edited, _ := loader.ParseNote(v.Notes[changed].Path, []byte(strings.Replace(v.Notes[changed].Text(), "\n\n", "\n\nA quite unheardof word here.\n\n", 1)), loader.TimestampsAuto)
	identity := make([]int32, len(v.Notes))
	for i := range identity {
		identity[i] = int32(i)
	}
	b.Run("edited", func(b *testing.B) {
		from := slices.Clone(identity)
		from[changed] = -1
		benchmarkOpenPatchAndSearch(b, v.Notes, with(v.Notes, changed, edited), from)
	})
	b.Run("added", func(b *testing.B) {
		added := *edited
		added.Path += ".new.md"
		benchmarkOpenPatchAndSearch(b, v.Notes, slices.Insert(slices.Clone(v.Notes), changed+1, &added), slices.Insert(slices.Clone(identity), changed+1, -1))
	})
}

func benchmarkOpenPatchAndSearch(b *testing.B, before, notes []*model.Note, from []int32) {
	stored := storeIndex(b, Build(before))
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1))
	if err != nil {
		b.Fatal(err)
	}
	var queries []*Query
	for _, s := range []string{"unheardof", `"hire culture"`} {
		q, err := Parse(s)
		if err != nil {
			b.Fatal(err)
		}
		queries = append(queries, q)
	}
	var wholeCPU, lazyCPU, wholeAlloc, lazyAlloc float64
	fetched := 0
	for b.Loop() {
		runtime.GC()
		c0, a0 := int64(loadtest.ProcessCPU()), totalAlloc()
		whole := Patch(stored.decodeWhole(b, dec, before), notes, from)
		var want []Result
		for _, q := range queries {
			want = append(want, whole.Search(q))
		}
		c1, a1 := int64(loadtest.ProcessCPU()), totalAlloc()
		runtime.GC()
		c2, a2 := int64(loadtest.ProcessCPU()), totalAlloc()
		lazy := Patch(stored.open(b, dec, before, &fetched), notes, from)
		for i, q := range queries {
			if got := lazy.Search(q); !slices.Equal(got.Hits, want[i].Hits) || len(got.Hits) == 0 {
				b.Fatalf("%s: lazy %d hits, whole %d", q, len(got.Hits), len(want[i].Hits))
			}
		}
		c3, a3 := int64(loadtest.ProcessCPU()), totalAlloc()
		wholeCPU += float64(c1 - c0)
		lazyCPU += float64(c3 - c2)
		wholeAlloc += float64(a1 - a0)
		lazyAlloc += float64(a3 - a2)
	}
	reportSideBySide(b, wholeCPU, lazyCPU, wholeAlloc, lazyAlloc, fetched)
}

// reportSideBySide reports the CPU and allocation of the whole and the
// lazy reading, summed over b.N rounds, and their ratios.
func reportSideBySide(b *testing.B, wholeCPU, lazyCPU, wholeAlloc, lazyAlloc float64, fetched int) {
	n := float64(b.N)
	b.ReportMetric(wholeCPU/n/1e6, "whole-cpu-ms")
	b.ReportMetric(lazyCPU/n/1e6, "lazy-cpu-ms")
	b.ReportMetric(lazyCPU/wholeCPU, "lazy/whole-cpu")
	b.ReportMetric(wholeAlloc/n/1e6, "whole-MB-alloc")
	b.ReportMetric(lazyAlloc/n/1e6, "lazy-MB-alloc")
	b.ReportMetric(lazyAlloc/wholeAlloc, "lazy/whole-alloc")
	b.ReportMetric(float64(fetched)/n, "blocks-fetched")
}

func totalAlloc() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.TotalAlloc
}
