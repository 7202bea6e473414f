package reader

// SetFind highlights every match of query in the note, case- and
// accent-insensitively ("cafe" finds "café", "istanbul" finds "İstanbul"),
// also across line breaks, and makes the first match at or below the top
// line the current one, scrolled into view. It returns the number of
// matches; "" clears. Before the note is rendered it returns 0 and the
// matches appear with the rendering.
func (m *Model) SetFind(query string) int {
	m.query = fold(query)
	m.matches, m.current = nil, -1
	if m.query == "" || !m.ready() {
		return 0
	}
	m.refind()
	return len(m.matches)
}

// refind looks for the query in the document shown; the current match is
// the first at or below the top line.
func (m *Model) refind() {
	m.matches, m.current = nil, -1
	if m.query == "" || m.doc == nil {
		return
	}
	m.matches = m.doc.fold.find(m.query)
	if len(m.matches) == 0 {
		return
	}
	m.current = 0
	for i, mt := range m.matches {
		if mt.start.line >= m.yOffset {
			m.current = i
			break
		}
	}
	m.reveal(m.matches[m.current].start, m.matches[m.current].end)
}

// FindNext moves to the next match, wrapping around.
func (m *Model) FindNext() { m.findStep(1) }

// FindPrev moves to the previous match, wrapping around.
func (m *Model) FindPrev() { m.findStep(-1) }

func (m *Model) findStep(dir int) {
	if len(m.matches) == 0 {
		return
	}
	m.current = (m.current + dir + len(m.matches)) % len(m.matches)
	mt := m.matches[m.current]
	m.reveal(mt.start, mt.end)
}

// FindStatus is the current match (1-based, 0 when none) and the number of
// matches.
func (m Model) FindStatus() (current, total int) {
	return m.current + 1, len(m.matches)
}
