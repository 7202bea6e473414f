package searchview

import engine "tubenotes/model/search"

// hitCache keeps what the view has worked out about the hits of one
// result: a hit's moment and snippet cost a few reads of its note's text
// from the start, which on a 1 MB note is milliseconds a row, so each is
// worked out once, when first drawn, instead of on every frame. A new
// result gets a new cache; the copies of the Model share it, as they share
// the result.
type hitCache struct {
	moments  map[int]int
	snippets map[snippetKey]snippet
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
	return &hitCache{moments: map[int]int{}, snippets: map[snippetKey]snippet{}}
}

// moment is hit i's moment (see engine.Moment).
func (m Model) moment(i int) int {
	if ts, ok := m.cache.moments[i]; ok {
		return ts
	}
	h := m.result.Hits[i]
	ts := engine.Moment(h.Note, h.Line, m.query)
	if len(m.cache.moments) >= maxCached {
		clear(m.cache.moments)
	}
	m.cache.moments[i] = ts
	return ts
}

// snippet is hit i's snippet cut to width runes (see engine.Snippet).
func (m Model) snippet(i, width int) (string, []engine.Span) {
	k := snippetKey{i, width}
	if s, ok := m.cache.snippets[k]; ok {
		return s.text, s.spans
	}
	h := m.result.Hits[i]
	text, spans := engine.Snippet(h.Note, h.Line, m.query, width)
	if len(m.cache.snippets) >= maxCached {
		clear(m.cache.snippets)
	}
	m.cache.snippets[k] = snippet{text, spans}
	return text, spans
}
