package reader

import "tubenotes/ui/render"

// SetPlaying marks timestamp ts's badge as the one being played (follow
// mode); -1 marks none.
func (m *Model) SetPlaying(ts int) { m.playing = ts }

// Playing is the timestamp marked as being played, -1 when none.
func (m Model) Playing() int { return m.playing }

// RevealTimestamp scrolls timestamp ts's badge into view with the
// sentence it ends above it and a few lines of what follows below: when it
// is off screen or on the last lines, it moves to a third down the pane.
// It reports false while the note is rendering or when ts has no badge.
func (m *Model) RevealTimestamp(ts int) bool {
	it, ok := m.timestampItem(ts)
	if !ok {
		return false
	}
	m.pending = pendingScroll{}
	below := min(3, m.height/4) // lines kept under the badge
	if it.Start.Line < m.yOffset || it.End.Line >= m.yOffset+m.height-below {
		m.yOffset = it.Start.Line - m.height/3
		m.clamp()
	}
	return true
}

// timestampItem is the badge of timestamp ts, if it is drawn.
func (m Model) timestampItem(ts int) (render.Item, bool) {
	if ts < 0 || !m.ready() {
		return render.Item{}, false
	}
	for _, it := range m.doc.Items {
		if it.Index == ts && m.selectable(it, TimestampSel) {
			return it, true
		}
	}
	return render.Item{}, false
}
