package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"tubenotes/model"
	"tubenotes/model/fold"
)

// Span is a byte range [Start, End) of a snippet.
type Span struct{ Start, End int }

// Snippet is the visible text of a hit's line (the title, for a hit on the
// frontmatter), without markdown line markers, cut to about width runes
// around the first whole match (a phrase's words in order; else the first
// word a term matches), and the spans of the words that match the
// query's terms. The text is still untrusted: clean it before it reaches a
// terminal.
func Snippet(n *model.Note, line int, q *Query, width int) (string, []Span) {
	text := n.Title
	if line >= max(n.BodyLine, 1) {
		text = LinePlain(n, line)
	}
	if width <= 0 || utf8.RuneCountInString(text) <= width {
		return text, Highlights(text, q)
	}
	// Only the words up to the end of the part kept are matched: a line is
	// often a paragraph many times the snippet's width.
	first, found := nextHighlight(text, q, 0)
	at, whole := nextMatch(text, q, 0)
	if !whole {
		at = first
	}
	start, end := window(text, at, found, width)
	var spans []Span
	for s, ok := first, found; ok && s.Start < end; s, ok = nextHighlight(text, q, s.End) {
		spans = append(spans, s)
	}
	return cut(text, spans, start, end)
}

// Plain is markdown text as a one-line label: what a reader sees of it
// (see Visible), runs of space made one, emphasis stars and code
// backticks dropped, and no space left before a "." or "," where an anchor
// was removed. Section titles and snippets are shown this way.
func Plain(s string) string { return plain(Visible(s)) }

// LinePlain is line (from 1) of n's text as plain text, without its
// markdown line marker (a heading's #, a quote's >, a list item's - * +):
// a snippet before it is cut.
func LinePlain(n *model.Note, line int) string { return plain(noteVisible(n, line)) }

// NotePlain is bytes lo to hi of n's text as plain text, read along the
// loader's spans (as search reads a line): Plain for a part of a note.
func NotePlain(n *model.Note, lo, hi int) string {
	return plain(string(appendNoteVisible(nil, lineCursor(n, lo, hi), lo, hi)))
}

// plain is Plain of visible text.
func plain(visible string) string {
	if alreadyPlain(visible) {
		return visible
	}
	return plainWords(visible)
}

// plainWords is the rule of plain, word by word.
func plainWords(visible string) string {
	var b strings.Builder
	b.Grow(len(visible))
	first := true
	for w := range strings.FieldsSeq(visible) {
		if !first {
			b.WriteByte(' ')
		}
		b.WriteString(plainWord(w))
		first = false
	}
	out := strings.ReplaceAll(b.String(), " .", ".")
	return dropDanglingCommas(strings.ReplaceAll(out, " ,", ","))
}

// dropDanglingCommas drops a comma before a stop or another comma: what
// an anchor dropped between them leaves ("theory, <a>…</a>." reads
// "theory,." without it).
func dropDanglingCommas(s string) string {
	for strings.Contains(s, ",,") { // each pass halves a run
		s = strings.ReplaceAll(s, ",,", ",")
	}
	return strings.ReplaceAll(s, ",.", ".")
}

// plainWord is a word without its emphasis stars and code backticks.
func plainWord(w string) string {
	if !strings.ContainsAny(w, "`*") {
		return w // most words: nothing to drop
	}
	w = strings.ReplaceAll(w, "`", "")
	if strings.Trim(w, "*") != "" { // a lone "*" is not emphasis
		w = strings.ReplaceAll(w, "**", "") // bold ends inside a word too: "(Reverse)**:"
		w = strings.TrimLeft(w, "*")
		w = strings.TrimRight(w, "*")
		if j := strings.IndexAny(w, ".,;:!?)"); j > 0 && strings.Trim(w[:j], "*") != w[:j] {
			w = strings.TrimRight(w[:j], "*") + w[j:] // "*word*."
		}
		w = strings.ReplaceAll(w, "**", "") // "(P(H))**:", bold closed after punctuation
	}
	return w
}

// alreadyPlain reports whether plain would give s back as it is: no
// emphasis star or backtick, words apart by one space, none at either end,
// no space before a "." or ",", and no comma before either. Most lines of
// notes are.
func alreadyPlain(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '`' || c == '*' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return false
		case c == ' ':
			if n := s[i+1]; n == ' ' || n == '.' || n == ',' {
				return false // s does not end in a space
			}
		case c == ',':
			if i+1 < len(s) && (s[i+1] == '.' || s[i+1] == ',') {
				return false
			}
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += size - 1
		}
	}
	return true
}

