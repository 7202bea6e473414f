package search

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
	"tubenotes/model"
)

// fromParts is ix stored in parts of blockSize and opened again, reading
// blocks from memory; fetched counts the fetches.
func fromParts(t testing.TB, ix *Index, notes []*model.Note, blockSize int) (opened *Index, blocks [][]byte, fetched *atomic.Int64) {
	t.Helper()
	head, blocks := ix.AppendParts(blockSize)
	fetched = new(atomic.Int64)
	opened, err := Open(head, notes, func(b int) ([]byte, error) {
		fetched.Add(1)
		return blocks[b], nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return opened, blocks, fetched
}

// smallVaultQueries exercise every kind of term and filter on the notes of
// search_test.go.
var smallVaultQueries = []string{
	"high power", "distance numbers", "CAFE", "café istanbul", "ISIK", "geometr", "p", "ge", "geo",
	`"difference is divisible"`, `"is divisible by"`, `"difference divisible"`, `"close when"`,
	"distance -bull", `market -"bear market"`, `market -"market bear"`, "distance channel:bank",
	"distance -channel:maths", "distance title:geometric", "distance -title:geometric -title:bull",
	"channel:bankless", "label", "alternative", "alternative infinite", `"distance metric"`,
	`"bea mark"`, `"geometric ser converges"`, `"a bea"`, `title:"distance metric"`, "zzz", `"gpu"`,
}

// sampleQueries draws n queries from the notes' visible words: words,
// prefixes, quoted words, phrases of consecutive words, exclusions, and
// channel and title filters.
func sampleQueries(notes []*model.Note, n int) []string {
	rng := rand.New(rand.NewPCG(7, 11))
	queries := []string{"the", "pro", "pr", `"the"`, "zzzyzzx", "a b c"}
	for len(queries) < n {
		nt := notes[rng.IntN(len(notes))]
		lines := strings.Split(nt.Text(), "\n")
		words := Tokens(Visible(lines[rng.IntN(len(lines))]))
		if len(words) < 3 {
			continue
		}
		k := rng.IntN(len(words) - 2)
		w, x, y := words[k], words[k+1], words[k+2]
		other := Tokens(notes[rng.IntN(len(notes))].Title)
		channel := Tokens(nt.Channel)
		switch rng.IntN(9) {
		case 0:
			queries = append(queries, w)
		case 1:
			queries = append(queries, w[:min(len(w), 3+rng.IntN(2))])
		case 2:
			queries = append(queries, `"`+w+`"`)
		case 3:
			queries = append(queries, `"`+w+" "+x+`"`, `"`+w+" "+x+" "+y+`"`)
		case 4:
			queries = append(queries, w+" "+y)
		case 5:
			if len(other) > 0 {
				queries = append(queries, w+" -"+other[0], x+` -"`+w+" "+x+`"`)
			}
		case 6:
			if len(channel) > 0 {
				queries = append(queries, "channel:"+channel[0]+" "+w, "-channel:"+channel[0]+" "+x)
			}
		case 7:
			if len(other) > 0 {
				queries = append(queries, "title:"+other[0]+" "+w, "-title:"+other[0]+" "+y)
			}
		case 8:
			queries = append(queries, w[:min(len(w), 4)]+" "+x[:min(len(x), 3)])
		}
	}
	return queries
}

// sameSearches checks that got answers every query as want does, hit for
// hit, and met no fault.
func sameSearches(t *testing.T, got, want *Index, queries []string) {
	t.Helper()
	found := 0
	for _, query := range queries {
		q, err := Parse(query)
		if err != nil {
			t.Fatalf("%q: %v", query, err)
		}
		g, w := got.Search(q), want.Search(q)
		if g.Notes != w.Notes || !slices.Equal(g.Hits, w.Hits) {
			t.Errorf("%q: %d hits in %d notes, want %d in %d", query, len(g.Hits), g.Notes, len(w.Hits), w.Notes)
		}
		found += w.Notes
	}
	if err := got.Err(); err != nil {
		t.Errorf("fault: %v", err)
	}
	if found == 0 {
		t.Error("no query found anything: the test tests nothing")
	}
}

func TestPartsRoundTrip(t *testing.T) {
	size := 2000
	if testing.Short() { // the race detector's run: the full run checks 2,000
		size = 300
	}
	generated, err := loader.Load(loadtest.Generate(size, 1), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		notes   []*model.Note
		queries []string
	}{
		{"testdata", vault, smallVaultQueries},
		{"generated2000", generated.Notes, sampleQueries(generated.Notes, 300)},
	} {
		built := Build(c.notes)
		// 1 byte: a block a term; 512: blocks of a few terms; the default.
		for _, size := range []int{1, 512, DefaultBlockSize} {
			t.Run(fmt.Sprintf("%s/%d", c.name, size), func(t *testing.T) {
				opened, blocks, _ := fromParts(t, built, c.notes, size)
				sameSearches(t, opened, built, c.queries)
				if !bytes.Equal(opened.AppendBinary(nil), built.AppendBinary(nil)) {
					t.Error("the opened index writes other bytes")
				}
				head, again := opened.AppendParts(size)
				want, _ := built.AppendParts(size)
				if !bytes.Equal(head, want) || len(again) != len(blocks) {
					t.Fatalf("the opened index writes another head, or %d blocks for %d", len(again), len(blocks))
				}
				for b := range blocks {
					if !bytes.Equal(again[b], blocks[b]) {
						t.Fatalf("block %d differs", b)
					}
				}
			})
		}
	}
}

func TestPartsRoundTripCorpus(t *testing.T) {
	v := loadCorpus(t)
	built := Build(v.Notes)
	opened, _, _ := fromParts(t, built, v.Notes, DefaultBlockSize)
	sameSearches(t, opened, built, append(sampleQueries(v.Notes, 300), `"attention mechanism"`, "istanbul channel:nisanyans", "title:bitcoin", "türkiye"))
}

// TestPartsBlocks: blocks keep each term whole, are about the size asked,
// and a term bigger than that has a block of its own.
func TestPartsBlocks(t *testing.T) {
	notes := generatedNotes(t, 200)
	ix := Build(notes)
	_, blocks := ix.AppendParts(1024)
	first := ix.blockBounds(1024)
	if len(first) != len(blocks)+1 || len(blocks) < 10 {
		t.Fatalf("%d blocks, %d bounds", len(blocks), len(first))
	}
	for b, data := range blocks {
		lo, hi := first[b], first[b+1]
		size := int(ix.offs[hi] - ix.offs[lo])
		if len(data) != size {
			t.Errorf("block %d: %d bytes, its terms have %d", b, len(data), size)
		}
		if size > 1024 && hi-lo != 1 {
			t.Errorf("block %d: %d bytes in %d terms, over the size asked", b, size, hi-lo)
		}
		if next := b + 1; next < len(blocks) && size+int(ix.offs[hi+1]-ix.offs[hi]) <= 1024 {
			t.Errorf("block %d ends early: the next term would fit", b)
		}
	}
	// No notes, or notes without a word: no block.
	for _, notes := range [][]*model.Note{nil, {(&model.Note{Path: "empty.md", BodyLine: 1}).SetBody("--- ...", nil)}} {
		head, blocks := Build(notes).AppendParts(1024)
		ix, err := Open(head, notes, nil)
		q, _ := Parse("word")
		if err != nil || len(blocks) != 0 || ix.Search(q).Notes != 0 {
			t.Errorf("%d notes: %d blocks, %v", len(notes), len(blocks), err)
		}
	}
}

// TestOpenFetchesOnlyNeeded: searching a word reads the one block holding
// it, and searching it again reads nothing.
func TestOpenFetchesOnlyNeeded(t *testing.T) {
	notes := generatedNotes(t, 300)
	built := Build(notes)
	opened, blocks, fetched := fromParts(t, built, notes, 2048)
	if fetched.Load() != 0 {
		t.Fatalf("Open fetched %d blocks", fetched.Load())
	}
	word := Tokens(notes[3].Title)[0]
	q, _ := Parse(`"` + word + `"`)
	want := built.Search(q)
	if got := opened.Search(q); !slices.Equal(got.Hits, want.Hits) || len(want.Hits) == 0 {
		t.Fatalf("%q: %d hits, want %d", word, len(got.Hits), len(want.Hits))
	}
	if n := fetched.Load(); n != 1 {
		t.Errorf("searching %q fetched %d of %d blocks, want 1", word, n, len(blocks))
	}
	opened.Search(q)
	if n := fetched.Load(); n != 1 {
		t.Errorf("searching %q again fetched %d blocks in all, want the one cached", word, n)
	}
	// A phrase reads its words' blocks, no more.
	words := strings.Join(Tokens(notes[3].Title)[:2], " ")
	q, _ = Parse(`"` + words + `"`)
	lo, hi, _ := opened.termRange(Tokens(words)[0], true)
	lo2, hi2, _ := opened.termRange(Tokens(words)[1], true)
	needed := map[int]bool{}
	for _, r := range [][2]int{{lo, hi}, {lo2, hi2}} {
		for id := r[0]; id < r[1]; id++ {
			needed[blockOf(opened.lazy.first, id)] = true
		}
	}
	before := fetched.Load()
	opened.Search(q)
	if got := fetched.Load() - before; got > int64(len(needed)) {
		t.Errorf("%q fetched %d blocks, its words are in %d", words, got, len(needed))
	}
}

// blockOf is the block holding term id.
func blockOf(first []int32, id int) int {
	b := 0
	for first[b+1] <= int32(id) {
		b++
	}
	return b
}

// TestOpenBadBlocks: a block that can't be fetched, or whose bytes are
// not the postings it should hold, is a fault Err reports; searches go on
// without a panic, their hits on lines of their notes, and other terms are
// still found.
func TestOpenBadBlocks(t *testing.T) {
	notes := generatedNotes(t, 300)
	built := Build(notes)
	head, blocks := built.AppendParts(2048)
	broken := errors.New("disk on fire")
	word := Tokens(notes[3].Title)[0]
	wordBlock := blockOf(built.blockBounds(2048), slices.Index(built.terms, word))
	for _, c := range []struct {
		name  string
		fetch func(b int) ([]byte, error)
		want  error
	}{
		{"error", func(int) ([]byte, error) { return nil, broken }, broken},
		{"garbage", func(b int) ([]byte, error) { return bytes.Repeat([]byte{0xff}, len(blocks[b])), nil }, ErrBadIndex},
		{"short", func(b int) ([]byte, error) { return blocks[b][:len(blocks[b])-1], nil }, ErrBadIndex},
		{"another block", func(b int) ([]byte, error) { return blocks[(b+1)%len(blocks)], nil }, ErrBadIndex},
		{"random", func(b int) ([]byte, error) {
			rng := rand.New(rand.NewPCG(uint64(b), 3))
			out := make([]byte, len(blocks[b]))
			for i := range out {
				out[i] = byte(rng.IntN(256))
			}
			return out, nil
		}, ErrBadIndex},
	} {
		t.Run(c.name, func(t *testing.T) {
			// Every block is at fault but those of another word's.
			ix, err := Open(head, notes, func(b int) ([]byte, error) {
				if b != wordBlock {
					return c.fetch(b)
				}
				return blocks[b], nil
			})
			if err != nil {
				t.Fatal(err)
			}
			for _, query := range sampleQueries(notes, 100) {
				q, _ := Parse(query)
				for _, h := range ix.Search(q).Hits {
					if h.Line < 1 || h.Line > h.Note.LineCount() {
						t.Fatalf("%q: hit on line %d of %s", query, h.Line, h.Note.Path)
					}
				}
			}
			if err := ix.Err(); !errors.Is(err, c.want) {
				t.Errorf("Err() = %v, want %v", err, c.want)
			}
			q, _ := Parse(`"` + word + `"`)
			if got, want := ix.Search(q), built.Search(q); !slices.Equal(got.Hits, want.Hits) {
				t.Errorf("%q, whose block is sound: %d hits, want %d", word, len(got.Hits), len(want.Hits))
			}
			// A patch of it inherits the fault.
			if err := Patch(ix, notes, identity(len(notes))).Err(); !errors.Is(err, c.want) {
				t.Errorf("patched: Err() = %v, want %v", err, c.want)
			}
		})
	}
}

// TestOpenRejects: a head cut anywhere, or for other notes, is refused.
func TestOpenRejects(t *testing.T) {
	notes := generatedNotes(t, 40)
	head, blocks := Build(notes).AppendParts(256)
	fetch := func(b int) ([]byte, error) { return blocks[b], nil }
	if _, err := Open(head, notes[1:], fetch); err != ErrBadIndex {
		t.Errorf("fewer notes: %v", err)
	}
	for cut := 0; cut < len(head); cut += 1 + cut/7 {
		if _, err := Open(head[:cut], notes, fetch); err != ErrBadIndex {
			t.Fatalf("cut at %d of %d: %v", cut, len(head), err)
		}
	}
	if _, err := Open(append(slices.Clone(head), 0), notes, fetch); err != ErrBadIndex {
		t.Errorf("a byte too many: %v", err)
	}
}

// TestPatchLazyIsBuild: patching an opened index, and patching that
// again, gives what Build gives, and reads no block: postings are spliced
// and renumbered when a search reads them.
func TestPatchLazyIsBuild(t *testing.T) {
	before := generatedNotes(t, 200)
	editedNote, _ := loader.ParseNote(before[7].Path, []byte(strings.Replace(before[7].Text(), "\n\n", "\n\nA quite unheardof word here.\n\n", 1)), loader.TimestampsAuto)
	again, _ := loader.ParseNote(before[9].Path, []byte(before[9].Text()+"\n\nAnother zyxwvut line.\n"), loader.TimestampsAuto)
	queries := append(sampleQueries(before, 150), "unheardof", "zyxwvut", `"quite unheardof"`)
	for _, tc := range []struct {
		name  string
		notes []*model.Note
		from  []int32
	}{
		{"nothing changed", before, identity(len(before))},
		{"one note edited", with(before, 7, editedNote), edited7(len(before))},
		{"one note gone", slices.Delete(slices.Clone(before), 20, 21), gone20(len(before))},
		{"one note came", slices.Insert(slices.Clone(before), 50, editedNote), slices.Insert(identity(len(before)), 50, -1)},
		{"every note new", before, minusOnes(len(before))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			old, blocks, fetched := fromParts(t, Build(before), before, 1024)
			got := Patch(old, tc.notes, tc.from)
			if n := fetched.Load(); n != 0 {
				t.Errorf("the patch fetched %d of %d blocks, want none: they are read as searches need them", n, len(blocks))
			}
			built := Build(tc.notes)
			if !bytes.Equal(got.AppendBinary(nil), built.AppendBinary(nil)) {
				t.Error("patched index differs from a built one")
			}
			sameSearches(t, got, built, queries)
			// A patch of the patch, as live reload makes them.
			next := with(tc.notes, 9, again)
			from := identity(len(tc.notes))
			from[9] = -1
			got2 := Patch(got, next, from)
			if got2.over == nil || got2.over.base != old {
				t.Error("a patch of a patch does not read the opened index directly")
			}
			if !bytes.Equal(got2.AppendBinary(nil), Build(next).AppendBinary(nil)) {
				t.Error("twice patched index differs from a built one")
			}
			sameSearches(t, got2, Build(next), queries)
		})
	}
}

// TestPatchDropsChangedNotesFromEveryTerm: a changed note's old entries
// leave every term, not only those its old text held (the text a cache's
// note has may already be the new one, or a damaged cache may claim
// another): no hit falls on a line the note no longer has.
func TestPatchDropsChangedNotesFromEveryTerm(t *testing.T) {
	long := note("a.md", "c", strings.Repeat("filler line\n", 300)+"needle here\n")
	short := note("a.md", "c", "short now\n")
	other := note("b.md", "c", "needle too\n")
	old := Build([]*model.Note{long, other})
	old.notes = []*model.Note{note("a.md", "c", "filler line\n"), other} // what the cache claims a.md held
	ix := Patch(old, []*model.Note{short, other}, []int32{-1, 1})
	q, _ := Parse("needle")
	hits := ix.Search(q).Hits
	if len(hits) != 1 || hits[0].Note != other {
		t.Errorf("needle: %d hits (%v), want b.md's alone", len(hits), hits)
	}
	if ix.Err() != nil {
		t.Errorf("Err() = %v", ix.Err())
	}
}

// TestOpenConcurrentSearches: searches at once on an opened index whose
// block cache holds little, so blocks come and go under them (run with
// -race).
func TestOpenConcurrentSearches(t *testing.T) {
	notes := generatedNotes(t, 300)
	built := Build(notes)
	opened, _, fetched := fromParts(t, built, notes, 512)
	opened.lazy.limit = 4096
	queries := sampleQueries(notes, 60)
	want := make([]Result, len(queries))
	for i, query := range queries {
		q, _ := Parse(query)
		want[i] = built.Search(q)
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := range queries {
				k := (i + w*17) % len(queries)
				q, _ := Parse(queries[k])
				if got := opened.Search(q); !slices.Equal(got.Hits, want[k].Hits) {
					t.Errorf("%q: %d hits, want %d", queries[k], len(got.Hits), len(want[k].Hits))
				}
			}
		})
	}
	wg.Wait()
	if opened.lazy.bytes > opened.lazy.limit && opened.lazy.recent.Len() > 1 {
		t.Errorf("the cache holds %d bytes in %d blocks, over its %d", opened.lazy.bytes, opened.lazy.recent.Len(), opened.lazy.limit)
	}
	if fetched.Load() == 0 || opened.Err() != nil {
		t.Errorf("%d fetches, fault %v", fetched.Load(), opened.Err())
	}
}

