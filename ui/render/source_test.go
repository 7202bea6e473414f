package render

import "testing"

// SourceOfLine undoes LineOfSource at every item, and never goes back
// up the note as the rendered lines go down.
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
			if src < 1 || l > 0 && src < d.SourceOfLine(l-1) {
				t.Errorf("width %d: SourceOfLine(%d) = %d, before the note or before line %d's", width, l, src, l-1)
			}
		}
	}
}
