package model_test

import (
	"io/fs"
	"sort"
	"strings"
	"testing"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
	"tubenotes/model"
)

// The moment rule as it was before the note kept a table of its lines:
// each line, paragraph and anchor found again from the top of the text.
// It is the reference the table's answers are held to.

func referenceLineStart(text string, line int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			return len(text)
		}
		off += i + 1
	}
	return off
}

func referenceLineText(n *model.Note, line int) string {
	text := n.Text()[referenceLineStart(n.Text(), line):]
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	return text
}

func referenceLineCount(text string) int {
	if text == "" {
		return 0
	}
	return strings.Count(text[:len(text)-1], "\n") + 1
}

func referenceSectionEnd(n *model.Note, i int) int {
	if i+1 < len(n.Sections) {
		return n.Sections[i+1].Line - 1
	}
	return referenceLineCount(n.Text())
}

func referenceParagraphEnd(n *model.Note, line int) int {
	end := referenceSectionEnd(n, n.SectionAt(line))
	off := 0
	for l := 1; l <= line; l++ {
		i := strings.IndexByte(n.Text()[off:], '\n')
		if i < 0 {
			return line
		}
		off += i + 1
	}
	for l := line + 1; l <= end; l++ {
		text := n.Text()[off:]
		next := len(n.Text())
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			text, next = text[:i], off+i+1
		}
		if strings.TrimSpace(text) == "" {
			return l - 1
		}
		off = next
	}
	return end
}

func referenceMoment(n *model.Note, line, col int) int {
	if len(n.Timestamps) == 0 || line < max(n.BodyLine, 1) {
		return -1
	}
	off := referenceLineStart(n.Text(), line) + max(col, 0)
	first := sort.Search(len(n.Timestamps), func(i int) bool { return int(n.Timestamps[i].Line) >= line })
	i := first
	for ; i < len(n.Timestamps) && int(n.Timestamps[i].Line) == line; i++ {
		if n.TimestampSpan(i).End > off && n.Openable(i) {
			return i
		}
	}
	s := n.SectionAt(line)
	lo, hi := line+1, 0
	if s < 0 || n.Sections[s].Line != line {
		hi = referenceParagraphEnd(n, line)
	} else {
		end := referenceSectionEnd(n, s)
		for lo <= end && strings.TrimSpace(referenceLineText(n, lo)) == "" {
			lo++
		}
		if lo <= end {
			hi = referenceParagraphEnd(n, lo)
		}
	}
	for ; i < len(n.Timestamps) && int(n.Timestamps[i].Line) <= hi; i++ {
		if int(n.Timestamps[i].Line) >= lo && n.Openable(i) {
			return i
		}
	}
	top := max(n.BodyLine, 1)
	if s >= 0 {
		top = n.Sections[s].Line
	}
	last := first
	for last < len(n.Timestamps) && int(n.Timestamps[last].Line) == line {
		last++
	}
	for i = last - 1; i >= 0 && int(n.Timestamps[i].Line) >= top; i-- {
		if (i < first || n.TimestampSpan(i).End <= off) && n.Openable(i) {
			return i
		}
	}
	return -1
}

// sameAsReference checks Moment at several places of every line, the
// headings' moments, the line count and every line's bounds against the
// reference.
func sameAsReference(t *testing.T, n *model.Note) {
	t.Helper()
	text := n.Text()
	lines := referenceLineCount(text)
	if got := n.LineCount(); got != lines {
		t.Fatalf("%s: LineCount %d, want %d", n.Path, got, lines)
	}
	for line := 0; line <= lines+1; line++ {
		lo := referenceLineStart(text, line)
		hi := lo + len(referenceLineText(n, max(line, 1)))
		if line < 1 {
			hi = lo + strings.IndexByte(text+"\n", '\n')
		}
		if gotLo, gotHi := n.LineBounds(line); gotLo != lo || gotHi != hi {
			t.Fatalf("%s: LineBounds(%d) = %d, %d; want %d, %d", n.Path, line, gotLo, gotHi, lo, hi)
		}
		cols := []int{0, (hi - lo) / 2, hi - lo, hi - lo + 5}
		for i, ts := range n.Timestamps {
			if int(ts.Line) == line {
				s := n.TimestampSpan(i)
				cols = append(cols, s.Start-lo, s.End-lo, s.End-lo-1)
			}
		}
		for _, col := range cols {
			if got, want := n.Moment(line, col), referenceMoment(n, line, col); got != want {
				t.Fatalf("%s: Moment(%d, %d) = %d, want %d", n.Path, line, col, got, want)
			}
		}
	}
	got := n.SectionMoments()
	for s, sec := range n.Sections {
		if want := referenceMoment(n, sec.Line, 0); got[s] != want {
			t.Fatalf("%s: section %d's moment %d, want %d", n.Path, s, got[s], want)
		}
	}
}

// TestMomentsMatchReference holds the line table's moments, line bounds
// and line counts to the reference, on the testdata, generated notes and
// the corpus.
func TestMomentsMatchReference(t *testing.T) {
	check := func(fsys fs.FS) int {
		v, err := loader.Load(fsys, loader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range v.Notes {
			sameAsReference(t, n)
		}
		return len(v.Notes)
	}
	if got := check(loader.Dir("testdata")); got == 0 {
		t.Fatal("no notes in testdata")
	}
	check(loadtest.Generate(300, 7))
	if testing.Short() {
		return
	}
	if dir := loadtest.CorpusDir(t); dir != "" {
		check(loader.Dir(dir))
	}
}

// FuzzMomentMatchesReference holds the line table's answers to the
// reference on any text.
func FuzzMomentMatchesReference(f *testing.F) {
	anchor := func(t string) string { return `<a class="yt-timestamp" data-t="` + t + `">[` + t + `]</a>` }
	f.Add("---\ntitle: T\nvideoId: dQw4w9WgXcQ\n---\n# A\n\nline " + anchor("00:01:00") + " more\n\n\n## B\nx " + anchor("zz") + "\ny " + anchor("00:02:00") + "\n")
	f.Add("no frontmatter\n" + anchor("00:00:05") + "\n \t\n# H\n")
	f.Add("")
	f.Add("\n\n\n")
	f.Fuzz(func(t *testing.T, text string) {
		n, _ := loader.ParseNote("n.md", []byte(text), loader.TimestampsAuto)
		if n == nil {
			return
		}
		sameAsReference(t, n)
	})
}

// TestLineTableKept: a note's line table is worked out once and kept
// with its text, for a note made with its text and for a lazy one; a new
// text gets a new table.
func TestLineTableKept(t *testing.T) {
	eager := (&model.Note{}).SetBody("a\n\nb\n", nil)
	lazy := (&model.Note{}).SetLazyBody(func() model.Body { return model.Body{Text: "a\n\nb\n"} })
	for _, n := range []*model.Note{eager, lazy} {
		if !model.SameLineTable(n, n) {
			t.Fatal("the table was worked out again")
		}
		if lo, hi := n.LineBounds(3); n.Text()[lo:hi] != "b" {
			t.Fatalf("line 3 is %q", n.Text()[lo:hi])
		}
	}
	before := *eager
	eager.SetBody("x\ny\n", nil)
	if lo, hi := eager.LineBounds(2); eager.Text()[lo:hi] != "y" || model.SameLineTable(&before, eager) {
		t.Fatalf("after a new text, line 2 is %q", eager.Text()[lo:hi])
	}
}
