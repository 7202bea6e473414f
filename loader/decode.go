package loader

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// hugeLine is the length from which a line is reported: the UI and the
// renderer slow down on such lines, and they are almost always pasted tables.
const hugeLine = 100_000

var bom = []byte("\uFEFF")

// decode turns the bytes of a file into the text a note keeps: BOM dropped,
// CRLF and CR made LF, invalid UTF-8 replaced. It owns buf: line ends are
// fixed in place and the text is buf itself, not a copy, unless bytes had
// to be replaced. ok is false for a binary file, which is skipped.
func decode(buf []byte) (text string, problems []string, ok bool) {
	if len(buf) == 0 {
		return "", []string{"empty file"}, true
	}
	if bytes.IndexByte(buf, 0) >= 0 {
		return "", []string{"binary file (NUL byte): skipped"}, false
	}
	buf = bytes.TrimPrefix(buf, bom)
	if bytes.IndexByte(buf, '\r') >= 0 {
		buf = dropCR(buf)
	}
	if !utf8.Valid(buf) {
		return strings.ToValidUTF8(unsafe.String(unsafe.SliceData(buf), len(buf)), "\uFFFD"), []string{"invalid UTF-8 replaced with U+FFFD"}, true
	}
	// buf is never written again, so the text can share its bytes.
	return unsafe.String(unsafe.SliceData(buf), len(buf)), nil, true
}

// dropCR turns every CRLF of buf, and every CR alone, into LF, in place:
// a CR alone ends a line in CommonMark, and some editors end every line
// with one (a note of them was one line: its title the whole text).
func dropCR(buf []byte) []byte {
	out := buf[:0]
	for {
		i := bytes.IndexByte(buf, '\r')
		if i < 0 {
			return append(out, buf...)
		}
		out = append(append(out, buf[:i]...), '\n')
		buf = buf[i+1:]
		if len(buf) > 0 && buf[0] == '\n' {
			buf = buf[1:]
		}
	}
}

// hugeLineProblem is the message for line n of size bytes.
func hugeLineProblem(n, size int) string {
	return "line " + strconv.Itoa(n) + " is " + strconv.Itoa(size/1000) + " KB long"
}
