package reader

import (
	"sort"

	"tubenotes/model/fold"
	"tubenotes/ui/render"
)

// SetFind highlights every match of query in the note, folded as search
// folds ("cafe" finds "café", "istanbul" finds "İstanbul", "finance" finds
// "ﬁnance"; punctuation and line breaks read as spaces), and makes the first match at or below the top
// line the current one, scrolled into view. It returns the number of
// matches; "" clears. Before the note is rendered it returns 0 and the
// matches appear with the rendering.
func (m *Model) SetFind(query string) int { return m.SetFindTerms([]string{query}) }

// SetFindTerms is SetFind for several terms at once (the words and phrases
// of a vault search): a match of any of them is a match.
func (m *Model) SetFindTerms(terms []string) int {
	m.findLine = 0
	return m.setFindTerms(terms)
}

// SetFindTermsAt is SetFindTerms for a search hit on source line line: the
// current match is the first after the badges, links and headings of the
// lines above it, the hit's own, so that o plays the hit's moment; not the
// first on screen, which may be in the context above the hit.
func (m *Model) SetFindTermsAt(terms []string, line int) int {
	m.findLine = line
	return m.setFindTerms(terms)
}

func (m *Model) setFindTerms(terms []string) int {
	m.terms = nil
	for _, t := range terms {
		if f := fold.Text(t); f != "" {
			m.terms = append(m.terms, f)
		}
	}
	m.refind(true)
	return len(m.matches)
}

// refind looks for the terms in the document shown; the current match is
// the first at or below the top line (or from a hit's line, see
// SetFindTermsAt), scrolled to when reveal.
func (m *Model) refind(reveal bool) {
	m.matches, m.current = nil, -1
	if len(m.terms) == 0 || m.doc == nil {
		return
	}
	for _, t := range m.terms {
		m.matches = append(m.matches, m.doc.fold.find(t)...)
	}
	if len(m.matches) == 0 {
		return
	}
	if len(m.terms) > 1 {
		m.matches = sortMatches(m.matches)
	}
	from := render.Pos{Line: m.yOffset}
	if m.findLine > 0 {
		from = m.startOfSource(m.findLine)
	}
	m.current = 0
	for i, mt := range m.matches {
		if !mt.start.Before(from) {
			m.current = i
			break
		}
	}
	if reveal {
		m.reveal(m.matches[m.current].start, m.matches[m.current].end)
	}
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

// FindMoment is the moment (model.Note.Moment) of the current match while
// it is on screen, the one o plays then; -1 otherwise.
func (m Model) FindMoment() int {
	if !m.ready() {
		return -1
	}
	if p, ok := m.matchOnScreen(); ok {
		return m.momentAt(p)
	}
	return -1
}

// matchOnScreen is where the current match starts, when it is on screen.
func (m Model) matchOnScreen() (render.Pos, bool) {
	if m.current < 0 || m.current >= len(m.matches) {
		return render.Pos{}, false
	}
	p := m.matches[m.current].start
	return p, p.Line >= m.yOffset && p.Line < m.yOffset+m.height
}

// FindStatus is the current match (1-based, 0 when none) and the number of
// matches.
func (m Model) FindStatus() (current, total int) {
	return m.current + 1, len(m.matches)
}

// sortMatches orders matches of several terms by position and drops those
// that overlap an earlier one.
func sortMatches(ms []match) []match {
	sort.Slice(ms, func(i, j int) bool { return ms[i].start.Before(ms[j].start) })
	out := ms[:0]
	for _, mt := range ms {
		if len(out) > 0 && mt.start.Before(out[len(out)-1].end) {
			continue
		}
		out = append(out, mt)
	}
	return out
}

// Finding reports whether a find query is on.
func (m Model) Finding() bool { return len(m.terms) > 0 }
