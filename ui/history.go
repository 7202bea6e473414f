package ui

import (
	tea "charm.land/bubbletea/v2"

	"tubenotes/model"
	"tubenotes/ui/backlinks"
	"tubenotes/ui/common"
	"tubenotes/ui/reader"
	"tubenotes/ui/safe"
)

// openNote shows n in the reader at yOffset; remember puts the note being
// left into the history.
func (m *Model) openNote(n *model.Note, yOffset int, remember bool) tea.Cmd {
	if n == nil {
		return nil
	}
	m.leaving(n)
	if cur := m.reader.Note(); remember && cur != nil && cur != n {
		m.back = append(m.back, visit{cur, m.reader.YOffset()})
		m.forward = nil
	}
	m.endFind()
	moments := m.sections.SetNote(n)
	m.links.SetNote(n)
	m.notes.SetOpen(n)
	l := m.layout()
	sized := m.reader.SetSize(l.reader.w, l.reader.h)
	return tea.Batch(sized, m.reader.Open(m.vault, n, yOffset), backlinks.Find(m.vault, m.index, n), moments)
}

// travel moves one step through the history: from pops a visit and the
// current note goes onto to, each keeping its scroll position.
func (m *Model) travel(from, to *[]visit, none string) tea.Cmd {
	if len(*from) == 0 {
		m.status.SetMessage(none, false)
		return nil
	}
	v := (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	if cur := m.reader.Note(); cur != nil {
		*to = append(*to, visit{cur, m.reader.YOffset()})
	}
	return m.openNote(v.note, v.yOffset, false)
}

// openLine leaves the timeline (or the panes as they are) for a note
// scrolled to a line, with the timestamp there selected.
func (m *Model) openLine(a common.OpenLine) tea.Cmd {
	if m.mode == modeTimeline {
		m.mode = modeBrowse
	}
	if a.Note == nil || m.vault == nil {
		return nil
	}
	if cur := m.vault.Note(a.Note.Path); cur != a.Note { // read again since the row was made
		if cur == nil {
			m.status.SetMessage(safe.Line(a.Note.Path)+" was deleted", true)
			return nil
		}
		a.Note, a.Timestamp = cur, common.SameTimestamp(a.Note, a.Timestamp, cur)
	}
	m.setFocus(focusReader)
	cmd := m.openNote(a.Note, 0, true)
	m.reader.ScrollToSourceLine(a.Line)
	if a.Timestamp >= 0 && a.Timestamp < len(a.Note.Timestamps) {
		m.reader.Select(reader.Selection{Kind: reader.TimestampSel, Index: a.Timestamp})
	}
	return cmd
}

// openHit leaves the search view for the note of a hit, scrolled to it,
// with the query's matches highlighted for n and N.
func (m *Model) openHit(h common.OpenHit) tea.Cmd {
	m.closeSearch()
	if h.Note == nil {
		return nil
	}
	m.setFocus(focusReader)
	cmd := m.openNote(h.Note, 0, true)
	m.reader.ScrollToSourceLine(h.Line)
	if len(h.FindTerms) > 0 {
		m.find.SetValue(h.Query)
		m.reader.SetFindTermsAt(h.FindTerms, h.Line)
	}
	return cmd
}
