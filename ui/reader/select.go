package reader

import (
	"strings"

	"tubenotes/ui/render"
)

// NextTimestamp selects the next valid timestamp: the first one at or below
// the top line when none is selected (so the first after Open is the
// note's first), wrapping around at the end. It scrolls it into view.
func (m *Model) NextTimestamp() { m.step(TimestampSel, 1) }

// PrevTimestamp selects the previous valid timestamp.
func (m *Model) PrevTimestamp() { m.step(TimestampSel, -1) }

// NextLink selects the next link, dangling or not.
func (m *Model) NextLink() { m.step(LinkSel, 1) }

// PrevLink selects the previous link.
func (m *Model) PrevLink() { m.step(LinkSel, -1) }

// Selection is the selected badge or link.
func (m Model) Selection() Selection { return m.sel }

// ClearSelection drops the selection.
func (m *Model) ClearSelection() { m.sel = Selection{} }

// selectable reports whether item it can be selected as kind k.
func (m Model) selectable(it render.Item, k Kind) bool {
	if !it.Found || it.Index < 0 {
		return false
	}
	switch k {
	case TimestampSel:
		return it.Kind == render.Timestamp && m.note.Timestamps[it.Index].Valid
	case LinkSel:
		return it.Kind == render.Link
	case WebLinkSel:
		return it.Kind == render.WebLink && !it.Dim
	}
	return false
}

