package notes

import (
	"strings"

	"github.com/sahilm/fuzzy"

	"tubenotes/model"
)

// target is what the filter matches for one note: its title, then its
// channel and video title, in the one string the row shows.
type target struct {
	note     *model.Note
	text     string
	titleEnd int // bytes of text that are the title
}

// targetSep separates the title from where the note lives.
const targetSep = "  "

// buildTargets walks the tree so every note gets the channel and video
// group it is listed under.
func buildTargets(t []node) []target {
	out := make([]target, 0, len(t))
	var channel, video string
	for _, n := range t {
		switch {
		case n.kind == channelRow:
			channel, video = n.label, ""
		case n.kind == videoRow:
			video = n.label
		case n.depth == 0:
			out = append(out, target{note: n.note, text: n.label, titleEnd: len(n.label)})
		default:
			where := channel
			if n.depth == 2 && video != "" {
				where += " › " + video
			}
			out = append(out, target{note: n.note, text: n.label + targetSep + where, titleEnd: len(n.label)})
		}
	}
	return out
}

type targets []target

func (ts targets) String(i int) string { return ts[i].text }
func (ts targets) Len() int            { return len(ts) }

// match is one note the filter kept, with the byte offsets of the matched
// characters in its target text.
type match struct {
	target  int
	matched []int
}

// filter ranks the targets by fuzzy score for query, best first; ties keep
// the tree order.
func filter(ts targets, query string) []match {
	query = strings.TrimSpace(query)
	if query == "" {
		return nil
	}
	found := fuzzy.FindFrom(query, ts)
	out := make([]match, len(found))
	for i, f := range found {
		out[i] = match{target: f.Index, matched: f.MatchedIndexes}
	}
	return out
}