// FuzzOpen feeds Open any head, and its index any block: Open returns an
// error or an index, never panics, and allocates a bounded multiple of the
// head; searches of an opened index whose head tells the notes' line counts
// right find hits only on lines of their notes. (Open can't check a count
// without reading every note's text; UnmarshalIndex trusts it as well.)
func FuzzOpen(f *testing.F) {
	built := Build(vault)
	edited := with(vault, 1, note("maths/series.md", "maths", "---\ntitle: Geometric series\n---\n# Geometric series\n\nA bear market, shorter.\n"))
	edited1 := identity(len(vault))
	edited1[1] = -1
	for _, size := range []int{1, 64, 4096} {
		head, blocks := Build(vault).AppendParts(size)
		f.Add(head, blocks[0])
		f.Add(head[:len(head)/2], blocks[len(blocks)-1])
	}
	queries := []*Query{}
	for _, s := range []string{"distance", `"bear market"`, "geo -bull", "channel:maths p"} {
		q, _ := Parse(s)
		queries = append(queries, q)
	}
	f.Fuzz(func(t *testing.T, head, block []byte) {
		var ix *Index
		var err error
		got := allocated(func() {
			ix, err = Open(head, vault, func(int) ([]byte, error) { return block, nil })
		})
		if limit := 64*uint64(len(head)) + 4096; got > limit {
			t.Errorf("Open of %d bytes allocated %d", len(head), got)
		}
		if err != nil {
			return
		}
		// The index, and a patch of it with a note edited.
		patched := Patch(ix, edited, edited1)
		for _, x := range []*Index{ix, patched} {
			for _, q := range queries {
				for _, h := range x.Search(q).Hits {
					if slices.Equal(ix.docs, built.docs) && (h.Line < 1 || h.Line > h.Note.LineCount()) {
						t.Fatalf("hit on line %d of %s", h.Line, h.Note.Path)
					}
				}
			}
		}
		// An index that is the one built, blocks and all, patches to the
		// one built of the notes edited.
		if bytes.Equal(ix.AppendBinary(nil), built.AppendBinary(nil)) && !bytes.Equal(patched.AppendBinary(nil), Build(edited).AppendBinary(nil)) {
			t.Fatal("a patch of the index built differs from the index built of the notes edited")
		}
	})
}

