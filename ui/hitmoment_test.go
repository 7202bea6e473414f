package ui

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"tubenotes/loader/demo"
	"tubenotes/model"
	engine "tubenotes/model/search"
	"tubenotes/ui/common"
	"tubenotes/ui/searchview"
)

// checkHitMoments opens hits of query one by one from the search view and
// presses o in the reader: it plays the hit's own moment (the one the
// search view showed and ctrl+o plays), or says there is none; the find
// status shows that moment beside the current match.
func checkHitMoments(t *testing.T, v *model.Vault, query string, most int) {
	t.Helper()
	q, err := engine.Parse(query)
	if err != nil {
		t.Fatal(err)
	}
	ix := engine.Build(v.Notes)
	hits := ix.Search(q).Hits
	if len(hits) == 0 {
		t.Fatalf("no hits for %q", query)
	}
	for i := range min(len(hits), most) {
		h := newHarness(t, v, 100, 30)
		h.send(searchview.IndexedMsg{Index: ix}) // built once for every hit
		h.press("s")
		h.typeText(query)
		for range i {
			h.press("down")
		}
		hit := hits[i]
		h.press("enter")
		if h.m.reader.Note() != hit.Note {
			t.Fatalf("%q hit %d: opened %v, want %s", query, i, h.m.reader.Note(), hit.Note.Path)
		}
		want := engine.Moment(hit.Note, hit.Line, q)
		if clock := common.MomentClock(hit.Note, want); clock != "" && !strings.Contains(h.statusLine(), "▶ "+clock) {
			t.Errorf("%q hit %d (%s:%d): the find status %q lacks the current match's moment %s", query, i, hit.Note.Path, hit.Line, h.statusLine(), clock)
		}
		h.press("o")
		got := h.opener.opened()
		if id := videoAbove(hit.Note, hit.Line); !hit.Note.HasVideo() && id != "" {
			// a channel page: the video whose heading is at or above the hit
			if len(got) != 1 || !strings.Contains(got[0], "v="+id+"&") {
				t.Errorf("%q hit %d (%s:%d) on a channel page: opened %q, want video %s", query, i, hit.Note.Path, hit.Line, got, id)
			}
			continue
		}
		if want < 0 || !hit.Note.HasVideo() {
			if len(got) != 0 || !strings.Contains(h.statusLine(), "no moment here") && !strings.Contains(h.statusLine(), "names no video") {
				t.Errorf("%q hit %d (%s:%d) has no moment: opened %q, status %q", query, i, hit.Note.Path, hit.Line, got, h.statusLine())
			}
			continue
		}
		if len(got) != 1 || !strings.HasSuffix(got[0], " @"+strconv.Itoa(int(hit.Note.Timestamps[want].Seconds))) {
			t.Errorf("%q hit %d (%s:%d): o opened %q, want the hit's moment %s", query, i, hit.Note.Path, hit.Line, got, hit.Note.Timestamps[want].Raw)
		}
	}
}

// videoAbove is the YouTube video that the last markdown link on or above
// line (1-based) of n names, "" for none.
func videoAbove(n *model.Note, line int) string {
	lines := strings.Split(n.Text(), "\n")
	for l := min(line, len(lines)); l >= 1; l-- {
		for _, f := range strings.FieldsFunc(lines[l-1], func(r rune) bool { return r == '(' || r == ')' }) {
			if id := model.YouTubeID(f); id != "" {
				return id
			}
		}
	}
	return ""
}

func TestOpenedHitPlaysItsMoment(t *testing.T) {
	v := loadVault(t, demo.FS())
	for _, q := range []string{"hardware", "cloud", `"deep learning"`} {
		checkHitMoments(t, v, q, 12)
	}
}

func TestOpenedHitPlaysItsMomentCorpus(t *testing.T) {
	if testing.Short() {
		// Under the race detector a corpus note renders in over a second,
		// which the harness takes for a tick it need not wait for.
		t.Skip("-short: the corpus is checked by the full run; the demo vault by TestOpenedHitPlaysItsMoment")
	}
	dir := filepath.Join("..", "..", "shared", "corpus", "tubegraph")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no corpus at ../shared/corpus: " + err.Error())
	}
	v := loadVault(t, os.DirFS(dir))
	for _, q := range []string{"attention mechanism", "bitcoin", "product market fit", "dopamine"} {
		checkHitMoments(t, v, q, 8)
	}
}