// Highlights are the spans of the words of text that a term of q matches:
// every word of a phrase is marked, even one whose neighbours fall on
// another line.
func Highlights(text string, q *Query) []Span {
	var spans []Span
	for s, ok := nextHighlight(text, q, 0); ok; s, ok = nextHighlight(text, q, s.End) {
		spans = append(spans, s)
	}
	return spans
}

// nextHighlight is the first word of text from byte i on (i at a word's
// start or between words) that a term of q matches.
func nextHighlight(text string, q *Query, i int) (Span, bool) {
	// A word that begins with an ASCII letter or digit folds to a word that
	// begins with it in lower case: one that begins no term's word is passed
	// over without being folded.
	var starts [utf8.RuneSelf]bool
	for _, t := range q.Terms {
		for _, w := range t.Words {
			switch {
			case w == "":
				starts = [utf8.RuneSelf]bool{}
				for c := range starts {
					starts[c] = true
				}
			case w[0] < utf8.RuneSelf:
				starts[w[0]] = true
			}
		}
	}
	var room [64]byte
	buf := room[:0]
	for {
		a, b := fold.NextWord(text, i)
		if a < 0 {
			return Span{}, false
		}
		i = b
		if c := text[a]; c < utf8.RuneSelf && !starts[toLower(c)] {
			continue
		}
		buf = fold.AppendWord(buf[:0], text[a:b])
		if termsHave(q.Terms, string(buf)) {
			return Span{a, b}, true
		}
	}
}

// nextMatch is the first whole match of a term of q in text from byte i
// on: a word that a one-word term matches, or the words a phrase matches,
// in order (the span from the first's start to the last's end).
func nextMatch(text string, q *Query, i int) (Span, bool) {
	for s, ok := nextHighlight(text, q, i); ok; s, ok = nextHighlight(text, q, s.End) {
		if end, ok := termAt(text, q.Terms, s); ok {
			return Span{s.Start, end}, true
		}
	}
	return Span{}, false
}

// termAt is the end of the first term of terms that matches text from the
// word at first on, word by word.
func termAt(text string, terms []Term, first Span) (int, bool) {
	var room [64]byte
	word := string(fold.AppendWord(room[:0], text[first.Start:first.End]))
	for _, t := range terms {
		if !t.matchesWord(0, word) {
			continue
		}
		end, ok := first.End, true
		for j := 1; ok && j < len(t.Words); j++ {
			a, b := fold.NextWord(text, end)
			ok = a >= 0 && t.matchesWord(j, string(fold.AppendWord(room[:0], text[a:b])))
			end = b
		}
		if ok {
			return end, true
		}
	}
	return 0, false
}

// matchesWord reports whether word i of t matches token, a folded word.
func (t Term) matchesWord(i int, token string) bool {
	w := t.Words[i]
	return token == w || t.PrefixAt(i) && strings.HasPrefix(token, w)
}

// toLower is c in lower case, for an ASCII letter.
func toLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func termsHave(terms []Term, token string) bool {
	for _, t := range terms {
		for i := range t.Words {
			if t.matchesWord(i, token) {
				return true
			}
		}
	}
	return false
}

// window is the part of text a snippet keeps: about width runes, starting
// a little before the first span (when found).
func window(text string, first Span, found bool, width int) (start, end int) {
	if found {
		start = first.Start
		for back := width / 4; back > 0 && start > 0; back-- {
			_, n := utf8.DecodeLastRuneInString(text[:start])
			start -= n
		}
		if sp := strings.IndexByte(text[start:first.Start], ' '); sp >= 0 && start > 0 {
			start += sp + 1 // begin on a word
		}
	}
	end = start
	for k := 0; k < width && end < len(text); k++ {
		_, n := utf8.DecodeRuneInString(text[end:])
		end += n
	}
	if end-start < len(text) && end == len(text) { // near the end: use the whole width
		for k := utf8.RuneCountInString(text[start:end]); k < width && start > 0; k++ {
			_, n := utf8.DecodeLastRuneInString(text[:start])
			start -= n
		}
	}
	return start, end
}

// cut keeps bytes start to end of text, with "…" where text was dropped,
// and the spans inside them.
func cut(text string, spans []Span, start, end int) (string, []Span) {
	prefix, suffix := "", ""
	if start > 0 {
		prefix = "…"
	}
	if end < len(text) {
		suffix = "…"
	}
	var out []Span
	for _, s := range spans {
		if s.Start >= start && s.End <= end {
			out = append(out, Span{s.Start - start + len(prefix), s.End - start + len(prefix)})
		}
	}
	return prefix + text[start:end] + suffix, out
}