// TestLongNotesLines: a note longer than dense line masks go is scored as
// a short one is; and a head that claims a note of a billion lines costs a
// search no more memory than its matches.
func TestLongNotesLines(t *testing.T) {
	for _, blank := range []int{10, maxDenseLines + 10} {
		n := note("long.md", "c", "alpha beta\n"+strings.Repeat("\n", blank)+"alpha gamma\nbeta alpha\n")
		want := []string{"long.md:1", "long.md:" + itoa(blank+3), "long.md:" + itoa(blank+2)}
		if got := hits(t, []*model.Note{n}, "alpha beta"); !slices.Equal(got, want) {
			t.Errorf("%d blank lines: %q, want %q", blank, got, want)
		}
	}
	ix := Build(vault)
	ix.docs[1].lines = 1 << 30
	head, blocks := ix.AppendParts(DefaultBlockSize)
	opened, err := Open(head, vault, func(b int) ([]byte, error) { return blocks[b], nil })
	if err != nil {
		t.Fatal(err)
	}
	q, _ := Parse("geometric series")
	var res Result
	if got := allocated(func() { res = opened.Search(q) }); got > 1<<20 || res.Notes != 1 {
		t.Errorf("a search allocated %d bytes, found %d notes", got, res.Notes)
	}
}

// TestOpenFetchesBlockOnce: searches at once that need the same blocks
// fetch each once; the others wait for it.
func TestOpenFetchesBlockOnce(t *testing.T) {
	notes := generatedNotes(t, 300)
	built := Build(notes)
	q, _ := Parse(`"` + strings.Join(Tokens(notes[3].Title)[:2], " ") + `" the`)
	alone, _, once := fromParts(t, built, notes, 512)
	want := alone.Search(q)
	head, blocks := built.AppendParts(512)
	var fetched atomic.Int64
	ix, err := Open(head, notes, func(b int) ([]byte, error) {
		fetched.Add(1)
		time.Sleep(5 * time.Millisecond) // a slow disk: the searches overlap
		return blocks[b], nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got := ix.Search(q); !slices.Equal(got.Hits, want.Hits) {
				t.Errorf("%d hits, want %d", len(got.Hits), len(want.Hits))
			}
		})
	}
	wg.Wait()
	if fetched.Load() != once.Load() || once.Load() < 2 {
		t.Errorf("8 searches at once fetched %d blocks, one alone %d", fetched.Load(), once.Load())
	}
}

