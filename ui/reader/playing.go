package reader

// SetPlaying marks timestamp ts's badge as the one being played (follow
// mode); -1 marks none.
func (m *Model) SetPlaying(ts int) { m.playing = ts }

// Playing is the timestamp marked as being played, -1 when none.
func (m Model) Playing() int { return m.playing }

// RevealTimestamp scrolls timestamp ts's badge, and so the sentence around
// it, into view (a third down the pane when it has to move). It reports
// false while the note is rendering or when ts has no badge.
func (m *Model) RevealTimestamp(ts int) bool {
	it, ok := m.timestampItem(ts)
	if ok {
		m.pending = pendingScroll{}
		m.reveal(it.start, it.end)
	}
	return ok
}

// timestampItem is the badge of timestamp ts, if it is drawn.
func (m Model) timestampItem(ts int) (item, bool) {
	if ts < 0 || !m.ready() {
		return item{}, false
	}
	for _, it := range m.doc.items {
		if it.index == ts && m.selectable(it, TimestampSel) {
			return it, true
		}
	}
	return item{}, false
}
