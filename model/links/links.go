// Package links finds what points at a note: the wikilinks that resolve to
// it, and the notes that name its title in plain text without linking it.
// It does no I/O.
package links

import (
	"slices"
	"strings"

	"tubenotes/model"
	"tubenotes/model/search"
)

// Kind says how a note points at another.
type Kind string

const (
	KindLink    Kind = "link"    // a wikilink resolving to it
	KindMention Kind = "mention" // its title in plain text, not linked
)

// Mention is one line of another note pointing at a note.
type Mention struct {
	Kind Kind
	Note *model.Note // the note the line is in
	Line int
	Text string // the line as plain text
	Link int    // for a link, its index into Note.Links; -1 for a mention
}

// Backlinks are the wikilinks of the vault that resolve to n, one a link
// (a line linking twice is two), in path order of their notes, then
// line order.
func Backlinks(v *model.Vault, n *model.Note) []Mention {
	refs := v.Backlinks(n.Path)
	out := make([]Mention, 0, len(refs))
	for _, r := range refs {
		l := r.From.Links[r.Index].Line
		out = append(out, Mention{Kind: KindLink, Note: r.From, Line: l, Text: search.LinePlain(r.From, l), Link: r.Index})
	}
	return out
}

// MentionsOf are the lines of other notes naming n's title in plain text:
// its words in order as whole words, case and accents ignored, outside any
// link, in a note that does not link to n. They come from the search
// index ix, best ranked notes first, at most limit of them.
func MentionsOf(ix *search.Index, v *model.Vault, n *model.Note, limit int) []Mention {
	words := search.Tokens(n.Title)
	if len(words) == 0 || limit <= 0 {
		return nil
	}
	linking := map[*model.Note]bool{n: true}
	for _, r := range v.Backlinks(n.Path) {
		linking[r.From] = true
	}
	var out []Mention
	for _, h := range ix.Search(&search.Query{Terms: []search.Term{{Words: words}}}).Hits {
		if linking[h.Note] || h.Line < h.Note.BodyLine {
			continue // a note that links it, or a hit on a title
		}
		lo, hi := h.Note.LineBounds(h.Line)
		if !containsWords(search.Tokens(search.Plain(unlinked(h.Note.Text()[lo:hi]))), words) {
			continue
		}
		out = append(out, Mention{Kind: KindMention, Note: h.Note, Line: h.Line, Text: search.LinePlain(h.Note, h.Line), Link: -1})
		if len(out) == limit {
			break
		}
	}
	return out
}

// containsWords reports whether words occur in tokens one after another.
func containsWords(tokens, words []string) bool {
	for i := 0; i+len(words) <= len(tokens); i++ {
		if slices.Equal(tokens[i:i+len(words)], words) {
			return true
		}
	}
	return false
}

// unlinked is line without its wikilinks and markdown links, label and
// all, so a title inside a link is not a plain-text mention.
func unlinked(line string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(line, '[')
		if i < 0 {
			b.WriteString(line)
			return b.String()
		}
		b.WriteString(line[:i])
		rest := line[i:]
		end := -1
		if strings.HasPrefix(rest, "[[") {
			if j := strings.Index(rest, "]]"); j >= 0 {
				end = j + 2
			}
		} else if j := strings.Index(rest, "]("); j >= 0 && !strings.Contains(rest[1:j], "[") {
			if k := strings.IndexByte(rest[j:], ')'); k >= 0 {
				end = j + k + 1
			}
		}
		if end < 0 {
			b.WriteByte('[')
			line = rest[1:]
			continue
		}
		b.WriteByte(' ')
		line = rest[end:]
	}
}
