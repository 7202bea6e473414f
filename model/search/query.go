package search

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Query is a parsed search. A note matches when it contains every term,
// none of the exclusions, and passes the channel and title filters.
//
// Syntax, words separated by spaces:
//
//	word          a word; matches words that begin with it (three letters or more)
//	"a phrase"    words in this order, next to each other, also across line breaks
//	-word -"a b"  notes containing it are left out
//	channel:name  only notes whose channel contains name (several: any of them)
//	title:word    only notes whose title has the word (several: all of them)
//	-channel:x -title:x   the opposite
//
// Matching ignores case and accents. A word written with punctuation inside
// ("p-adic", "10:30") is a phrase of its parts.
type Query struct {
	Terms       []Term
	Excludes    []Term
	Channels    []string // folded, compact; a note's channel contains one
	NotChannels []string
	Titles      []Term // every one must match the title
	NotTitles   []Term
}

// Term is a word or a phrase of folded words.
type Term struct {
	Words []string
	// Prefix lets each word of minPrefix runes or more also match the
	// start of a longer word (see PrefixAt), so results come as you type
	// and "attention mechanism" finds "attention mechanisms". Set for
	// unquoted words and for quoted phrases of two words or more; not for
	// a quoted single word (the way to ask for that word alone) nor for
	// exclusions.
	Prefix bool
}

// PrefixAt reports whether word i of the term also matches the longer
// words it begins. Shorter words would match a large part of the
// vocabulary.
func (t Term) PrefixAt(i int) bool {
	return t.Prefix && utf8.RuneCountInString(t.Words[i]) >= minPrefix
}

// minPrefix is the shortest word that also matches longer words it begins.
const minPrefix = 3

// The most a query holds, so that no query (a pasted page, say) can make a
// search take long or much memory: MaxTerms words, phrases and filters,
// and MaxWords words in all.
const (
	MaxTerms = 24
	MaxWords = 256
)

// ParseError is a query that can't be read, with the byte offset of the
// fault.
type ParseError struct {
	Offset int
	Msg    string
}

func (e *ParseError) Error() string { return e.Msg }

// Empty reports whether the query asks for nothing.
func (q *Query) Empty() bool {
	return len(q.Terms) == 0 && len(q.Excludes) == 0 && len(q.Channels) == 0 &&
		len(q.NotChannels) == 0 && len(q.Titles) == 0 && len(q.NotTitles) == 0
}

// Parse reads a query. Its errors are one line, fit to show a user.
func Parse(s string) (*Query, error) {
	q := &Query{}
	terms, allWords := 0, 0
	for i := 0; ; {
		for i < len(s) && isSpace(s, i) {
			i += spaceLen(s, i)
		}
		if i >= len(s) {
			return q, nil
		}
		start := i
		negate := false
		if s[i] == '-' {
			negate = true
			i++
		}
		field := ""
		for _, f := range []string{"channel:", "title:"} {
			if len(s)-i >= len(f) && strings.EqualFold(s[i:i+len(f)], f) {
				field = f[:len(f)-1]
				i += len(f)
				break
			}
		}
		var value string
		quoted := false
		if i < len(s) && s[i] == '"' {
			end := strings.IndexByte(s[i+1:], '"')
			if end < 0 {
				return nil, &ParseError{Offset: i, Msg: fmt.Sprintf("unclosed quote at character %d: add a closing \"", utf8.RuneCountInString(s[:i])+1)}
			}
			value, quoted = s[i+1:i+1+end], true
			i += end + 2
		} else {
			j := i
			for j < len(s) && !isSpace(s, j) && s[j] != '"' {
				j++
			}
			value = s[i:j]
			i = j
		}
		words := Tokens(value)
		if field != "" && len(words) == 0 {
			return nil, &ParseError{Offset: start, Msg: field + ": needs a value, as in " + field + ":word"}
		}
		if len(words) == 0 {
			continue // punctuation alone, or a lone "-"
		}
		terms++
		allWords += len(words)
		switch {
		case terms > MaxTerms:
			return nil, &ParseError{Offset: start, Msg: fmt.Sprintf("too many terms at character %d: a query holds at most %d words, phrases and filters", utf8.RuneCountInString(s[:start])+1, MaxTerms)}
		case allWords > MaxWords:
			return nil, &ParseError{Offset: start, Msg: fmt.Sprintf("too many words at character %d: a query holds at most %d words", utf8.RuneCountInString(s[:start])+1, MaxWords)}
		}
		t := Term{Words: words, Prefix: !negate && (!quoted || len(words) > 1) && slices.ContainsFunc(words, isLong)}
		switch {
		case field == "channel" && negate:
			q.NotChannels = append(q.NotChannels, strings.Join(words, ""))
		case field == "channel":
			q.Channels = append(q.Channels, strings.Join(words, ""))
		case field == "title" && negate:
			q.NotTitles = append(q.NotTitles, t)
		case field == "title":
			q.Titles = append(q.Titles, t)
		case negate:
			q.Excludes = append(q.Excludes, t)
		default:
			q.Terms = append(q.Terms, t)
		}
	}
}

func isLong(w string) bool { return utf8.RuneCountInString(w) >= minPrefix }

func isSpace(s string, i int) bool {
	if s[i] < utf8.RuneSelf {
		return s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r)
}

func spaceLen(s string, i int) int {
	_, n := utf8.DecodeRuneInString(s[i:])
	return n
}

// String writes the query back in its own syntax.
func (q *Query) String() string {
	var parts []string
	for _, t := range q.Terms {
		parts = append(parts, t.String())
	}
	for _, t := range q.Excludes {
		parts = append(parts, "-"+t.String())
	}
	for _, c := range q.Channels {
		parts = append(parts, "channel:"+c)
	}
	for _, c := range q.NotChannels {
		parts = append(parts, "-channel:"+c)
	}
	for _, t := range q.Titles {
		parts = append(parts, "title:"+t.String())
	}
	for _, t := range q.NotTitles {
		parts = append(parts, "-title:"+t.String())
	}
	return strings.Join(parts, " ")
}

func (t Term) String() string {
	s := strings.Join(t.Words, " ")
	if len(t.Words) > 1 || !t.Prefix {
		return `"` + s + `"`
	}
	return s
}
