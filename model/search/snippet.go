package search

import (
	"strings"
	"unicode/utf8"

	"tubenotes/model"
	"tubenotes/model/fold"
)

// Span is a byte range [Start, End) of a snippet.
type Span struct{ Start, End int }

// Snippet is the visible text of a hit's line (the title, for a hit on the
// frontmatter), without markdown line markers, cut to about width runes
// around the first match, and the spans of the words that match the
// query's terms. The text is still untrusted: clean it before it reaches a
// terminal.
func Snippet(n *model.Note, line int, q *Query, width int) (string, []Span) {
	text := n.Title
	if line >= max(n.BodyLine, 1) {
		text = plain(noteVisible(n, line))
	}
	spans := Highlights(text, q)
	if width > 0 && utf8.RuneCountInString(text) > width {
		text, spans = cut(text, spans, width)
	}
	return text, spans
}

// Plain is markdown text as a one-line label: what a reader sees of it
// (see Visible), runs of space made one, emphasis stars and code
// backticks dropped, and no space left before a "." or "," where an anchor
// was removed. Section titles and snippets are shown this way.
func Plain(s string) string { return plain(Visible(s)) }

// NotePlain is bytes lo to hi of n's text as plain text, read along the
// loader's spans (as search reads a line): Plain for a part of a note.
func NotePlain(n *model.Note, lo, hi int) string {
	return plain(string(appendNoteVisible(nil, newSpanCursor(n), lo, hi)))
}

// plain is Plain of visible text.
func plain(visible string) string {
	words := strings.Fields(visible)
	for i, w := range words {
		if strings.IndexAny(w, "`*") < 0 {
			continue // most words: nothing to drop
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
		words[i] = w
	}
	out := strings.Join(words, " ")
	out = strings.ReplaceAll(out, " .", ".")
	return strings.ReplaceAll(out, " ,", ",")
}

// Highlights are the spans of the words of text that a term of q matches:
// every word of a phrase is marked, even one whose neighbours fall on
// another line.
func Highlights(text string, q *Query) []Span {
	var spans []Span
	var buf []byte
	for i := 0; ; {
		a, b := fold.NextWord(text, i)
		if a < 0 {
			return spans
		}
		i = b
		buf = fold.AppendWord(buf[:0], text[a:b])
		if termsHave(q.Terms, string(buf)) {
			spans = append(spans, Span{a, b})
		}
	}
}

func termsHave(terms []Term, token string) bool {
	for _, t := range terms {
		for i, w := range t.Words {
			if token == w || t.PrefixAt(i) && strings.HasPrefix(token, w) {
				return true
			}
		}
	}
	return false
}

// cut keeps about width runes of text, starting a little before the first
// span, with "…" where text was dropped.
func cut(text string, spans []Span, width int) (string, []Span) {
	start := 0
	if len(spans) > 0 {
		start = spans[0].Start
		for back := width / 4; back > 0 && start > 0; back-- {
			_, n := utf8.DecodeLastRuneInString(text[:start])
			start -= n
		}
		if sp := strings.IndexByte(text[start:spans[0].Start], ' '); sp >= 0 && start > 0 {
			start += sp + 1 // begin on a word
		}
	}
	end := start
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
