package notes

import (
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestFoldsRoundTripByName(t *testing.T) {
	m := newPane(t, demoVault(t), 60, 30)
	if got := m.Folds(); got == nil || len(got) != 0 {
		t.Fatalf("nothing folded: Folds() = %#v, want an empty list (not nil, which means never saved)", got)
	}
	m = press(m, "j", "enter") // fold 3blue1brown
	want := []string{"3blue1brown"}
	if got := m.Folds(); !reflect.DeepEqual(got, want) {
		t.Fatalf("Folds() = %q, want %q", got, want)
	}

	// Another pane on the same vault (the next run) takes the folds by name.
	next := newPane(t, demoVault(t), 60, 30)
	next.SetFolds(append(want, "a channel gone since"))
	if view := ansi.Strip(next.View()); !strings.Contains(view, "▸ 3blue1brown") || strings.Contains(view, "Counting puzzle") {
		t.Fatalf("SetFolds did not fold 3blue1brown:\n%s", view)
	}
	if got := next.Folds(); !reflect.DeepEqual(got, want) {
		t.Fatalf("after SetFolds, Folds() = %q, want %q", got, want)
	}
	next.SetFolds(nil)
	if view := ansi.Strip(next.View()); !strings.Contains(view, "Counting puzzle") {
		t.Fatalf("SetFolds(nil) left a group folded:\n%s", view)
	}
}