// TestOpenReadsNoText: opening an index and searching it read no note's
// text (a cache loads texts on first use), and neither does a patch: it
// reads only the changed note's new text, which it is given.
func TestOpenReadsNoText(t *testing.T) {
	notes := generatedNotes(t, 300)
	queries := sampleQueries(notes, 100)
	var loads atomic.Int64
	lazy := make([]*model.Note, len(notes))
	for i, n := range notes {
		c := *n
		lazy[i] = c.SetLazyBody(func() model.Body {
			loads.Add(1)
			return model.Body{Text: n.Text(), Spans: n.Spans()}
		})
	}
	built := Build(notes)
	head, blocks := built.AppendParts(2048)
	ix, err := Open(head, lazy, func(b int) ([]byte, error) { return blocks[b], nil })
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, query := range queries {
		q, _ := Parse(query)
		found += ix.Search(q).Notes
	}
	if loads.Load() != 0 || found == 0 {
		t.Errorf("opening and %d searches (%d notes found) read %d notes' text", len(queries), found, loads.Load())
	}
	edited, _ := loader.ParseNote(notes[7].Path, []byte(notes[7].Text()+"\nA quite unheardof word here.\n"), loader.TimestampsAuto)
	patched := Patch(ix, with(lazy, 7, edited), edited7(len(notes)))
	for _, query := range append(queries, "unheardof") {
		q, _ := Parse(query)
		patched.Search(q)
	}
	if loads.Load() != 0 || lazy[7].BodyLoaded() {
		t.Errorf("a patch of one note and searches read %d notes' text, want none", loads.Load())
	}
}
