package reader

import (
	"strings"

	"tubenotes/model"
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
func (m Model) selectable(it item, k Kind) bool {
	if !it.found || it.index < 0 {
		return false
	}
	switch k {
	case TimestampSel:
		return it.kind == itemTimestamp && m.note.Timestamps[it.index].Valid
	case LinkSel:
		return it.kind == itemLink
	}
	return false
}

func (m *Model) step(k Kind, dir int) {
	if !m.ready() {
		return
	}
	var ids []int
	cur := -1
	for id, it := range m.doc.items {
		if m.selectable(it, k) {
			if m.sel.Kind == k && it.index == m.sel.Index {
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
			if m.doc.items[id].start.line >= m.yOffset {
				next = i
				break
			}
		}
	default:
		next = len(ids) - 1
		for i := len(ids) - 1; i >= 0; i-- {
			if m.doc.items[ids[i]].start.line < m.yOffset+m.height {
				next = i
				break
			}
		}
	}
	it := m.doc.items[ids[next]]
	m.sel = Selection{k, it.index}
	m.reveal(it.start, it.end)
}

// reveal scrolls so that the range a..b is on screen, a third down the
// pane when it has to move.
func (m *Model) reveal(a, b pos) {
	if a.line >= m.yOffset && b.line < m.yOffset+m.height {
		return
	}
	m.yOffset = a.line - m.height/3
	m.clamp()
}

// selectedItem is the item of the selection, if it is on screen somewhere.
func (m Model) selectedItem() (item, bool) {
	if m.sel.Kind == None || !m.ready() {
		return item{}, false
	}
	for _, it := range m.doc.items {
		if it.index == m.sel.Index && m.selectable(it, m.sel.Kind) {
			return it, true
		}
	}
	return item{}, false
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
	p := pos{m.yOffset, 0}
	if m.current >= 0 && m.current < len(m.matches) {
		if mt := m.matches[m.current]; mt.start.line >= m.yOffset && mt.start.line < m.yOffset+m.height {
			p = mt.start
		}
	}
	return m.momentAt(p)
}

// momentAt is the moment of rendered cell p. The rendering keeps no map
// back to the source, so p's source line is read off the items around it
// (each knows its source line), and its column off the timestamp badges
// beside it on that line: after the badge before it, before the badge
// after it. A cell inside a badge counts as before it, as Moment counts a
// position inside an anchor.
func (m Model) momentAt(p pos) int {
	var prev, next *item     // the items around p
	var prevTs, nextTs *item // the timestamp badges around p
	for i := range m.doc.items {
		it := &m.doc.items[i]
		if !it.found {
			continue
		}
		if p.before(it.end) { // p is before its end: the item is after p
			if next == nil {
				next = it
			}
			if nextTs == nil && it.kind == itemTimestamp && it.index >= 0 {
				nextTs = it
			}
			if next != nil && nextTs != nil {
				break
			}
			continue
		}
		prev = it
		if it.kind == itemTimestamp && it.index >= 0 {
			prevTs = it
		}
	}
	line := sourceLineOf(p, prev, next)
	line = max(line, m.note.BodyLine, 1)
	col := 0
	n := m.note
	switch {
	case nextTs != nil && int(n.Timestamps[nextTs.index].Line) == line:
		col = anchorCol(n, nextTs.index, true)
	case prevTs != nil && int(n.Timestamps[prevTs.index].Line) == line:
		col = anchorCol(n, prevTs.index, false)
	}
	return n.Moment(line, col)
}

// sourceLineOf is the source line of rendered cell p between the items
// prev and next (either may be nil): theirs when p shares a rendered line
// with one, else counted from the nearer, kept between the two.
func sourceLineOf(p pos, prev, next *item) int {
	switch {
	case prev == nil && next == nil:
		return 0
	case next == nil:
		return prev.srcLine + p.line - prev.end.line
	case prev == nil:
		return next.srcLine - (next.start.line - p.line)
	case p.line == prev.end.line:
		return prev.srcLine
	case p.line == next.start.line:
		return next.srcLine
	}
	line := prev.srcLine + (p.line-prev.end.line)*(next.srcLine-prev.srcLine)/max(next.start.line-prev.end.line, 1)
	return min(max(line, prev.srcLine), next.srcLine)
}

// anchorCol is the byte column in its source line where timestamp ts's
// anchor starts (or ends, when !start); 0 when the line's anchors can't be
// lined up with its timestamps.
func anchorCol(n *model.Note, ts int, start bool) int {
	line := int(n.Timestamps[ts].Line)
	first := ts
	for first > 0 && int(n.Timestamps[first-1].Line) == line {
		first--
	}
	count := first
	for count < len(n.Timestamps) && int(n.Timestamps[count].Line) == line {
		count++
	}
	spans := model.AnchorSpans(lineOfText(n.Text, line), nil)
	if len(spans) != count-first {
		return 0
	}
	if start {
		return spans[ts-first][0]
	}
	return spans[ts-first][1]
}

// lineOfText is line (from 1) of text, without its newline.
func lineOfText(text string, line int) string {
	for ; line > 1; line-- {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			return ""
		}
		text = text[i+1:]
	}
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	return text
}

// HitAt is the badge or link under cell (x, y) of the pane: a mouse click.
// Invalid timestamps are not hits.
func (m Model) HitAt(x, y int) (Selection, bool) {
	if !m.ready() || y < 0 || y >= m.height || x < 0 {
		return Selection{}, false
	}
	line := m.yOffset + y
	for _, it := range m.doc.items {
		if it.start.line > line {
			continue
		}
		k := LinkSel
		if it.kind == itemTimestamp {
			k = TimestampSel
		}
		if !m.selectable(it, k) || it.end.line < line {
			continue
		}
		for _, sg := range m.doc.segments(it.start, it.end) {
			if sg.line == line && x >= sg.from && x < sg.to {
				return Selection{k, it.index}, true
			}
		}
	}
	return Selection{}, false
}

// Select selects s (a click) without scrolling; an unknown one clears it.
func (m *Model) Select(s Selection) { m.sel = s }

// before reports whether cell a comes before cell b.
func (a pos) before(b pos) bool { return a.line < b.line || a.line == b.line && a.col < b.col }

// startOfSource is where source line line begins in the rendering, as far
// as the items tell: the end of the last item of the lines above it, or,
// when later, the start of the rendered paragraph holding the line's first
// item (a source paragraph renders as one run of non-blank lines); with
// neither, its interpolated rendered line.
func (r *rendered) startOfSource(line int) pos {
	var p pos
	found := false
	var own *item
	for i := range r.items {
		it := &r.items[i]
		switch {
		case !it.found:
		case it.srcLine < line && (!found || p.before(it.end)):
			p, found = it.end, true
		case it.srcLine == line && (own == nil || it.start.before(own.start)):
			own = it
		}
	}
	if own != nil {
		top := own.start.line
		for top > 0 && strings.TrimSpace(r.plain[top-1]) != "" {
			top--
		}
		if q := (pos{top, 0}); !found || p.before(q) {
			p, found = q, true
		}
	}
	if !found {
		return pos{max(r.lineOfSource(line), 0), 0}
	}
	return p
}
