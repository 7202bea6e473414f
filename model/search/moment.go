package search

import "tubenotes/model"

// Moment is the timestamp a hit lands on, as an index into n.Timestamps
// (-1 when none): the moment (model.Note.Moment) of the hit's first match
// on its line. The match is found between the line's anchors, so the
// position is the start of the stretch of text holding it; when no stretch
// holds a whole match (a phrase running on to the next line), the line's
// start.
func Moment(n *model.Note, line int, q *Query) int {
	if line < max(n.BodyLine, 1) {
		return n.Moment(line, 0)
	}
	raw := lineText(n.Text, line)
	anchors := model.AnchorSpans(raw, nil)
	from := 0
	for k := 0; k <= len(anchors); k++ { // the text before anchor k, then after the last
		to := len(raw)
		if k < len(anchors) {
			to = anchors[k][0]
		}
		if len(Highlights(Visible(raw[from:to]), q)) > 0 {
			return n.Moment(line, from)
		}
		if k < len(anchors) {
			from = anchors[k][1]
		}
	}
	return n.Moment(line, 0)
}
