package search

import (
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
	"tubenotes/model"
)

const benchNotes = 20_000

var generated struct {
	once  sync.Once
	vault *model.Vault
	load  time.Duration
	err   error
}

// generatedVault is loadtest.Generate(20000) loaded once, with the time the
// load took, to compare the index build with.
func generatedVault(b *testing.B) *model.Vault {
	generated.once.Do(func() {
		fsys := loadtest.Generate(benchNotes, 1)
		start := time.Now()
		generated.vault, generated.err = loader.Load(fsys, loader.Options{})
		generated.load = time.Since(start)
	})
	if generated.err != nil {
		b.Fatal(generated.err)
	}
	return generated.vault
}

func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkLoad20k loads the generated vault from memory, the load time the
// index build is compared with.
func BenchmarkLoad20k(b *testing.B) {
	fsys := loadtest.Generate(benchNotes, 1)
	b.ResetTimer()
	cpu := int64(loadtest.ProcessCPU())
	for b.Loop() {
		if _, err := loader.Load(fsys, loader.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(int64(loadtest.ProcessCPU())-cpu)/float64(b.N)/1e6, "cpu-ms/op")
}

func BenchmarkIndexBuild20k(b *testing.B) {
	v := generatedVault(b)
	size := textBytes(v.Notes)
	b.SetBytes(int64(size))
	before := heapInUse()
	ix := Build(v.Notes)
	held := heapInUse() - before
	runtime.KeepAlive(ix)
	cpu := int64(loadtest.ProcessCPU())
	for b.Loop() {
		Build(v.Notes)
	}
	b.ReportMetric(float64(int64(loadtest.ProcessCPU())-cpu)/float64(b.N)/1e6, "cpu-ms/op")
	b.ReportMetric(float64(held)/float64(size), "index/text-bytes")
	b.ReportMetric(float64(held)/1e6, "index-MB")
	b.ReportMetric(float64(size)/1e6, "text-MB")
	b.ReportMetric(float64(ix.Terms()), "terms")
}

var benchQueries = []struct{ name, query string }{
	{"word", "retention"},
	{"two_words", "bitcoin protocol"},
	{"three_words", "growth team culture"},
	{"prefix", "pro"},
	{"short_word", "pr"},
	{"phrase", `"product market"`},
	{"exclude", "retention -bitcoin"},
	{"channel", "channel:channel07 gradient"},
	{"title", "title:growth neuron"},
	{"common", "the"},
	{"none", "zzzyzzx"},
}

func BenchmarkQuery20k(b *testing.B) {
	v := generatedVault(b)
	ix := Build(v.Notes)
	for _, c := range benchQueries {
		q, err := Parse(c.query)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			var res Result
			cpu := int64(loadtest.ProcessCPU())
			for b.Loop() {
				res = ix.Search(q)
			}
			// CPU time beside wall time: on a shared machine the wall
			// time includes waiting for a core.
			b.ReportMetric(float64(int64(loadtest.ProcessCPU())-cpu)/float64(b.N)/1e6, "cpu-ms/op")
			b.ReportMetric(float64(len(res.Hits)), "hits")
			b.ReportMetric(float64(res.Notes), "notes")
		})
	}
}

// BenchmarkQueryCorpus runs the same query shapes over the real notes.
func BenchmarkQueryCorpus(b *testing.B) {
	v, err := loader.Load(os.DirFS(loadtest.CorpusDir(b)), loader.Options{})
	if err != nil {
		b.Fatal(err)
	}
	ix := Build(v.Notes)
	for _, query := range []string{"bitcoin", `"product market fit"`, "growth team culture", "pro", "the", "istanbul -channel:bankless"} {
		q, err := Parse(query)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(query, func(b *testing.B) {
			var res Result
			for b.Loop() {
				res = ix.Search(q)
			}
			b.ReportMetric(float64(len(res.Hits)), "hits")
		})
	}
}

// BenchmarkLongQueries20k runs the longest queries Parse takes, pasted
// paragraphs of common words, and reports the memory each allocates above
// the index (the target: 100 MB; wall and CPU time beside it).
func BenchmarkLongQueries20k(b *testing.B) {
	v := generatedVault(b)
	ix := Build(v.Notes)
	para := strings.Fields("the team of founder and the market to learn in a model that is the data for it as a product with growth on the strategy")
	long := func(n int) string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = para[i%len(para)]
		}
		return strings.Join(ws, " ")
	}
	for _, c := range []struct{ name, query string }{
		{"phrase_256_words", `"` + long(MaxWords) + `"`},
		{"phrase_present", `"` + longestParagraph(v.Notes, MaxWords) + `"`},
		{"max_terms_words", long(MaxTerms)},
		{"max_terms_phrases", strings.Repeat(`"the team of founder and the market to" `, MaxTerms)},
		{"10000_chars_refused", strings.Repeat("growth ", 10000/7)},
	} {
		b.Run(c.name, func(b *testing.B) {
			q, err := Parse(c.query)
			if err != nil {
				b.ReportMetric(0, "MB/op")
				return
			}
			var alloc uint64
			cpu := int64(loadtest.ProcessCPU())
			for b.Loop() {
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				ix.Search(q)
				runtime.ReadMemStats(&after)
				alloc = max(alloc, after.TotalAlloc-before.TotalAlloc)
			}
			b.ReportMetric(float64(int64(loadtest.ProcessCPU())-cpu)/float64(b.N)/1e6, "cpu-ms/op")
			b.ReportMetric(float64(alloc)/1e6, "max-MB-allocated")
		})
	}
}

// longestParagraph is the visible words of the longest paragraph of notes,
// at most max of them: a long phrase that is there, so a search for it
// reads every one of its words.
func longestParagraph(notes []*model.Note, max int) string {
	var best, cur []string
	for _, n := range notes {
		cur = cur[:0]
		for line := range strings.SplitSeq(n.Text(), "\n") {
			words := Tokens(Visible(line))
			if len(words) == 0 || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "---") {
				cur = cur[:0]
				continue
			}
			cur = append(cur, words...)
			if len(cur) > len(best) {
				best = append(best[:0], cur...)
			}
		}
	}
	return strings.Join(best[:min(len(best), max)], " ")
}
