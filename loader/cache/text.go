package cache

import (
	"errors"
	"io"
	"strings"
	"sync"

	"tubenotes/model"
)

// textSource reads notes' texts from a cache file's text blocks when they
// are first asked for (model.Note.SetLazyBody).
type textSource struct {
	file   io.ReaderAt
	blocks []blobInfo
	codec  *dictCodec // the file's dictionary, nil when it has none
	// reread reads a note's file again: what a note gets when its block
	// is damaged.
	reread func(path string) (*model.Note, error)
	// damaged is told once of the first damaged block.
	damaged     func(error)
	damagedOnce sync.Once

	mu     sync.Mutex
	recent [recentBlocks]recentBlock
	tick   int
}

// recentBlocks is how many decompressed blocks are kept: the hits of a
// search, and the notes of a folder opened one after the other, are often
// in the same block.
const recentBlocks = 8

type recentBlock struct {
	block, used int
	raw         []byte
}

// lazyBody makes n's body that of place p, read on first use.
func (s *textSource) lazyBody(n *model.Note, p textPlace) {
	n.SetLazyBody(func() model.Body { return s.body(n, p) })
}

func (s *textSource) body(n *model.Note, p textPlace) model.Body {
	raw, err := s.block(p.block)
	if err == nil {
		text := string(raw[p.offset : p.offset+p.textLen])
		var spans []uint16
		if p.spans > 0 {
			spans = make([]uint16, p.spans)
		}
		at := p.offset + p.textLen
		for i := range spans {
			spans[i] = uint16(raw[at+2*i]) | uint16(raw[at+2*i+1])<<8
		}
		check := *n
		check.SetBody(text, spans)
		// A note without spans is one its readers take as having none
		// (every span reads as missing); spans there must fit.
		if lineCount(text) == p.lines && (len(spans) == 0 || check.SpansConsistent()) {
			return model.Body{Text: text, Spans: spans}
		}
		err = errors.New("damaged: a note's spans do not fit its text")
	}
	s.tell(err)
	return s.fromFile(n, p)
}

// tell tells damaged of the file's first damaged blob, a text block or a
// block of postings.
func (s *textSource) tell(err error) { s.damagedOnce.Do(func() { s.damaged(err) }) }

// fromFile is the body of n read from its file again. A file that changed
// since the cache was checked keeps its text but loses its spans (they
// would not fit the note's timestamps and links, which stay those of the
// cache until the vault is reloaded); one that can't be read says so.
func (s *textSource) fromFile(n *model.Note, p textPlace) model.Body {
	again, err := s.reread(n.Path)
	if err == nil && lineCount(again.Text()) == p.lines {
		if sameParts(again, n) {
			return model.Body{Text: again.Text(), Spans: again.Spans()}
		}
		return model.Body{Text: again.Text()}
	}
	// The text must have the lines the note's parts name.
	return model.Body{Text: "(this note could not be read: its cache is damaged and its file changed; reload with r)" + strings.Repeat("\n", p.lines-1)}
}

// lineCount is the number of lines a note's parts may name: its newlines
// and one.
func lineCount(text string) int { return strings.Count(text, "\n") + 1 }

// sameParts reports whether a and b have the same sections, timestamps
// and links, so that a's spans fit b.
func sameParts(a, b *model.Note) bool {
	if len(a.Sections) != len(b.Sections) || len(a.Timestamps) != len(b.Timestamps) || len(a.Links) != len(b.Links) {
		return false
	}
	for i, s := range a.Sections {
		if s != b.Sections[i] {
			return false
		}
	}
	for i, t := range a.Timestamps {
		if t != b.Timestamps[i] {
			return false
		}
	}
	for i, l := range a.Links {
		o := b.Links[i]
		if l.Target != o.Target || l.Heading != o.Heading || l.Label != o.Label || l.Line != o.Line {
			return false
		}
	}
	return true
}

// block gives the raw bytes of text block i, from the recent ones or read
// and decompressed.
func (s *textSource) block(i int) ([]byte, error) {
	s.mu.Lock()
	s.tick++
	oldest := 0
	for k := range s.recent {
		r := &s.recent[k]
		if r.raw != nil && r.block == i {
			r.used = s.tick
			s.mu.Unlock()
			return r.raw, nil
		}
		if r.used < s.recent[oldest].used {
			oldest = k
		}
	}
	s.mu.Unlock()
	raw, err := readBlob(s.file, s.blocks[i], s.codec)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.recent[oldest] = recentBlock{block: i, used: s.tick, raw: raw}
	s.mu.Unlock()
	return raw, nil
}
