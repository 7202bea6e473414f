package render

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"tubenotes/model"
)

// MaxText is the most of a note's body rendered, in bytes, and MaxStyled
// the most of styled lines made of it; past either the rest is left out,
// with a line saying so. Rendering costs about 30 MB a MB of text (styled
// and plain lines, items, the reader's find index), and glamour's work
// grows with what it writes (a list of one-letter items writes 1.4 KB an
// item) and faster than its input on one long block, so the whole of a
// 64 MB note (the loader's limit) took minutes and gigabytes. 1 MB holds
// every real note (the largest known is 0.94 MB: 11 MB styled at 100
// cells) and renders in under a second.
const (
	MaxText   = 1 << 20
	MaxStyled = 16 << 20
)

// pieceSize is about how much markdown glamour is given at once (see
// pieces), so that a long note costs time in proportion to its length,
// glamour's working memory stays that of one piece, and rendering stops
// soon after MaxStyled.
const pieceSize = 16 << 10

// textEnd is where n's rendering stops: the end of its text, or a line's
// start at most limit bytes into its body (at a blank line when one is
// near), so that no line, span or item is cut.
func textEnd(n *model.Note, limit int) int {
	lo := bodyOffset(n)
	if len(n.Text())-lo <= limit {
		return len(n.Text())
	}
	part := n.Text()[lo : lo+limit]
	if i := strings.LastIndex(part, "\n\n"); i >= limit-limit/8 {
		return lo + i + 1
	}
	if i := strings.LastIndexByte(part, '\n'); i >= 0 {
		return lo + i + 1
	}
	return lo // one line longer than the limit: none of it
}

// truncatedLine says how much of the note was left out.
func truncatedLine(shown, total int) string {
	return fmt.Sprintf("  ⋯ note truncated at %s of %s: the rest is not shown (open the file to read it)", megabytes(shown), megabytes(total))
}

func megabytes(n int) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }

// pieces cuts md of more than four times size bytes into parts of at
// least size bytes (the last may be smaller), before a heading or after a
// blank line; where neither comes for twice size, at any line but a
// table's: a list or paragraph that long is cut in two (a table never is:
// its rows would lose their header). Fenced code is cut every size bytes, each part closed and
// the next opened again. Glamour's cost on one block grows faster than its
// length (code blocks' with its square). Where pieces meet, the blank
// lines between two blocks may be one more or one less than glamour puts
// (so smaller notes stay whole).
func pieces(md string, size int) []string {
	if len(md) <= 4*size {
		return []string{md}
	}
	var out []string
	start, blank := 0, false
	var fence, opener string // the open fence's marker and line, "" outside
	fenceAt := 0             // where the open fence's code, or its last part, starts
	reopen := ""             // the opener the current piece starts with
	for lo := 0; lo < len(md); {
		hi := strings.IndexByte(md[lo:], '\n') + lo + 1
		if hi == lo {
			hi = len(md)
		}
		line := md[lo:hi]
		long := lo-start >= size
		switch {
		case fence != "" && closesFence(line, fence):
			fence, opener = "", ""
		case fence != "" && lo-fenceAt >= size:
			out = append(out, reopen+md[start:lo]+fence+"\n")
			start, reopen, fenceAt = lo, opener, lo
		case fence != "":
		case long && (isATXHeading(line) || blank && startsBlock(line) || lo-start >= 2*size && line[0] != '|'):
			out = append(out, reopen+md[start:lo])
			start, reopen = lo, ""
			fallthrough
		default:
			if f := fenceMarker(line); f != "" {
				fence, opener, fenceAt = f, line, hi
			}
		}
		blank = strings.TrimSpace(line) == ""
		lo = hi
	}
	return append(out, reopen+md[start:])
}

// fenceMarker is the run of ` or ~ (three or more) that opens fenced code
// on line, "" when it opens none.
func fenceMarker(line string) string {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || len(t) < 3 || t[0] != '`' && t[0] != '~' {
		return ""
	}
	n := len(t) - len(strings.TrimLeft(t, t[:1]))
	if n < 3 || t[0] == '`' && strings.Contains(t[n:], "`") {
		return ""
	}
	return t[:n]
}

// closesFence reports whether line closes code opened by marker fence.
func closesFence(line, fence string) bool {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || !strings.HasPrefix(t, fence) {
		return false
	}
	return strings.TrimSpace(strings.TrimLeft(t, fence[:1])) == ""
}

// pieceLines are the lines of glamour's output for one piece. Each starts
// with an empty line: the first piece's is the top margin, the others'
// separate the pieces as glamour separates blocks, so the blank lines a
// piece ends with (a code block's margin) go unless it is the last.
func pieceLines(out string, last bool) []string {
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	for !last && len(lines) > 1 && strings.TrimSpace(ansi.Strip(lines[len(lines)-1])) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// startsBlock reports whether line, after a blank one, starts a block of
// its own: not indented (a list item's next paragraph, code), not a table
// row (glamour joins a table across blank lines), nor an ordered list's
// item (a piece would number it from 1).
func startsBlock(line string) bool {
	c := line[0]
	return c != ' ' && c != '\t' && c != '|' && (c < '0' || c > '9')
}

func isATXHeading(line string) bool {
	t := strings.TrimLeft(line, "#")
	return len(t) < len(line) && len(line)-len(t) <= 6 && (t == "" || t[0] == ' ' || t[0] == '\t' || t[0] == '\n')
}
