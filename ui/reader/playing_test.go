package reader

import (
	"strings"
	"testing"
)

func TestPlayingBadgeRevealedAndMarked(t *testing.T) {
	v, n := seedNote(t)
	m := New(Options{Style: "notty"})
	m.SetSize(80, 8)
	openCmd := m.Open(v, n, 0)
	last := len(n.Timestamps) - 1
	if m.RevealTimestamp(last) {
		t.Fatal("RevealTimestamp reported success while the note renders")
	}
	m = settle(t, m, openCmd)
	if !m.RevealTimestamp(last) {
		t.Fatalf("RevealTimestamp(%d) failed on a rendered note", last)
	}
	unmarked := m.View()
	m.SetPlaying(last)
	it, _ := m.timestampItem(last)
	if it.Start.Line < m.YOffset() || it.End.Line >= m.YOffset()+8 {
		t.Fatalf("playing badge at line %d not in view (top %d)", it.Start.Line, m.YOffset())
	}
	if marked := m.View(); marked == unmarked || !strings.Contains(marked, "\x1b[1;4;4m▶") {
		t.Errorf("playing badge not marked bold and underlined:\n%q", marked)
	}
	top := m.YOffset()
	if !m.RevealTimestamp(last) || m.YOffset() != top {
		t.Errorf("revealing a badge in view scrolled from %d to %d", top, m.YOffset())
	}
	if m.RevealTimestamp(-1) || m.RevealTimestamp(len(n.Timestamps)) {
		t.Error("RevealTimestamp of no timestamp reported success")
	}
	m.SetPlaying(-1)
	if m.View() != unmarked {
		t.Error("mark kept after SetPlaying(-1)")
	}
	mid, _ := m.timestampItem(3)
	m.yOffset = mid.Start.Line - 7 // on the last line: what follows it is out of sight
	if !m.RevealTimestamp(3) || m.YOffset() != mid.Start.Line-8/3 {
		t.Errorf("a badge on the last line left at top %d, want %d (a third down)", m.YOffset(), mid.Start.Line-8/3)
	}
	m.SetPlaying(0)
	m.Open(v, n, 0)
	if m.Playing() != -1 {
		t.Error("Open kept the playing mark of the previous note")
	}
}
