package reader

import "tubenotes/ui/render"

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
// one, else the last openable one on or above the top line; -1 for none.
func (m Model) TimestampForOpen() int {
	if m.sel.Kind == TimestampSel {
		return m.sel.Index
	}
	if !m.ready() {
		return -1
	}
	best := -1
	for _, it := range m.doc.Items {
		if it.Kind != render.Timestamp || !it.Found || it.Index < 0 || it.Start.Line > m.yOffset {
			continue
		}
		if m.note.Openable(it.Index) {
			best = it.Index
		}
	}
	return best
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
