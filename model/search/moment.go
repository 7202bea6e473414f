package search

import "tubenotes/model"

// Moment is the timestamp a hit lands on, as an index into n.Timestamps
// (-1 when none): the nearest openable timestamp above the hit's first
// match. Notes put an anchor after the sentence it times, so on a long
// paragraph line that is the anchor just before the matching sentence, a
// moment before it is said; when the match comes before any anchor of its
// line, it is the last openable timestamp of the lines above.
func Moment(n *model.Note, line int, q *Query) int {
	if line < max(n.BodyLine, 1) {
		return n.TimestampAbove(line)
	}
	first, count := -1, 0
	for i, ts := range n.Timestamps {
		if int(ts.Line) == line {
			if first < 0 {
				first = i
			}
			count++
		}
	}
	if count == 0 {
		return n.TimestampAbove(line)
	}
	lo, hi := lineBounds(n.Text, line)
	spans := newSpanCursor(n)
	from := lo
	for k := 0; k <= count; k++ { // the text before timestamp k, then after the last
		to := hi
		if k < count {
			to = n.TimestampSpan(first + k).Start
		}
		if len(Highlights(string(appendNoteVisible(nil, spans, from, to)), q)) > 0 {
			best := n.TimestampAbove(line - 1)
			for j := first; j < first+k; j++ {
				if n.Openable(j) {
					best = j
				}
			}
			return best
		}
		if k < count {
			from = n.TimestampSpan(first + k).End
		}
	}
	return n.TimestampAbove(line)
}
