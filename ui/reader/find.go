package reader

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"tubenotes/model/fold"
	"tubenotes/ui/render"
)

// foldIndex is the rendered text folded for find-in-note as search folds
// it (model/fold): its words folded ("Café" and "ﬁnance" read "cafe" and
// "finance"), and every run of other characters, line breaks included, one
// space, so that a phrase matches across wrapped lines and punctuation as
// a search's phrase does.
type foldIndex struct {
	text string
	at   []cellRef // the cell each byte of text came from
}

type cellRef struct{ line, col, end int32 }

// match is one find hit in the rendered lines, end exclusive.
type match struct{ start, end render.Pos }

func buildFold(plain []string) *foldIndex {
	size := 0
	for _, l := range plain {
		size += len(l)
	}
	var b strings.Builder
	b.Grow(size)
	f := &foldIndex{at: make([]cellRef, 0, size)}
	space := true // no leading space
	var buf []byte
	for li, l := range plain {
		col := 0
		for l != "" {
			// The same clusters and widths as ansi.StringWidth and ansi.Cut.
			cluster, w := ansi.FirstGraphemeCluster(l, ansi.GraphemeWidth)
			if cluster == "" {
				cluster = l[:1]
			}
			l = l[len(cluster):]
			ref := cellRef{int32(li), int32(col), int32(col + w)}
			col += w
			if r, _ := utf8.DecodeRuneInString(cluster); !fold.IsWordRune(r) {
				if !space {
					b.WriteByte(' ')
					f.at = append(f.at, ref)
					space = true
				}
				continue
			}
			buf = fold.AppendWord(buf[:0], cluster)
			if len(buf) == 0 {
				continue
			}
			b.Write(buf)
			for range buf {
				f.at = append(f.at, ref)
			}
			space = false
		}
		if !space {
			b.WriteByte(' ')
			f.at = append(f.at, cellRef{int32(li), int32(col), int32(col)})
			space = true
		}
	}
	f.text = b.String()
	return f
}

// find is every match of query (already folded, non-empty) in f, in order.
func (f *foldIndex) find(query string) []match {
	var out []match
	for i := 0; i < len(f.text); {
		k := strings.Index(f.text[i:], query)
		if k < 0 {
			break
		}
		a, z := i+k, i+k+len(query)-1
		out = append(out, match{
			start: render.Pos{Line: int(f.at[a].line), Col: int(f.at[a].col)},
			end:   render.Pos{Line: int(f.at[z].line), Col: int(f.at[z].end)},
		})
		i = z + 1
	}
	return out
}
