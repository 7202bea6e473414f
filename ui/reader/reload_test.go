package reader

import (
	"strings"
	"testing"
)

// TestEditLine: the line an editor opens at is the source line of the top
// line shown, of the selected badge, or of the current find match.
func TestEditLine(t *testing.T) {
	v, n := seedNote(t)
	m := open(t, Options{Style: "notty"}, v, n, 70, 12)
	if got := m.EditLine(); got != 1 {
		t.Errorf("at the top: line %d, want 1", got)
	}
	src := strings.Split(n.Text(), "\n")
	checked := 0
	for _, y := range []int{10, 25, 40} {
		m.yOffset = y
		top := strings.Fields(strings.Split(plainView(m), "\n")[0])
		line := m.EditLine()
		if len(top) == 0 {
			continue
		}
		checked++
		if line < 1 || line > len(src) || !strings.Contains(src[line-1], strings.Trim(top[len(top)-1], ".,;:")) {
			t.Errorf("offset %d shows %q; the editor would open line %d: %q", y, top, line, src[max(min(line, len(src)), 1)-1])
		}
	}
	if checked == 0 {
		t.Fatal("no line checked")
	}
	m.GotoTop()
	m.NextTimestamp()
	m.NextTimestamp()
	if ts := n.Timestamps[m.Selection().Index]; m.EditLine() != int(ts.Line) {
		t.Errorf("selected badge on line %d, editor line %d", ts.Line, m.EditLine())
	}
}
