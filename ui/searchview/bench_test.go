package searchview

import (
	"strconv"
	"strings"
	"testing"

	"tubenotes/model"
	engine "tubenotes/model/search"
	"tubenotes/ui/common"
)

// BenchmarkViewBigNote draws the search view at 120×40 when every row is
// a hit in one 1 MB note, near its end: each row's moment and snippet are
// worked out on the first frame (hitCache), the preview reads the chosen
// hit's context on each.
func BenchmarkViewBigNote(b *testing.B) { benchViewBigNote(b, false) }

// BenchmarkViewBigNoteFirst is the first frame after an answer: every
// row's moment and snippet worked out.
func BenchmarkViewBigNoteFirst(b *testing.B) { benchViewBigNote(b, true) }

func benchViewBigNote(b *testing.B, cold bool) {
	var sb strings.Builder
	sb.WriteString("---\ntitle: Big\nvideoId: abcdefghijk\n---\n\n")
	for i := 0; sb.Len() < 1<<20; i++ {
		if i%20 == 0 {
			sb.WriteString("## Part " + strconv.Itoa(i) + "\n\n")
		}
		sb.WriteString("A sentence about espresso and grinders, long enough to wrap in the preview at least once <a class=\"yt-timestamp\" data-t=\"00:" +
			strconv.Itoa(10+i%50) + ":00\">[00:10:00]</a>.\n\n")
	}
	n := parse(b, "big/big.md", sb.String())
	m := New(common.New(true))
	m.SetIndex(engine.Build([]*model.Note{n}))
	m.SetSize(120, 40)
	m.Focus()
	m = typed(b, m, "espresso")
	if len(m.Result().Hits) < 1000 {
		b.Fatalf("%d hits", len(m.Result().Hits))
	}
	m.choose(len(m.Result().Hits) - 20) // near the note's end: the far lines
	b.ResetTimer()
	for range b.N {
		if cold {
			m.cache = newHitCache()
		}
		_ = m.View()
	}
}
