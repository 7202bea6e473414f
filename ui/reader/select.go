package reader

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
// one, else the last openable one on or above the top line; -1 for none.
func (m Model) TimestampForOpen() int {
	if m.sel.Kind == TimestampSel {
		return m.sel.Index
	}
	if !m.ready() {
		return -1
	}
	best := -1
	for _, it := range m.doc.items {
		if it.kind != itemTimestamp || !it.found || it.index < 0 || it.start.line > m.yOffset {
			continue
		}
		if m.note.Openable(it.index) {
			best = it.index
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
