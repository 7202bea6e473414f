package cache

import (
	"errors"
	"io"
	"io/fs"
	"strings"
	"sync"

	"tubenotes/loader"
	"tubenotes/model"
)

// textSource gives the notes of a cache file their spans and texts when
// they are first asked for (model.Note.SetLazyBody): the spans from the
// file's blocks, the text from the note's own file, taken only when it is
// the text the note was made of (its length and checksum are those the
// cache recorded).
type textSource struct {
	file   io.ReaderAt
	blocks []blobInfo // of spans
	vault  noteFiles
	// damaged is told once of the first damaged block, or of the first
	// note whose file no longer holds the text it was made of although
	// its stamp said unchanged (chmod, touch -r, a write through a hard
	// link, or one since the start): the cache file is then dropped, so
	// the next start reads the vault again instead of trusting it.
	damaged     func(error)
	damagedOnce sync.Once

	mu     sync.Mutex
	recent [recentBlocks]recentBlock
	tick   int
}

// noteFiles reads a vault's note files again: a note's text (as
// loader.ReadText), and the whole note (loader.ReadNote) when its file no
// longer holds the text the cache's note was made of.
type noteFiles struct {
	text func(path string) (string, error)
	note func(path string) (*model.Note, error)
}

// vaultFiles reads the note files of fsys, parsed in mode.
func vaultFiles(fsys fs.FS, mode loader.TimestampMode) noteFiles {
	return noteFiles{
		text: func(p string) (string, error) { return loader.ReadText(fsys, p) },
		note: func(p string) (*model.Note, error) { return loader.ReadNote(fsys, p, mode) },
	}
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
	b, err := s.checkedBody(n, p)
	if err != nil {
		s.tell(err)
		return s.fromFile(n, p)
	}
	return b
}

// checkedBody is n's body of place p, or why it can't be had: its spans
// are damaged, or its file no longer holds the text the note was made of
// (errStale).
func (s *textSource) checkedBody(n *model.Note, p textPlace) (model.Body, error) {
	spans, err := s.spans(p)
	if err != nil {
		return model.Body{}, err
	}
	text, err := s.vault.text(n.Path)
	if err != nil || idOf(text) != p.textID {
		return model.Body{}, errStale // the file changed since the note was made of it
	}
	check := *n
	check.SetBody(text, spans)
	// A note without spans is one its readers take as having none (every
	// span reads as missing); spans there must fit.
	if len(spans) > 0 && !check.SpansConsistent() {
		return model.Body{}, errors.New("damaged: a note's spans do not fit its text")
	}
	return model.Body{Text: text, Spans: spans}, nil
}

// spans reads the spans of place p from their block.
func (s *textSource) spans(p textPlace) ([]uint16, error) {
	if p.spans == 0 {
		return nil, nil
	}
	raw, err := s.block(p.block)
	if err != nil {
		return nil, err
	}
	spans := make([]uint16, p.spans)
	for i := range spans {
		at := p.offset + 2*i
		spans[i] = uint16(raw[at]) | uint16(raw[at+1])<<8
	}
	return spans, nil
}

// tell tells damaged of the file's first damaged blob (a block of spans or
// of postings), or of a note whose file changed unseen.
func (s *textSource) tell(err error) { s.damagedOnce.Do(func() { s.damaged(err) }) }

// fromFile is the body of n read from its file again, parsed anew: for a
// file that changed since the note was made of it, or a note whose spans
// are damaged. A changed file keeps its text but loses its spans unless
// its parts are the note's (they would not fit the note's timestamps and
// links, which stay those of the cache until the vault is reloaded); one
// that can't be read says so.
func (s *textSource) fromFile(n *model.Note, p textPlace) model.Body {
	again, err := s.vault.note(n.Path)
	if err == nil && lineCount(again.Text()) == p.lines {
		if sameParts(again, n) {
			return model.Body{Text: again.Text(), Spans: again.Spans()}
		}
		return model.Body{Text: again.Text()}
	}
	// The text must have the lines the note's parts name.
	return model.Body{Text: "(this note's file changed or could not be read since the vault was loaded)" + strings.Repeat("\n", p.lines-1)}
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
			raw := r.raw // the slot may be reused once unlocked
			s.mu.Unlock()
			return raw, nil
		}
		if r.used < s.recent[oldest].used {
			oldest = k
		}
	}
	s.mu.Unlock()
	raw, err := readBlob(s.file, s.blocks[i])
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.recent[oldest] = recentBlock{block: i, used: s.tick, raw: raw}
	s.mu.Unlock()
	return raw, nil
}
