package render

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"tubenotes/model"
)

// MaxText is the most of a note's body rendered, in bytes; the rest is
// replaced by a line saying so. Rendering costs about 30 MB a MB of text
// (styled and plain lines, items, the reader's find index), and glamour's
// own work grows faster than its input, so the whole of a 64 MB note
// (the loader's limit) would take minutes and gigabytes: 2 MB holds every
// real note (the largest known is 1 MB) and renders in about a second.
const MaxText = 2 << 20

// pieceSize is how much markdown glamour is given at once: pieces are cut
// before a heading, so that a long note costs time in proportion to its
// length and glamour's working memory stays that of one piece.
const pieceSize = 64 << 10

// textEnd is where n's rendering stops: the end of its text, or a line's
// start at most limit bytes into its body (at a blank line when one is
// near), so that no line, span or item is cut.
func textEnd(n *model.Note, limit int) int {
	lo := bodyOffset(n)
	if len(n.Text)-lo <= limit {
		return len(n.Text)
	}
	part := n.Text[lo : lo+limit]
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

// pieces cuts md before headings into parts of at least size bytes (the
// last may be smaller), never inside fenced code. Where no heading comes
// for four times size, a paragraph after a blank line starts the next.
func pieces(md string, size int) []string {
	var out []string
	start, fenced, blank := 0, false, false
	for lo := 0; lo < len(md); {
		hi := strings.IndexByte(md[lo:], '\n') + lo + 1
		if hi == lo {
			hi = len(md)
		}
		line := md[lo:hi]
		if isFence(line) {
			fenced = !fenced
		}
		if !fenced && lo-start >= size && (isATXHeading(line) || blank && lo-start >= 4*size && startsParagraph(line)) {
			out = append(out, md[start:lo])
			start = lo
		}
		blank = strings.TrimSpace(line) == ""
		lo = hi
	}
	return append(out, md[start:])
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

func isFence(line string) bool {
	t := strings.TrimLeft(line, " ")
	return len(line)-len(t) < 4 && (strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"))
}

func isATXHeading(line string) bool {
	t := strings.TrimLeft(line, "#")
	return len(t) < len(line) && len(line)-len(t) <= 6 && (t == "" || t[0] == ' ' || t[0] == '\t' || t[0] == '\n')
}

// startsParagraph reports whether line, after a blank one, can only start
// a paragraph: it begins with a letter, not a list, quote or indent.
func startsParagraph(line string) bool {
	c := line[0]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
