package query

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"tubenotes/ui/common"
)

func typeIn(m Model, s string) Model {
	for _, r := range s {
		m, _, _ = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return m
}

func TestStartEmptiesAndUpRecalls(t *testing.T) {
	m := New(common.New(true), "/", "")
	m.Start()
	if m.CanRecall() {
		t.Error("nothing to recall yet")
	}
	m = typeIn(m, "gpu")
	m.Start()
	if m.Value() != "" || !m.CanRecall() {
		t.Fatalf("Start kept %q (recall %v)", m.Value(), m.CanRecall())
	}
	m, _, changed := m.Update(tea.KeyPressMsg{Code: tea.KeyUp})
	if !changed || m.Value() != "gpu" || m.CanRecall() {
		t.Errorf("↑ gave %q (changed %v)", m.Value(), changed)
	}
	m = typeIn(m, "s")
	if m.Value() != "gpus" {
		t.Errorf("typing after the recall: %q, want the cursor at the end", m.Value())
	}
	m.Clear()
	if m.Value() != "" || !m.CanRecall() {
		t.Errorf("Clear: %q, recall %v", m.Value(), m.CanRecall())
	}
}

func TestPasteAndTypedTextAreCleaned(t *testing.T) {
	m := New(common.New(true), "/", "")
	m.Focus()
	m, _, changed := m.Update(tea.PasteMsg{Content: "a\u202eb\x1b[31mc\nd\x1b]0;x\x07"})
	if !changed || m.Value() != "abc d" {
		t.Errorf("paste gave %q", m.Value())
	}
	m, _, changed = m.Update(tea.KeyPressMsg{Code: 0x202e, Text: "\u202e"})
	if changed || m.Value() != "abc d" {
		t.Errorf("a typed U+202E changed the query to %q", m.Value())
	}
	m.SetValue("")
	m, _, _ = m.Update(tea.PasteMsg{Content: "interest\rrates\r\nnow"}) // line breaks as terminals paste them
	if m.Value() != "interest rates now" {
		t.Errorf("a pasted CR glued words: %q", m.Value())
	}
	m.SetValue("x\x1b[2Jy")
	if m.Value() != "xy" {
		t.Errorf("SetValue kept %q", m.Value())
	}
}

// TestViewReadsTheStylesWhenDrawn: the background is detected after the
// input is made; the next frame must be drawn in the new colours.
func TestViewReadsTheStylesWhenDrawn(t *testing.T) {
	c := common.New(false)
	m := New(c, "Search: ", "")
	m.Focus()
	m = typeIn(m, "gpu")
	dark := m.View()
	c.Styles = common.NewStyles(false, false)
	if light := m.View(); light == dark {
		t.Errorf("the view kept its colours after the styles changed: %q", light)
	}
}
