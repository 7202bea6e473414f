package loader

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// hugeLine is the length from which a line is reported: the UI and the
// renderer slow down on such lines, and they are almost always pasted tables.
const hugeLine = 100_000

// decode turns the bytes of a file (already a string, not copied) into the
// text a note keeps: BOM dropped, CRLF made LF, invalid UTF-8 replaced. ok is
// false for a binary file, which is skipped.
func decode(raw string) (text string, problems []string, ok bool) {
	if len(raw) == 0 {
		return "", []string{"empty file"}, true
	}
	if strings.IndexByte(raw, 0) >= 0 {
		return "", []string{"binary file (NUL byte): skipped"}, false
	}
	text = strings.TrimPrefix(raw, "\uFEFF")
	if strings.Contains(text, "\r\n") {
		text = strings.ReplaceAll(text, "\r\n", "\n")
	}
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
		problems = append(problems, "invalid UTF-8 replaced with U+FFFD")
	}
	return text, problems, true
}

// hugeLineProblem is the message for line n of size bytes.
func hugeLineProblem(n, size int) string {
	return "line " + strconv.Itoa(n) + " is " + strconv.Itoa(size/1000) + " KB long"
}