func (m *Model) step(k Kind, dir int) {
	if !m.ready() {
		return
	}
	var ids []int
	cur := -1
	for id, it := range m.doc.Items {
		if m.steps(it, k) {
			if m.sel.Kind == kindOf(it) && it.Index == m.sel.Index {
				cur = len(ids)
			}
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return
	}
	next := -1
	switch {
	case cur >= 0:
		next = (cur + dir + len(ids)) % len(ids)
	case dir > 0:
		next = 0
		for i, id := range ids {
			if m.doc.Items[id].Start.Line >= m.yOffset {
				next = i
				break
			}
		}
	default:
		next = len(ids) - 1
		for i := len(ids) - 1; i >= 0; i-- {
			if m.doc.Items[ids[i]].Start.Line < m.yOffset+m.height {
				next = i
				break
			}
		}
	}
	it := m.doc.Items[ids[next]]
	m.sel = Selection{kindOf(it), it.Index}
	m.reveal(it.Start, it.End)
}

// reveal scrolls so that the range a..b is on screen, a third down the
// pane when it has to move.
func (m *Model) reveal(a, b render.Pos) {
	if a.Line >= m.yOffset && b.Line < m.yOffset+m.height {
		return
	}
	m.yOffset = a.Line - m.height/3
	m.clamp()
}

// selectedItem is the item of the selection, if it is on screen somewhere.
func (m Model) selectedItem() (render.Item, bool) {
	if m.sel.Kind == None || !m.ready() {
		return render.Item{}, false
	}
	for _, it := range m.doc.Items {
		if it.Index == m.sel.Index && m.selectable(it, m.sel.Kind) {
			return it, true
		}
	}
	return render.Item{}, false
}

// TimestampForOpen is the timestamp the open-video key means: the selected
// badge, else the moment (model.Note.Moment) of the current find match
// when it is on screen, else of the line at the top of the pane; -1 for
// none.
func (m Model) TimestampForOpen() int {
	if m.sel.Kind == TimestampSel {
		return m.sel.Index
	}
	if !m.ready() {
		return -1
	}
	p, ok := m.matchOnScreen()
	if !ok {
		p = render.Pos{Line: m.yOffset}
	}
	return m.momentAt(p)
}

// momentAt is the moment of rendered cell p. The rendering keeps no map
// back to the source, so p's source line is read off the items around it
// (each knows its source line), and its place in that line off the
// timestamp badges beside it: after the badge before it, before the badge
// after it (whose anchors' bytes the loader recorded). A cell inside a
// badge counts as before it, as Moment counts a position inside an anchor.
func (m Model) momentAt(p render.Pos) int {
	var prev, next *render.Item     // the items around p
	var prevTs, nextTs *render.Item // the timestamp badges around p
	for i := range m.doc.Items {
		it := &m.doc.Items[i]
		if !it.Found {
			continue
		}
		if p.Before(it.End) { // p is before its end: the item is after p
			if next == nil {
				next = it
			}
			if nextTs == nil && it.Kind == render.Timestamp && it.Index >= 0 {
				nextTs = it
			}
			if next != nil && nextTs != nil {
				break
			}
			continue
		}
		prev = it
		if it.Kind == render.Timestamp && it.Index >= 0 {
			prevTs = it
		}
	}
	n := m.note
	var line int
	switch { // a paragraph is one run of rendered lines: p is on its items' line
	case next != nil && m.oneBlock(p.Line, next.Start.Line):
		line = next.SrcLine
	case prev != nil && m.oneBlock(prev.End.Line, p.Line):
		line = prev.SrcLine
	default:
		line = sourceLineOf(p, prev, next)
	}
	line = max(line, n.BodyLine, 1)
	switch {
	case nextTs != nil && int(n.Timestamps[nextTs.Index].Line) == line:
		return n.MomentAtOffset(n.TimestampSpan(nextTs.Index).Start)
	case prevTs != nil && int(n.Timestamps[prevTs.Index].Line) == line:
		return n.MomentAtOffset(n.TimestampSpan(prevTs.Index).End)
	}
	return n.Moment(line, 0)
}

// oneBlock reports whether rendered lines from to to hold no blank line
// (nor an empty line of a callout's box): one paragraph, list or box.
func (m Model) oneBlock(from, to int) bool {
	for y := from; y <= to && y < len(m.doc.Plain); y++ {
		if strings.Trim(m.doc.Plain[y], " │") == "" {
			return false
		}
	}
	return true
}

// sourceLineOf is the source line of rendered cell p between the items
// prev and next (either may be nil): theirs when p shares a rendered line
// with one, else counted from the nearer, kept between the two.
func sourceLineOf(p render.Pos, prev, next *render.Item) int {
	switch {
	case prev == nil && next == nil:
		return 0
	case next == nil:
		return prev.SrcLine + p.Line - prev.End.Line
	case prev == nil:
		return next.SrcLine - (next.Start.Line - p.Line)
	case p.Line == prev.End.Line:
		return prev.SrcLine
	case p.Line == next.Start.Line:
		return next.SrcLine
	}
	line := prev.SrcLine + (p.Line-prev.End.Line)*(next.SrcLine-prev.SrcLine)/max(next.Start.Line-prev.End.Line, 1)
	return min(max(line, prev.SrcLine), next.SrcLine)
}

// startOfSource is where source line line begins in the rendering, as far
// as the items tell: the end of the last item of the lines above it, or,
// when later, the start of the rendered paragraph holding the line's first
// item (a source paragraph renders as one run of non-blank lines); with
// neither, its interpolated rendered line.
func (m Model) startOfSource(line int) render.Pos {
	var p render.Pos
	found := false
	var own *render.Item
	for i := range m.doc.Items {
		it := &m.doc.Items[i]
		switch {
		case !it.Found:
		case it.SrcLine < line && (!found || p.Before(it.End)):
			p, found = it.End, true
		case it.SrcLine == line && (own == nil || it.Start.Before(own.Start)):
			own = it
		}
	}
	if own != nil {
		top := own.Start.Line
		for top > 0 && strings.TrimSpace(m.doc.Plain[top-1]) != "" {
			top--
		}
		if q := (render.Pos{Line: top}); !found || p.Before(q) {
			p, found = q, true
		}
	}
	if !found {
		return render.Pos{Line: max(m.doc.LineOfSource(line), 0)}
	}
	return p
}

// HitAt is the badge or link under cell (x, y) of the pane: a mouse click.
// Invalid timestamps are not hits.
func (m Model) HitAt(x, y int) (Selection, bool) {
	if !m.ready() || y < 0 || y >= m.height || x < 0 {
		return Selection{}, false
	}
	line := m.yOffset + y
	for _, it := range m.doc.Items {
		if it.Start.Line > line {
			continue
		}
		k := kindOf(it)
		if !m.selectable(it, k) || it.End.Line < line {
			continue
		}
		for _, sg := range m.doc.Segments(it.Start, it.End) {
			if sg.Line == line && x >= sg.From && x < sg.To {
				return Selection{k, it.Index}, true
			}
		}
	}
	return Selection{}, false
}

// Select selects s (a click) without scrolling; an unknown one clears it.
func (m *Model) Select(s Selection) { m.sel = s }
