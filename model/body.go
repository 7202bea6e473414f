package model

import (
	"sync"
	"sync/atomic"
)

// Text is the whole file after decoding (BOM dropped, CRLF made LF,
// invalid UTF-8 replaced). Lines count from 1 in this text.
func (n *Note) Text() string {
	if n.lazy != nil {
		return n.lazy.get().Text
	}
	return n.text
}

// Spans are where each timestamp, link, section and other part is in the
// text: read them with TimestampSpan, LinkSpan, SectionSpan and Parts. The
// loader is the one reader of a note's markdown; the renderer and search
// walk these spans instead of finding the parts again.
func (n *Note) Spans() []uint16 {
	if n.lazy != nil {
		return n.lazy.get().Spans
	}
	return n.spans
}

// SetBody gives the note its text and spans. It is for whoever makes the
// note (the loader, tests), before the note is shared.
func (n *Note) SetBody(text string, spans []uint16) *Note {
	n.text, n.spans, n.lazy, n.lineInfo = text, spans, nil, &lineCache{}
	return n
}

// Body is a note's text and spans, as a lazy load gives them.
type Body struct {
	Text  string
	Spans []uint16
}

// SetLazyBody makes the note's text and spans the result of load, called
// once, on first use, from whichever goroutine asks first. It is for the
// cache, before the note is shared; load must not fail (it gives a body
// that says what went wrong instead) and must be safe to call from any
// goroutine.
func (n *Note) SetLazyBody(load func() Body) *Note {
	n.text, n.spans, n.lineInfo = "", nil, nil
	n.lazy = &lazyBody{load: load}
	return n
}

// Peek is the note's text and spans, without keeping a lazy note's in
// memory when they were not loaded yet: for a writer that reads every
// note of a vault once.
func (n *Note) Peek() Body {
	if n.lazy == nil {
		return Body{Text: n.text, Spans: n.spans}
	}
	if b := n.lazy.body.Load(); b != nil {
		return *b
	}
	n.lazy.mu.Lock()
	defer n.lazy.mu.Unlock()
	if b := n.lazy.body.Load(); b != nil {
		return *b
	}
	return n.lazy.load()
}

// BodyLoaded reports whether the note's text is in memory: true but for a
// lazy note not yet read.
func (n *Note) BodyLoaded() bool {
	if n.lazy == nil {
		return true
	}
	return n.lazy.body.Load() != nil
}

// lazyBody is a body loaded on first use. Once loaded, a read is one
// atomic load: the spans' readers ask for the text at every value.
type lazyBody struct {
	body atomic.Pointer[Body]
	mu   sync.Mutex // held while loading, so that load runs once
	load func() Body

	lines lineCache
}

func (l *lazyBody) get() *Body {
	if b := l.body.Load(); b != nil {
		return b
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if b := l.body.Load(); b != nil {
		return b
	}
	b := l.load()
	l.load = nil
	l.body.Store(&b)
	return &b
}
