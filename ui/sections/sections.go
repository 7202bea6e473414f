// Package sections is the sidebar pane listing the headings of the open
// note, each with its moment (model.Note.SectionMoments: the first
// openable anchor on the heading or in the paragraph under it).
package sections

import (
	"strings"
	"tubenotes/model/search"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tubenotes/model"
	"tubenotes/ui/common"
	"tubenotes/ui/safe"
)

// row is one section as the pane shows it.
type row struct {
	clock string // the heading's moment, "" when none
	title string // cleaned, indented by level
	first int    // index of that timestamp, -1 when none
}

// Model is the sections pane.
type Model struct {
	c             *common.Common
	width, height int
	focused       bool

	note       *model.Note
	rows       []row
	clockWidth int
	timed      bool // the rows have their moments (see SetNote)
	current    int  // the reader's section, -1 before the first heading
	playing    int  // the section the player is in, -1 when none (or another video)
	cur        common.Cursor

	common.Actions
}

// New is an empty sections pane.
func New(c *common.Common) Model { return Model{c: c, current: -1, playing: -1} }

// SetSize sets the pane's size, its title line included.
func (m *Model) SetSize(w, h int) tea.Cmd {
	m.width, m.height = max(w, 0), max(h, 0)
	m.cur.Clamp(len(m.rows), m.listHeight())
	return nil
}

// SetFocused gives or takes the keyboard.
func (m *Model) SetFocused(f bool) { m.focused = f }

func (m Model) listHeight() int { return max(m.height-1, 0) }

// Rows is how many lines the pane would like below its title.
func (m Model) Rows() int { return max(len(m.rows), 1) }

// SetNote lists the sections of n. Their moments come from its text:
// when a cache left that on disk, the rows show without them and the
// command reads it (common.LoadBodies); the pane is not Ready until then.
func (m *Model) SetNote(n *model.Note) tea.Cmd {
	m.note, m.rows, m.clockWidth, m.timed, m.current, m.playing = n, nil, 0, false, -1, -1
	m.cur = common.Cursor{}
	if n == nil {
		return nil
	}
	minLevel := 6
	for _, s := range n.Sections {
		minLevel = min(minLevel, s.Level)
	}
	m.rows = make([]row, len(n.Sections))
	for i, s := range n.Sections {
		m.rows[i] = row{first: -1, title: strings.Repeat("  ", max(s.Level-minLevel, 0)) + safe.Line(search.Plain(s.Title))}
	}
	if !n.BodyLoaded() {
		return common.LoadBodies(n)
	}
	m.setMoments()
	return nil
}

// setMoments gives the rows their moments, once the note's text is read.
func (m *Model) setMoments() {
	for i, first := range m.note.SectionMoments() {
		r := &m.rows[i]
		r.first, r.clock = first, common.MomentClock(m.note, first)
		m.clockWidth = max(m.clockWidth, len(r.clock))
	}
	m.timed = true
}

// Ready reports whether the rows have their moments: keys wait until then,
// as o plays the chosen section's.
func (m Model) Ready() bool { return m.note == nil || m.timed }

// SetCurrent marks the section the reader shows; the cursor follows it
// unless the pane has the keyboard.
func (m *Model) SetCurrent(i int) {
	m.current = i
	if !m.focused && i >= 0 {
		m.cur.Pos = i
		m.cur.Clamp(len(m.rows), m.listHeight())
	}
}

// SetPlaying marks the section the player is in with ▶; -1 marks none.
func (m *Model) SetPlaying(i int) { m.playing = i }

// ShortHelp is the pane's part of the hint line in browse mode.
func (m Model) ShortHelp() []key.Binding {
	k := m.c.Keys
	return []key.Binding{k.Enter, k.OpenVideo, k.CopyURL}
}

// FullHelp is every key of the pane but the moves (the root shows those
// once), for the ? screen.
func (m Model) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{{k.Enter, k.OpenVideo, k.CopyURL}}
}

// Update handles keys while focused, and the note's text once read.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if _, ok := msg.(common.BodiesLoadedMsg); ok {
		if m.note != nil && !m.timed && m.note.BodyLoaded() {
			m.setMoments()
		}
		return m, nil
	}
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok || !m.focused {
		return m, nil
	}
	k := m.c.Keys
	switch {
	case key.Matches(kp, k.Enter):
		m.scrollTo(m.cur.Pos)
	case key.Matches(kp, k.OpenVideo):
		m.video(false)
	case key.Matches(kp, k.CopyURL):
		m.video(true)
	default:
		m.cur.Move(kp, k, len(m.rows), m.listHeight())
	}
	return m, nil
}

func (m *Model) scrollTo(i int) {
	if i < 0 || i >= len(m.rows) {
		return
	}
	m.cur.Pos = i
	m.cur.Clamp(len(m.rows), m.listHeight())
	m.Add(common.ScrollToSection{Index: i})
}

// video opens (or copies) the video at the selected section's moment; the
// root says so when it has none.
func (m *Model) video(copyURL bool) {
	if m.note != nil && m.cur.Pos < len(m.rows) {
		m.Add(common.OpenVideo{Note: m.note, Timestamp: m.rows[m.cur.Pos].first, Copy: copyURL})
	}
}

// Click scrolls the reader to the section at line y (0 is the title line).
func (m *Model) Click(y int) {
	if y >= 1 {
		m.scrollTo(m.cur.Offset + y - 1)
	}
}

// Scroll moves the window by delta rows.
func (m *Model) Scroll(delta int) { m.cur.Scroll(delta, len(m.rows), m.listHeight()) }

// View draws the title line and the rows in the window, every line exactly
// width cells.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	st := m.c.Styles
	title := st.PaneTitle
	if m.focused {
		title = st.PaneTitleFocused
	}
	lines := []string{title.Render("Sections")}
	if m.note != nil && len(m.rows) == 0 {
		lines = append(lines, st.Dim.Render(" no headings"))
	}
	end := min(m.cur.Offset+m.listHeight(), len(m.rows))
	for i := m.cur.Offset; i < end; i++ {
		r := m.rows[i]
		clock := strings.Repeat(" ", m.clockWidth-len(r.clock)) + r.clock
		mark, text := " ", st.Note
		if i == m.current {
			mark, text = st.Current.Render("▌"), st.Current
		}
		if i == m.playing {
			mark = st.Current.Render("▶")
		}
		line := mark + st.Clock.Render(clock) + "  " + text.Render(r.title)
		if i == m.cur.Pos && (m.focused || i != m.current) {
			cur := st.Cursor
			if m.focused {
				cur = st.CursorFocused
			}
			line = cur.Render(common.Fit(ansi.Strip(line), m.width))
		}
		lines = append(lines, line)
	}
	for len(lines) < m.height {
		lines = append(lines, "")
	}
	for i, l := range lines[:m.height] {
		lines[i] = common.Fit(l, m.width)
	}
	return strings.Join(lines[:m.height], "\n")
}
