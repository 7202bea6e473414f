package searchview

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"tubenotes/ui/common"
)

// TestIntroFitsEightyColumns: before a query, the line under the prompt
// says what the view does, whole at 80 columns with the default keys.
func TestIntroFitsEightyColumns(t *testing.T) {
	m := New(common.New(true))
	intro := ansi.Strip(m.header())
	if !strings.HasPrefix(intro, "type to search every note") || strings.Contains(intro, "…") {
		t.Fatalf("intro %q", intro)
	}
	if w := ansi.StringWidth(intro); w > 79 { // the view keeps a column's margin
		t.Errorf("intro is %d columns: %q", w, intro)
	}
}
