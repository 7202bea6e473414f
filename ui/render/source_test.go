package render

import (
	"strings"
	"testing"
)

// SourceOfLine undoes LineOfSource: a place kept as a source line comes
// back at the same rendered line at the same width, and near it at
// another.
func TestSourceOfLineInvertsLineOfSource(t *testing.T) {
	v, n := seedNote(t)
	for _, width := range []int{40, 80, 120} {
		d := notty(v, n, width)
		checked := 0
		for _, it := range d.Items {
			if !it.Found || d.LineOfSource(it.SrcLine) != it.Start.Line {
				continue // two items of one source line: the first one's line is kept
			}
			if got := d.SourceOfLine(it.Start.Line); got != it.SrcLine {
				t.Errorf("width %d: SourceOfLine(%d) = %d, want %d", width, it.Start.Line, got, it.SrcLine)
			}
			checked++
		}
		if checked < 5 {
			t.Fatalf("width %d: only %d items to check", width, checked)
		}
		for l := range d.Lines {
			src := d.SourceOfLine(l)
			if src < 1 || src > strings.Count(n.Text, "\n")+1 {
				t.Errorf("width %d: SourceOfLine(%d) = %d, out of the note", width, l, src)
			}
		}
	}
}
