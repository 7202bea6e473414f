package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// newJSONEncoder is a JSON encoder for a command's output: strings exact,
// HTML characters left alone, and the characters a terminal would act on
// that JSON lets through raw (C1 controls, bidi controls, line and paragraph
// separators) written as \u escapes, so output paged in a terminal is
// safe while decoding gives the same strings.
func newJSONEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(escapingWriter{w})
	enc.SetEscapeHTML(false)
	return enc
}

// escapingWriter escapes the runes terminalRune reports in what the encoder
// writes. Those never occur outside JSON strings, and the encoder writes a
// whole value a call, so no rune is split between calls.
type escapingWriter struct{ w io.Writer }

func (e escapingWriter) Write(p []byte) (int, error) {
	if !strings.ContainsFunc(string(p), terminalRune) {
		return e.w.Write(p)
	}
	var b strings.Builder
	for s := string(p); s != ""; {
		r, size := utf8.DecodeRuneInString(s)
		if terminalRune(r) && size > 1 {
			fmt.Fprintf(&b, `\u%04x`, r)
		} else {
			b.WriteString(s[:size])
		}
		s = s[size:]
	}
	if _, err := io.WriteString(e.w, b.String()); err != nil {
		return 0, err
	}
	return len(p), nil
}

// terminalRune reports the runes above ASCII that change what a terminal
// shows: C1 controls, bidi marks and controls, line and paragraph
// separators.
func terminalRune(r rune) bool {
	return r >= 0x80 && r <= 0x9f || r == 0x61c || r == 0x200e || r == 0x200f ||
		r >= 0x2028 && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}
