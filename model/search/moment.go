package search

import (
	"sort"

	"tubenotes/model"
)

// Moment is the timestamp a hit lands on, as an index into n.Timestamps
// (-1 when none): the moment (model.Note.Moment) of the hit's first whole
// match on its line (a phrase's words in order, not one of them alone).
// The match is found between the line's anchors, so the position is the
// start of the stretch of text holding it; when no stretch holds a whole
// match (a phrase running on to the next line), the stretch holding the
// first word a term matches; when none holds that either, the line's
// start.
func Moment(n *model.Note, line int, q *Query) int {
	if line < max(n.BodyLine, 1) {
		return n.Moment(line, 0)
	}
	if off, ok := matchStretch(n, line, q, nextMatch); ok {
		return n.Moment(line, off)
	}
	if off, ok := matchStretch(n, line, q, nextHighlight); ok {
		return n.Moment(line, off)
	}
	return n.Moment(line, 0)
}

// matchStretch is the offset in line of the first stretch between the
// line's anchors where find finds something.
func matchStretch(n *model.Note, line int, q *Query, find func(string, *Query, int) (Span, bool)) (int, bool) {
	lo, hi := n.LineBounds(line)
	spans := lineCursor(n, lo, hi)
	first := sort.Search(len(n.Timestamps), func(i int) bool { return int(n.Timestamps[i].Line) >= line })
	from := lo
	for k := first; ; k++ { // the text before each anchor of the line, then after the last
		anchor := model.Span{Start: -1, End: -1}
		if k < len(n.Timestamps) && int(n.Timestamps[k].Line) == line {
			anchor = n.TimestampSpan(k)
		}
		// No more anchors on the line, or one whose span the note does not
		// have (a note read again after its file changed has none).
		last := anchor.Start < from || anchor.End > hi
		to := hi
		if !last {
			to = anchor.Start
		}
		if _, ok := find(string(appendNoteVisible(nil, spans, from, to)), q, 0); ok {
			return from - lo, true
		}
		if last {
			return 0, false
		}
		from = anchor.End
	}
}
