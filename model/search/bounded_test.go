package search

import (
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
)

// TestQueryWorkBounded runs the longest queries Parse accepts, made of the
// vault's most common words (a pasted paragraph), and checks what a search
// allocates: less than every position of the vault, decoded. A phrase's words
// are read one at a time, so a long phrase costs about what its commonest
// word does, not that times its length.
func TestQueryWorkBounded(t *testing.T) {
	if testing.Short() {
		// The race run is -short: there sync.Pool drops what it holds at
		// random, so a search allocates twice what it does (17-21 MB
		// against 8), near the bound.
		t.Skip("-short: what a search allocates is measured by the full run")
	}
	v, err := loader.Load(loadtest.Generate(2000, 1), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix := Build(v.Notes)
	common := strings.Fields("the a of and to in is that for it as with on was this by be are from")
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(n int) string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = common[rng.IntN(len(common))]
		}
		return strings.Join(ws, " ")
	}
	// Every position of every word of the vault, decoded: 8 bytes an
	// occurrence, about four times the varint-packed postings.
	limit := 4 * uint64(ix.offs[len(ix.terms)])
	for _, query := range []string{
		`"` + pick(MaxWords) + `"`,
		`"` + strings.Repeat("the ", MaxWords) + `"`,
		`"` + pick(MaxWords/2) + `" "` + pick(MaxWords/2-10) + `"`,
		pick(MaxTerms),
		strings.Repeat(`"the of" `, MaxTerms),
	} {
		q, err := Parse(query)
		if err != nil {
			t.Fatalf("%.40q…: %v", query, err)
		}
		got := allocated(func() { ix.Search(q) })
		t.Logf("%.40q…: %d MB (limit %d MB)", query, got>>20, limit>>20)
		if got > limit {
			t.Errorf("%.40q…: a search allocated %d MB, more than every position of the vault decoded (%d MB)", query, got>>20, limit>>20)
		}
	}
}

// allocated is the number of bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
