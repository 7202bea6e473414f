package searchview

import engine "tubenotes/model/search"

// rows are the lines of the hit list: each note's header, then its hits.
// A result holds each note's hits together, so a header starts wherever
// the note changes.
type rows struct {
	hit   []int32 // the hit of each row; -1-h for the header above hit h
	rowOf []int32 // the row of each hit
}

func groupRows(hits []engine.Hit) rows {
	r := rows{hit: make([]int32, 0, len(hits)+len(hits)/4), rowOf: make([]int32, len(hits))}
	for i, h := range hits {
		if i == 0 || h.Note != hits[i-1].Note {
			r.hit = append(r.hit, int32(-1-i))
		}
		r.rowOf[i] = int32(len(r.hit))
		r.hit = append(r.hit, int32(i))
	}
	return r
}

// header reports whether row i is a note's header, and the first hit under
// it.
func (r rows) header(i int) (int, bool) {
	h := int(r.hit[i])
	if h < 0 {
		return -1 - h, true
	}
	return h, false
}

// listRows is how many rows fit under the input and count lines.
func (m Model) listRows() int { return max(m.height-2, 1) }

// choose selects hit i (kept inside the hits) and scrolls the window to it.
func (m *Model) choose(i int) {
	m.sel = i
	m.clamp()
}

// clamp keeps the selection on a hit and the window around it, with the
// note's header in view when the selection is the note's first hit.
func (m *Model) clamp() {
	n := len(m.result.Hits)
	m.sel = min(max(m.sel, 0), max(n-1, 0))
	if n == 0 {
		m.top = 0
		return
	}
	h := m.listRows()
	r := int(m.rows.rowOf[m.sel])
	first := r
	if r > 0 && m.rows.hit[r-1] < 0 {
		first = r - 1
	}
	if first < m.top {
		m.top = first
	}
	if r >= m.top+h {
		m.top = r - h + 1
	}
	m.top = min(max(m.top, 0), max(len(m.rows.hit)-h, 0))
}
