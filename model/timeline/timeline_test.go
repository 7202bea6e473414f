package timeline

import (
	"fmt"
	"os"
	"reflect"
	"testing"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
	"tubenotes/model"
)

func loadVault(t testing.TB, dir string) *model.Vault {
	t.Helper()
	v, err := loader.Load(os.DirFS(dir), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// describe is a row as "seconds path:line section | text | url".
func describe(r Row) string {
	return fmt.Sprintf("%d %s:%d %s | %s | %s", r.Seconds, r.Note.Path, r.Line, r.Section, r.Text, r.URL)
}

func TestTimeline(t *testing.T) {
	v := loadVault(t, "testdata/vault")
	tl := Of(v, "abcdefghijk")
	if tl == nil {
		t.Fatal("no timeline")
	}
	if tl.Title != "How timelines work" || tl.Channel != "alpha" || tl.ID != "abcdefghijk" {
		t.Errorf("header: %q %q %q", tl.Title, tl.Channel, tl.ID)
	}
	var paths []string
	for _, n := range tl.Notes {
		paths = append(paths, n.Path)
	}
	// The page's notes, then the note of beta that alpha's page lists.
	if want := []string{"alpha/first.md", "alpha/second.md", "beta/other.md"}; !reflect.DeepEqual(paths, want) {
		t.Errorf("notes %v, want %v", paths, want)
	}
	url := func(s int) string { return fmt.Sprintf("https://www.youtube.com/watch?v=abcdefghijk&t=%ds", s) }
	var got [][]string
	for _, g := range tl.Groups {
		var rows []string
		for _, r := range g.Rows {
			if r.Seconds != g.Seconds {
				t.Errorf("row %s in the group at %d", describe(r), g.Seconds)
			}
			rows = append(rows, describe(r))
		}
		got = append(got, rows)
	}
	want := [][]string{
		{"5 alpha/first.md:7  | Intro sentence | " + url(5)},
		{ // the same second in two notes: one group
			"60 alpha/first.md:7  | Second sentence with a link and emphasis | " + url(60),
			"60 alpha/second.md:8 Start | Same second as the first note | " + url(60),
		},
		{"120 beta/other.md:6  | A note of beta listed on alpha's page | " + url(120)}, // no videoId: the video's URL
		{"180 alpha/second.md:9 Start | Later on | " + url(180)},
		{"1200 alpha/first.md:10 The middle part | Speaker: a line opened by its anchor. | " + url(1200)},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("groups\n%q\nwant\n%q", got, want)
	}
	var apart []string
	for _, r := range tl.Apart {
		apart = append(apart, describe(r))
	}
	wantApart := []string{
		"-1 alpha/first.md:11 The middle part | Broken | ",                       // invalid: no URL
		"54000 alpha/second.md:10 Start | Far beyond the others | " + url(54000), // doubtful: still openable
	}
	if !reflect.DeepEqual(apart, wantApart) {
		t.Errorf("apart\n%q\nwant\n%q", apart, wantApart)
	}
	if tl.Start != 5 || tl.End != 1200 || !reflect.DeepEqual(tl.Gaps, []Gap{{180, 1200}}) {
		t.Errorf("span %d–%d, gaps %v", tl.Start, tl.End, tl.Gaps)
	}
	if Of(v, "zzzzzzzzzzz") != nil {
		t.Error("a timeline for a video no note names")
	}
}

// TestTimelineReadsTheSpans: the "[00:03:30](" and ")" of a markdown link
// around an anchor, and a "[00:04:00]" written before one, are the
// anchor's (the loader's span), not a sentence's.
func TestTimelineReadsTheSpans(t *testing.T) {
	tl := Of(loadVault(t, "testdata/wrapped"), "abcdefghijk")
	var got []string
	for _, g := range tl.Groups {
		for _, r := range g.Rows {
			got = append(got, fmt.Sprintf("%d %s", r.Seconds, r.Text))
		}
	}
	if want := []string{"210 Wrapped", "240 Then prefixed"}; !reflect.DeepEqual(got, want) {
		t.Errorf("rows %q, want %q", got, want)
	}
}

func TestSentence(t *testing.T) {
	a := func(at string) string { return `<a class="yt-timestamp" data-t="` + at + `">[` + at + `]</a>` }
	for _, c := range []struct {
		line string
		want []string // the sentence of each anchor
	}{
		{"One " + a("1:00") + ". Two " + a("2:00") + ".", []string{"One", "Two"}},
		{"1. " + a("1:00") + " **Bold** opening.", []string{"Bold opening."}},
		{"2) Plain " + a("1:00"), []string{"Plain"}},
		{"1999. A year " + a("1:00"), []string{"A year"}},
		{"- " + a("1:00"), []string{""}},
		{"> [[x | Label]] and `code` " + a("1:00"), []string{"Label and code"}},
		{"One [1:00](" + a("1:00") + "). Two [2:00]" + a("2:00") + ".", []string{"One", "Two"}},
	} {
		n, _ := loader.ParseNote("n.md", []byte("---\nvideoId: abcdefghijk\n---\n"+c.line+"\n"), loader.TimestampsAuto)
		var got []string
		for _, r := range appendRows(nil, n, "abcdefghijk") {
			got = append(got, r.Text)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("sentences of %q = %q, want %q", c.line, got, c.want)
		}
	}
	n := (&model.Note{}).SetBody("x "+a("1:00"), nil)
	if got := sentence(n, 0, len(n.Text()), [][2]int{{-1, -1}}, 0); got != "x" {
		t.Errorf("a note without the loader's spans: %q, want the whole line", got)
	}
}

// A note whose times are plausible on their own but not beside the
// video's other notes (read h:mm:ss where the rest are minutes) goes apart
// as doubtful.
func TestTimelineDoubtsAgainstTheVideo(t *testing.T) {
	v := loadVault(t, "testdata/mixed")
	for _, n := range v.Notes {
		for _, ts := range n.Timestamps {
			if ts.Doubtful {
				t.Fatalf("%s: %s doubtful in its note already", n.Path, ts.Raw)
			}
		}
	}
	tl := Of(v, "cdefghijklm")
	var kept, apart []int
	for _, g := range tl.Groups {
		kept = append(kept, g.Seconds)
	}
	for _, r := range tl.Apart {
		if !r.Doubtful || r.Note.Path != "ch/late.md" {
			t.Errorf("apart: %s", describe(r))
		}
		apart = append(apart, r.Seconds)
	}
	if !reflect.DeepEqual(kept, []int{60, 300, 600, 1200}) || !reflect.DeepEqual(apart, []int{15000, 15611, 16222}) {
		t.Errorf("kept %v, apart %v", kept, apart)
	}
	if tl.End != 1200 || !reflect.DeepEqual(tl.Gaps, []Gap{{600, 1200}}) {
		t.Errorf("span to %d, gaps %v", tl.End, tl.Gaps)
	}
}

// On the real notes, every video's timeline holds each timestamp of each
// of its notes once, the groups in increasing time.
func TestTimelineCorpus(t *testing.T) {
	v := loadVault(t, loadtest.CorpusDir(t))
	videos := 0
	for _, vid := range v.Videos {
		tl := Of(v, vid.ID)
		if tl == nil {
			continue
		}
		videos++
		want := 0
		for _, n := range tl.Notes {
			want += len(n.Timestamps)
		}
		got := len(tl.Apart)
		for i, g := range tl.Groups {
			if i > 0 && g.Seconds <= tl.Groups[i-1].Seconds {
				t.Errorf("%s: group %d at %d after %d", vid.ID, i, g.Seconds, tl.Groups[i-1].Seconds)
			}
			got += len(g.Rows)
		}
		if got != want {
			t.Errorf("%s: %d rows for %d timestamps", vid.ID, got, want)
		}
	}
	if videos < 400 {
		t.Errorf("only %d timelines", videos)
	}
}
