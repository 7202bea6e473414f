// Package backlinks is the sidebar pane under the sections: the lines of
// other notes whose wikilinks resolve to the open note ("Linked from"),
// and, once the search index is built, those naming its title in plain
// text without linking it ("Mentioned in", at most MentionLimit). Both are
// found in a command (Find); enter asks the root to open the other note
// at that line (common.OpenLine), o plays that line's moment.
package backlinks

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tubenotes/model"
	"tubenotes/model/links"
	"tubenotes/model/search"
	"tubenotes/ui/common"
	"tubenotes/ui/safe"
)

// MentionLimit caps "Mentioned in": a common title is named everywhere.
const MentionLimit = 20

// entry is one line of another note pointing at the open note.
type entry struct {
	links.Mention
	moment int // the timestamp of the line's moment, -1 when none
}

// FoundMsg carries what points at a note, from Find.
type FoundMsg struct {
	note     *model.Note
	linked   []entry
	mentions []entry
}

// Find gathers the links into n and, when ix is not nil, the plain-text
// mentions of its title, in a command: the first backlinks of a vault
// gather every note's (tens of milliseconds on 20,000 notes) and a
// mention is a search.
func Find(v *model.Vault, ix *search.Index, n *model.Note) tea.Cmd {
	return func() tea.Msg {
		msg := FoundMsg{note: n, linked: entries(links.Backlinks(v, n))}
		if ix != nil {
			msg.mentions = entries(links.MentionsOf(ix, v, n, MentionLimit))
		}
		return msg
	}
}

func entries(ms []links.Mention) []entry {
	out := make([]entry, len(ms))
	for i, m := range ms {
		out[i] = entry{Mention: m, moment: m.Note.Moment(m.Line, 0)}
	}
	return out
}

// heading stands in rows for the "Mentioned in" line.
const heading = -1

// Model is the pane.
type Model struct {
	c             *common.Common
	width, height int
	focused       bool

	note    *model.Note
	found   bool    // the answer for note has arrived
	all     []entry // linked, then mentions
	nLinked int
	rows    []int // indexes into all, heading for the "Mentioned in" line
	cur     common.Cursor

	common.Actions
}

// New is an empty pane.
func New(c *common.Common) Model { return Model{c: c} }

// SetNote empties the pane for note n, until Find's answer arrives.
func (m *Model) SetNote(n *model.Note) {
	m.note, m.found, m.all, m.nLinked, m.rows = n, false, nil, 0, nil
	m.cur = common.Cursor{}
}

// SetSize sets the pane's size, its title line included.
func (m *Model) SetSize(w, h int) tea.Cmd {
	m.width, m.height = max(w, 0), max(h, 0)
	m.clamp(0)
	return nil
}

// SetFocused gives or takes the keyboard.
func (m *Model) SetFocused(f bool) { m.focused = f }

// Rows is how many lines the pane would like below its title.
func (m Model) Rows() int { return max(len(m.rows), 1) }

// Linked and Mentions count the two lists.
func (m Model) Linked() int   { return m.nLinked }
func (m Model) Mentions() int { return len(m.all) - m.nLinked }

func (m Model) listHeight() int { return max(m.height-1, 0) }

// Update takes Find's answer for the open note, and keys while focused.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case FoundMsg:
		if msg.note != m.note {
			return m, nil // for a note left since
		}
		m.found = true
		m.all = append(msg.linked[:len(msg.linked):len(msg.linked)], msg.mentions...)
		m.nLinked = len(msg.linked)
		m.rows = m.rows[:0]
		for i := range m.all {
			if i == m.nLinked {
				m.rows = append(m.rows, heading)
			}
			m.rows = append(m.rows, i)
		}
		m.clamp(1)
	case tea.KeyPressMsg:
		if !m.focused {
			return m, nil
		}
		k := m.c.Keys
		switch {
		case key.Matches(msg, k.Enter):
			if e := m.selected(); e != nil {
				m.Add(common.OpenLine{Note: e.Note, Line: e.Line, Timestamp: e.moment})
			}
		case key.Matches(msg, k.OpenVideo):
			if e := m.selected(); e != nil {
				m.Add(common.OpenVideo{Note: e.Note, Timestamp: e.moment})
			}
		default:
			before := m.cur.Pos
			if m.cur.Move(msg, k, len(m.rows), m.listHeight()) {
				m.clamp(m.cur.Pos - before)
			}
		}
	}
	return m, nil
}

