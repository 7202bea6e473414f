// Package safe makes untrusted strings (anything read from a note or a file
// name) harmless for a terminal: no escape sequences, no control characters,
// no bidi overrides, and no HTML entity that a markdown renderer would decode
// into one of those.
package safe

import (
	"strings"
	"unicode/utf8"
)

// Text returns s without escape sequences (CSI, OSC, DCS, SOS, PM, APC and
// two-byte ESC sequences, each removed whole), C0 controls other than tab and
// newline, DEL, C1 controls, Unicode bidi controls, and HTML numeric or named
// entities that decode to any of them. Invalid UTF-8 bytes become U+FFFD. A
// zero width joiner after an emoji is dropped (see zwj).
// Strings that need no change are returned as they are, without allocating.
func Text(s string) string {
	if clean(s) {
		return s
	}
	c := cleaner{out: make([]byte, 0, len(s))}
	c.run(s)
	return string(c.out)
}

// Line is Text for single-line UI strings: newlines and tabs become spaces.
func Line(s string) string {
	s = Text(s)
	if strings.IndexByte(s, '\n') < 0 && strings.IndexByte(s, '\t') < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

// IsUnsafe reports whether r is a character Text removes.
func IsUnsafe(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\t' && r != '\n'
	case r < 0x7f:
		return false
	case r <= 0x9f:
		return true // DEL and C1
	}
	return isBidi(r)
}

func isBidi(r rune) bool {
	return r == 0x061c || r == 0x200e || r == 0x200f ||
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// clean is the fast path: true when s has nothing Text would change.
func clean(s string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '&':
			return false
		case c < 0x20:
			if c != '\t' && c != '\n' {
				return false
			}
		case c == 0x7f:
			return false
		case c >= 0x80:
			ascii = false
			// C1 (C2 80–9F), U+061C (D8 9C), U+200E/F, U+202A–E (E2 80 xx),
			// U+2066–9 (E2 81 A6–A9).
			switch c {
			case 0xc2:
				if i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f {
					return false
				}
			case 0xd8:
				if i+1 < len(s) && s[i+1] == 0x9c {
					return false
				}
			case 0xe2:
				if i+2 < len(s) && (s[i+1] == 0x80 || s[i+1] == 0x81) {
					if r, _ := utf8.DecodeRuneInString(s[i:]); isBidi(r) || r == zwj {
						return false
					}
				}
			}
		}
	}
	return ascii || utf8.ValidString(s)
}

// cleaner writes the cleaned text to out. Entities are checked against what
// has already been written (not the input), so that removing one thing can
// never assemble a dangerous entity from the pieces around it.
type cleaner struct {
	out []byte
	ent entity
	// saved holds, for every '&' in out, the entity state it closed: the
	// state to return to if that '&' is cut away with a dangerous entity.
	saved []entity
}

// entity is the state of the HTML character reference that may be under
// construction at the end of out, starting at amp.
type entity struct {
	state  entState
	amp    int
	value  rune // numeric references, saturated above utf8.MaxRune
	digits int
}

type entState int

const (
	entNone  entState = iota
	entAmp            // "&"
	entHash           // "&#"
	entX              // "&#x"
	entDec            // "&#12"
	entHex            // "&#x1b"
	entNamed          // "&lr"
)

const maxNameLen = 32

func (c *cleaner) run(s string) {
	for i := 0; i < len(s); {
		b := s[i]
		switch {
		case b == 0x1b:
			i = skipEscape(s, i+1)
		case b < 0x20 && b != '\t' && b != '\n', b == 0x7f:
			i++
		case b < 0x80 && b != '&' && c.ent.state == entNone:
			j := i + 1 // copy a run of plain ASCII at once
			for j < len(s) && s[j] >= 0x20 && s[j] < 0x7f && s[j] != '&' || j < len(s) && (s[j] == '\t' || s[j] == '\n') {
				j++
			}
			c.out = append(c.out, s[i:j]...)
			i = j
		case b < 0x80:
			c.writeASCII(b)
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				c.writeRune("\uFFFD")
				i++
			case r == 0x9b: // C1 CSI
				i = skipCSI(s, i+size)
			case r == 0x90 || r == 0x98 || r == 0x9d || r == 0x9e || r == 0x9f: // C1 DCS, SOS, OSC, PM, APC
				i = skipString(s, i+size)
			case r >= 0x80 && r <= 0x9f, isBidi(r):
				i += size
			case r == zwj && endsInEmoji(c.out):
				i += size
			default:
				c.writeRune(s[i : i+size])
				i += size
			}
		}
	}
	c.cut(-1)
}

// zwj, the zero width joiner, glues emoji into one picture (👨‍👩‍👧) that
// width functions count as 2 cells, while many terminals (tmux among them)
// draw each emoji: 6 cells, which pushes every border after it. After an
// emoji it is dropped, so the emoji stand side by side and every width
// agrees; elsewhere (Indic scripts) it is kept.
const zwj = 0x200d

