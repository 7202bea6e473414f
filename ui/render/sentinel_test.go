package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestSentinelRoundTrip(t *testing.T) {
	var b strings.Builder
	ids := []int{0, 1, 63, 64, 4095, 4096, 1 << 20}
	for _, id := range ids {
		b.WriteString("x")
		appendMarker(&b, id, true)
		b.WriteString("é")
		appendMarker(&b, id, false)
	}
	plain, ms := scanMarkers(b.String())
	if plain != strings.Repeat("xé", len(ids)) {
		t.Errorf("plain = %q", plain)
	}
	if len(ms) != 2*len(ids) {
		t.Fatalf("%d markers", len(ms))
	}
	for i, id := range ids {
		if ms[2*i].id != id || !ms[2*i].open || ms[2*i+1].id != id || ms[2*i+1].open {
			t.Errorf("marker %d = %+v %+v", id, ms[2*i], ms[2*i+1])
		}
		if ms[2*i].off != 3*i+1 {
			t.Errorf("marker %d at %d", id, ms[2*i].off)
		}
	}
	if ansi.StringWidth(b.String()) != 2*len(ids) {
		t.Error("sentinels take cells")
	}
}
