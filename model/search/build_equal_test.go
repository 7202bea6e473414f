package search

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
	"tubenotes/model"
)

// Build gives, byte for byte, the index referenceBuild gave (the cache
// stores these bytes and Patch splices them), whatever the number of cores
// it splits the notes across.
func TestBuildMatchesReference(t *testing.T) {
	generated := 2000
	if testing.Short() { // the race detector's run: the full run checks 2,000
		generated = 300
	}
	sets := map[string][]*model.Note{
		"none":      nil,
		"empty":     {note("a.md", "", ""), note("b.md", "", "---\n---\n")},
		"hostile":   hostileNotes(),
		"unicode":   unicodeNotes(),
		"long":      longWordNotes(),
		"anchors":   loadNotes(t, anchorVault(t)),
		"generated": loadNotes(t, loadtest.Generate(generated, 1)),
	}
	for _, dir := range []string{"../../testdata/search", "../../testdata/cli", "../../loader/testdata/vault"} {
		sets[strings.TrimPrefix(dir, "../../")] = loadNotes(t, os.DirFS(dir))
	}
	for name, notes := range sets {
		t.Run(name, func(t *testing.T) { checkSameIndex(t, notes) })
	}
}

func TestBuildMatchesReferenceOnCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the corpus is checked by the full run (under the race detector it takes a minute)")
	}
	checkSameIndex(t, loadCorpus(t).Notes)
}

func loadNotes(t *testing.T, fsys fs.FS) []*model.Note {
	t.Helper()
	v, err := loader.Load(fsys, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Notes) == 0 {
		t.Fatal("no notes loaded")
	}
	return v.Notes
}

func checkSameIndex(t *testing.T, notes []*model.Note) {
	t.Helper()
	want := referenceBuild(notes).AppendBinary(nil)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 3, 8} {
		runtime.GOMAXPROCS(procs)
		if got := Build(notes).AppendBinary(nil); !bytes.Equal(got, want) {
			at := 0
			for at < min(len(got), len(want)) && got[at] == want[at] {
				at++
			}
			t.Errorf("%d cores: index of %d notes differs from the reference's at byte %d (%d bytes, want %d)",
				procs, len(notes), at, len(got), len(want))
		}
	}
}

// anchorVault's notes hold timestamp anchors at every kind of place a
// line's pieces between them may meet (tokenizeLine reads such a line
// where it stands): between words, spaces, letters past ASCII, markup,
// other anchors, at a line's start and end and at the text's end.
func anchorVault(t *testing.T) fstest.MapFS {
	t.Helper()
	ts := func(s string) string { return `<a class="yt-timestamp" data-t="00:01:` + s + `">[01:` + s + `]</a>` }
	sides := []string{"", " ", "word", "é", "ünï", ". ", "x1", "<b>b</b>", "[[link]]", "&amp;", "&#97;", "[md](u)", "&", "—", "\xff", "LongerThanEightBytes", ts("59")}
	fsys := fstest.MapFS{}
	for i, left := range sides {
		var text strings.Builder
		text.WriteString("---\ntitle: t\n---\n")
		for j, right := range sides {
			fmt.Fprintf(&text, "%s%s%s\n", left, ts(itoa(10+j)), right)
			fmt.Fprintf(&text, "a %s%s%s b %s%s\n", left, ts("01"), right, ts("02"), left)
		}
		text.WriteString("end " + left + ts("03") + sides[(i+3)%len(sides)]) // no newline: the last piece ends the text
		fsys[itoa(i)+".md"] = &fstest.MapFile{Data: []byte(text.String())}
	}
	v, err := loader.Load(fsys, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	anchors := 0
	for _, n := range v.Notes {
		anchors += len(n.Timestamps)
	}
	if anchors < len(sides)*len(sides) {
		t.Fatalf("the loader found %d anchors, want at least %d", anchors, len(sides)*len(sides))
	}
	return fsys
}

// longWordNotes hold ASCII words of 8 to 60 bytes, in either case, enough
// of them that the long terms' table grows, some sharing their first 8, 16
// or 24 bytes, some ending in a letter past ASCII.
func longWordNotes() []*model.Note {
	var notes []*model.Note
	for i := range 60 {
		var text strings.Builder
		for l := range 50 {
			k := i*50 + l
			fmt.Fprintf(&text, "LongWord%d%s SameFirst24BytesOfAWordAAA%s sharedfirst8x%dÉ Shared16BytesOf%d %s\n",
				k, strings.Repeat("z", k%40), strings.Repeat("Q", k%20), k%7, k%3, strings.Repeat("AbCdEfGh", 1+k%6))
		}
		notes = append(notes, note(itoa(i)+".md", "c", text.String()))
	}
	return notes
}

// unicodeNotes hold words that take model/fold's slow path, next to ASCII
// ones, over enough lines and notes that positions, line codes, counts and
// note deltas pass a byte in the varints.
func unicodeNotes() []*model.Note {
	words := []string{"İstanbul'da ışık", "ASCIIthenÉtoile", "naïve—über", "café au lait", "ｆｕｌｌ width",
		"e\u0301clair", "mixedÇase end", "½ ² ﬁ", "日本語 text", "a\xffb", "Straße STRASSE", "x1 2y"}
	var notes []*model.Note
	for i := range 300 {
		var text strings.Builder
		text.WriteString("---\ntitle: " + words[i%len(words)] + "\n---\n")
		for l := range 40 + i%200 {
			if l%17 == 0 {
				text.WriteString("## " + words[(i+l)%len(words)] + "\n")
			}
			text.WriteString(words[(i*7+l)%len(words)] + " common " + words[l%len(words)] + "\n")
			if l%5 == 0 {
				text.WriteString("\n")
			}
		}
		if i%3 == 0 {
			notes = append(notes, note(itoa(i)+".md", words[i%len(words)], text.String()))
		} else {
			notes = append(notes, note(itoa(i)+".md", "Chânnel", "rare"+itoa(i)+" "+text.String()))
		}
	}
	return notes
}