func (m Model) selected() *entry {
	if m.cur.Pos < len(m.rows) && m.rows[m.cur.Pos] != heading {
		return &m.all[m.rows[m.cur.Pos]]
	}
	return nil
}

// clamp keeps the cursor off the heading line, stepping past it in
// direction dir.
func (m *Model) clamp(dir int) {
	m.cur.Clamp(len(m.rows), m.listHeight())
	if m.cur.Pos < len(m.rows) && m.rows[m.cur.Pos] == heading {
		if dir < 0 && m.cur.Pos > 0 || m.cur.Pos == len(m.rows)-1 {
			m.cur.Pos--
		} else {
			m.cur.Pos++
		}
		m.cur.Clamp(len(m.rows), m.listHeight())
	}
}

// Click opens the line at row y of the pane (0 is the title line).
func (m *Model) Click(y int) {
	p := m.cur.Offset + y - 1
	if y >= 1 && p < len(m.rows) && m.rows[p] != heading {
		m.cur.Pos = p
		e := m.all[m.rows[p]]
		m.Add(common.OpenLine{Note: e.Note, Line: e.Line, Timestamp: e.moment})
	}
}

// Scroll moves the window by delta rows.
func (m *Model) Scroll(delta int) {
	m.cur.Scroll(delta, len(m.rows), m.listHeight())
	m.clamp(delta)
}

// ShortHelp is the pane's part of the hint line in browse mode.
func (m Model) ShortHelp() []key.Binding {
	k := m.c.Keys
	return []key.Binding{k.Enter, k.OpenVideo}
}

// FullHelp is every key of the pane but the moves, for the ? screen.
func (m Model) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{{k.Enter, k.OpenVideo}}
}

// View draws the title line and the rows in the window, every line
// exactly width cells.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	st := m.c.Styles
	title := st.PaneTitle
	if m.focused {
		title = st.PaneTitleFocused
	}
	head := title.Render("Linked from")
	if m.found {
		head += st.Count.Render(" " + strconv.Itoa(m.nLinked))
		if m.Mentions() > 0 {
			head += st.Count.Render(" · mentioned in " + strconv.Itoa(m.Mentions()))
		}
	}
	lines := []string{head}
	switch {
	case m.note == nil:
	case !m.found:
		lines = append(lines, st.Dim.Render(" …"))
	case m.nLinked == 0:
		lines = append(lines, st.Dim.Render(" no note links here"))
	}
	end := min(m.cur.Offset+m.listHeight(), len(m.rows))
	for p := m.cur.Offset; p < end; p++ {
		lines = append(lines, m.row(p))
	}
	for len(lines) < m.height {
		lines = append(lines, "")
	}
	for i, l := range lines[:m.height] {
		lines[i] = common.Fit(l, m.width)
	}
	return strings.Join(lines[:m.height], "\n")
}

func (m Model) row(p int) string {
	st := m.c.Styles
	if m.rows[p] == heading {
		return st.PaneTitle.Render("Mentioned in") + st.Count.Render(" "+strconv.Itoa(m.Mentions()))
	}
	e := m.all[m.rows[p]]
	text := strings.TrimLeft(safe.Line(e.Text), "-*+># \t") // a list item's or quote's marker says nothing here
	line := " " + st.Note.Render(safe.Line(e.Note.Title)) + st.Dim.Render(":"+strconv.Itoa(e.Line)) +
		" " + st.Count.Render(text)
	if p == m.cur.Pos && m.focused {
		line = st.CursorFocused.Render(common.Fit(ansi.Strip(line), m.width))
	}
	return line
}
