package notes

import (
	"strings"
	"testing"
	"testing/fstest"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tubenotes/loader/loadtest"
	"tubenotes/ui/common"
)

// crossVault: beta's note x was made from a video alpha's page lists; y and
// z share a video no page lists.
func crossVault() fstest.MapFS {
	return fstest.MapFS{
		"alpha/alpha.md": file("---\ntitle: alpha\n---\n### [Alpha talk](https://www.youtube.com/watch?v=AAAAAAAAAAA)\n- [[a1]]\n- [[x]]\n"),
		"alpha/a1.md":    file("---\ntitle: A one\nvideoId: AAAAAAAAAAA\n---\n"),
		"beta/x.md":      file("---\ntitle: X note\nvideoId: AAAAAAAAAAA\n---\n"),
		"beta/y.md":      file("---\ntitle: Y note\nvideoId: KkCXLABwHP0\n---\n"),
		"beta/z.md":      file("---\ntitle: Z note\nvideoId: KkCXLABwHP0\n---\n"),
	}
}

func viewLines(m Model) []string {
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return lines
}

func TestTreeFollowsTheModelsChannelAndNamesUnlistedVideos(t *testing.T) {
	m := newPane(t, mustLoad(t, crossVault()), 40, 12)
	want := []string{
		"Notes 5",
		" ▾ alpha                              2",
		"   alpha",
		"   ▾ Alpha talk                       1",
		"     A one",
		" ▾ beta                               3",
		"   ▾ Alpha talk                       1", // alpha's page lists it; it holds beta's note
		"     X note",
		"   ▾ Y note +1                        2", // no page lists it: named by its notes
		"     Y note",
		"     Z note",
	}
	got := viewLines(m)
	for i, w := range want {
		if got[i] != w {
			t.Errorf("line %d = %q, want %q", i, got[i], w)
		}
	}
}

func TestFoldKeys(t *testing.T) {
	m := newPane(t, mustLoad(t, crossVault()), 40, 12)
	m = press(m, "j", "j", "h") // on the video "Alpha talk": fold it
	if got := viewLines(m)[3]; !strings.HasPrefix(got, "   ▸ Alpha talk") || m.cur.Pos != 2 {
		t.Errorf("h on an open group: %q at row %d", got, m.cur.Pos)
	}
	m = press(m, "h") // folded already: to its channel
	if m.cur.Pos != 0 {
		t.Errorf("h on a folded group goes to its parent: row %d", m.cur.Pos)
	}
	m = press(m, "j", "j", "l", "l") // unfold, then into it
	if m.Selected() == nil || m.Selected().Title != "A one" {
		t.Errorf("l, l: selected %v", m.Selected())
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: 'l', Text: "l"}) // on a note: open it, keyboard stays
	if reqs := m.Take(); len(reqs) != 1 || reqs[0] != common.Action(common.OpenNote{Note: m.Selected()}) {
		t.Errorf("l on a note asked for %v", reqs)
	}
	m = press(m, "-")
	if got := viewLines(m); got[1] != " ▸ alpha                              2" || got[2] != " ▸ beta                               3" || m.cur.Pos != 0 {
		t.Errorf("- folds all, cursor on the note's channel (row %d):\n%s", m.cur.Pos, strings.Join(got, "\n"))
	}
	m = press(m, "=")
	if m.rows() != 10 || m.cur.Pos != 0 {
		t.Errorf("= unfolds all: %d rows, cursor %d", m.rows(), m.cur.Pos)
	}
	m = press(m, "}")
	if m.tree[m.visible[m.cur.Pos]].label != "beta" {
		t.Errorf("} went to %q", m.tree[m.visible[m.cur.Pos]].label)
	}
	m = press(m, "}") // no channel after beta: stays
	m = press(m, "{")
	if m.tree[m.visible[m.cur.Pos]].label != "alpha" {
		t.Errorf("{ went to %q", m.tree[m.visible[m.cur.Pos]].label)
	}
}

func TestTreeKeepsContextAndUnfoldingShowsChildren(t *testing.T) {
	m := newPane(t, mustLoad(t, loadtest.Generate(300, 1)), 50, 11) // 10 rows
	for range 7 {
		m = press(m, "j")
	}
	if m.cur.Offset != 1 {
		t.Errorf("row 7 of 10 keeps 3 below: offset %d", m.cur.Offset)
	}
	// go down to a folded video on the bottom context row, and unfold it
	for m.tree[m.visible[m.cur.Pos]].kind != videoRow || !m.folded[m.visible[m.cur.Pos]] {
		m = press(m, "j")
	}
	g := m.visible[m.cur.Pos]
	m = press(m, "l")
	last := m.rowOf(m.tree[g].end - 1)
	if n := m.tree[g].count; n > m.listHeight()-1-scrollContext {
		t.Fatalf("the generated video has %d notes: too many to show the rule", n)
	}
	if last >= m.cur.Offset+m.listHeight() || m.cur.Pos-m.cur.Offset < scrollContext {
		t.Errorf("unfolded at row %d (window %d+%d): its last row %d is not shown, or the context above is lost",
			m.cur.Pos, m.cur.Offset, m.listHeight(), last)
	}
}

func TestFilterShowsWhereEachMatchLives(t *testing.T) {
	m := newPane(t, demoVault(t), 60, 9)
	m = press(m, "/", "g", "p", "u", "s")
	got := viewLines(m)
	if got[1] != " Importance of GPUs for deep learning" ||
		!strings.HasPrefix(got[2], "   bankless › Shaun Maguire: Why Hardware") {
		t.Errorf("match rows:\n%s", strings.Join(got, "\n"))
	}
	if m.listHeight() != 4 {
		t.Errorf("%d matches fit in 8 lines", m.listHeight())
	}
	m.Click(4) // the second line of the second match
	if reqs := m.Take(); len(reqs) != 1 || reqs[0] == nil {
		t.Errorf("click on a match's second line: %v", reqs)
	}
}
