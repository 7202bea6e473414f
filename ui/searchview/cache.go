package searchview

import (
	tea "charm.land/bubbletea/v2"

	"tubenotes/model"
	engine "tubenotes/model/search"
	"tubenotes/ui/common"
)

// hitCache keeps what the view has worked out about the hits of one
// result: a hit's moment and snippet cost a few reads of its note's text
// from the start, which on a 1 MB note is milliseconds a row, so each is
// worked out once, when first drawn, instead of on every frame. A new
// result gets a new cache; the copies of the Model share it, as they share
// the result.
type hitCache struct {
	moments  map[int]int
	snippets map[snippetKey]snippet
	// asked are the notes whose texts a command is reading
	// (common.LoadBodies), so that each is asked for once.
	asked map[*model.Note]bool
	// play is the hit whose moment ctrl+o asked for before its note's
	// text was read: played when it is, -1 when none.
	play int
}

type snippetKey struct{ hit, width int }

type snippet struct {
	text  string
	spans []engine.Span
}

// maxCached bounds the cache: a user paging through a huge result keeps
// at most this many rows' worth, then starts afresh.
const maxCached = 4096

func newHitCache() *hitCache {
	return &hitCache{moments: map[int]int{}, snippets: map[snippetKey]snippet{}, asked: map[*model.Note]bool{}, play: -1}
}

// moment is hit i's moment (see engine.Moment); ok is false while its
// note's text is not read yet (see loadShown).
func (m Model) moment(i int) (ts int, ok bool) {
	if ts, ok := m.cache.moments[i]; ok {
		return ts, true
	}
	h := m.result.Hits[i]
	if !h.Note.BodyLoaded() {
		return -1, false
	}
	ts = engine.Moment(h.Note, h.Line, m.query)
	if len(m.cache.moments) >= maxCached {
		clear(m.cache.moments)
	}
	m.cache.moments[i] = ts
	return ts, true
}

// snippet is hit i's snippet cut to width runes (see engine.Snippet); ok
// is false while its note's text is not read yet (see loadShown).
func (m Model) snippet(i, width int) (text string, spans []engine.Span, ok bool) {
	k := snippetKey{i, width}
	if s, ok := m.cache.snippets[k]; ok {
		return s.text, s.spans, true
	}
	h := m.result.Hits[i]
	if !h.Note.BodyLoaded() {
		return "", nil, false
	}
	text, spans = engine.Snippet(h.Note, h.Line, m.query, width)
	if len(m.cache.snippets) >= maxCached {
		clear(m.cache.snippets)
	}
	m.cache.snippets[k] = snippet{text, spans}
	return text, spans, true
}

// loadShown asks for the texts of the notes in the window that are not
// read yet (common.LoadBodies), each once an answer: the rows and the
// preview show them once read. When it has nothing more to ask for the
// window (on the Update of their message, say), it asks for those of the
// page below, so that paging down finds them read. Update and SetSize
// call it, as what the window shows may have changed.
func (m Model) loadShown() tea.Cmd {
	page := m.listRows()
	if cmd := m.loadRows(m.top, m.top+page); cmd != nil {
		return cmd
	}
	return m.loadRows(m.top+page, m.top+2*page)
}

// loadRows asks for the texts of the notes of rows from..to (not
// included) that are not read or asked for yet.
func (m Model) loadRows(from, to int) tea.Cmd {
	var unread []*model.Note
	for r := from; r < min(to, len(m.rows.hit)); r++ {
		h, header := m.rows.header(r)
		if header {
			continue // a title, no text
		}
		n := m.result.Hits[h].Note
		if !n.BodyLoaded() && !m.cache.asked[n] {
			m.cache.asked[n] = true
			unread = append(unread, n)
		}
	}
	return common.LoadBodies(unread...)
}