// endsInEmoji reports whether out ends in an emoji, a skin tone or an emoji
// variation selector.
func endsInEmoji(out []byte) bool {
	r, _ := utf8.DecodeLastRune(out)
	return r >= 0x1f000 && r <= 0x1faff || r >= 0x2600 && r <= 0x27bf || r == 0xfe0f
}

func (c *cleaner) writeRune(r string) {
	c.cut(-1)
	c.ent.state = entNone
	c.out = append(c.out, r...)
}

func (c *cleaner) writeASCII(b byte) {
	if c.cut(int(b)) {
		return // the ';' ended a removed entity
	}
	if b == '&' {
		c.saved = append(c.saved, c.ent)
		c.out = append(c.out, b)
		c.ent = entity{state: entAmp, amp: len(c.out) - 1}
		return
	}
	c.out = append(c.out, b)
	if c.ent.state != entNone && c.ent.continues(b) {
		c.ent.advance(b)
	} else {
		c.ent.state = entNone
	}
}

// cut handles the end of the open entity by terminator b (-1 for the end of
// the text or a non-ASCII character): a dangerous entity is cut from out,
// which reopens the entity the removed '&' had closed; b may end that one in
// turn. It reports whether b, a ';', belonged to a removed entity.
func (c *cleaner) cut(b int) bool {
	for c.ent.state != entNone && (b < 0 || !c.ent.continues(byte(b))) {
		if !c.ent.dangerous(c.out, b) {
			return false
		}
		c.out = c.out[:c.ent.amp]
		c.ent = c.saved[len(c.saved)-1]
		c.saved = c.saved[:len(c.saved)-1]
		if b == ';' {
			return true
		}
	}
	return false
}

func (e *entity) continues(b byte) bool {
	switch e.state {
	case entAmp:
		return b == '#' || isAlpha(b)
	case entHash:
		return b == 'x' || b == 'X' || isDigit(b)
	case entX, entHex:
		return isHex(b)
	case entDec:
		return isDigit(b)
	case entNamed:
		return (isAlpha(b) || isDigit(b)) && e.digits < maxNameLen
	}
	return false
}

// advance adds b, which continues the entity.
func (e *entity) advance(b byte) {
	switch e.state {
	case entAmp:
		if b == '#' {
			e.state = entHash
		} else {
			e.state, e.digits = entNamed, 1
		}
	case entHash:
		if b == 'x' || b == 'X' {
			e.state = entX
		} else {
			e.state = entDec
			e.addDigit(10, b)
		}
	case entX:
		e.state = entHex
		e.addDigit(16, b)
	case entDec:
		e.addDigit(10, b)
	case entHex:
		e.addDigit(16, b)
	case entNamed:
		e.digits++
	}
}

func (e *entity) addDigit(base rune, b byte) {
	var d rune
	switch {
	case isDigit(b):
		d = rune(b - '0')
	case b >= 'a':
		d = rune(b-'a') + 10
	default:
		d = rune(b-'A') + 10
	}
	e.value = e.value*base + d
	if e.value > utf8.MaxRune {
		e.value = utf8.MaxRune + 1
	}
	e.digits++
}

// dangerous reports whether out from amp, ended by term, is an entity that
// decodes to a character Text removes.
func (e *entity) dangerous(out []byte, term int) bool {
	switch e.state {
	case entDec, entHex: // decoded with or without ';' by HTML parsers
		// Values past U+10FFFF are invalid anyway, and some decoders
		// (Go's html) let them wrap around into the C0 range.
		return IsUnsafe(e.value) || e.value > utf8.MaxRune
	case entNamed:
		if term == ';' {
			name := string(out[e.amp+1:])
			return name == "lrm" || name == "rlm"
		}
	}
	return false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }
func isAlpha(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }
func isHex(b byte) bool   { return isDigit(b) || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F' }

// skipEscape returns the index after the escape sequence whose ESC precedes
// s[i].
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']', 'P', 'X', '^', '_':
		return skipString(s, i+1)
	}
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f { // intermediates
		i++
	}
	if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e { // final
		i++
	}
	return i
}

// skipCSI skips parameter, intermediate and final bytes of a CSI sequence.
func skipCSI(s string, i int) int {
	for i < len(s) && s[i] >= 0x30 && s[i] <= 0x3f {
		i++
	}
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipString skips the body of an OSC, DCS, SOS, PM or APC string up to and
// including its terminator (BEL, ESC \ or ST). It stops before a newline or
// another ESC so a missing terminator cannot swallow the rest of a note.
func skipString(s string, i int) int {
	for i < len(s) {
		switch s[i] {
		case 0x07:
			return i + 1
		case '\n':
			return i
		case 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i
		case 0xc2:
			if i+1 < len(s) && s[i+1] == 0x9c {
				return i + 2
			}
		}
		i++
	}
	return i
}
