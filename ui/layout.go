package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"tubenotes/ui/common"
)

// Sizes below which the browser shows only a "window too small" message,
// and at which the sidebar sits beside the reader.
const (
	minWidth, minHeight = 20, 6
	wideWidth           = 80
)

// rect is a pane's place on the screen.
type rect struct{ x, y, w, h int }

func (r rect) contains(x, y int) bool {
	return x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h
}

// layout is where every pane goes for a window size and state.
type layout struct {
	tooSmall               bool
	reader                 rect
	notes, sections, links rect
	sidebar                bool // the sidebar is drawn
	readerShown            bool
	bodyRows               int // rows above the status and hint lines
}

// layout places the panes for the window size, focus and sidebar state.
func (m Model) layout() layout {
	w, h := m.width, m.height
	if w < minWidth || h < minHeight {
		return layout{tooSmall: true}
	}
	l := layout{bodyRows: h - 2}
	sideW := 0
	switch {
	case w >= wideWidth && !m.hideSidebar:
		sideW = min(max(w*35/100, 28), 50)
		l.sidebar, l.readerShown = true, true
		l.reader = rect{x: sideW + 1, w: w - sideW - 1, h: l.bodyRows}
	case w >= wideWidth || m.focus == focusReader:
		l.readerShown = true
		l.reader = rect{w: w, h: l.bodyRows}
	default: // narrow, a sidebar pane focused: the sidebar takes the window
		sideW = w
		l.sidebar = true
	}
	if l.sidebar {
		secH := min(max(l.bodyRows*2/5, 3), l.bodyRows-2)
		// the links into the note take the sections' spare rows first, then
		// the notes list's
		spare := max(secH-1-m.sections.Rows(), 0)
		linksH := m.linksHeight(l.bodyRows, spare)
		fromSections := min(linksH, spare)
		l.notes = rect{w: sideW, h: l.bodyRows - secH - (linksH - fromSections)}
		l.sections = rect{y: l.notes.h, w: sideW, h: secH - fromSections}
		l.links = rect{y: l.bodyRows - linksH, w: sideW, h: linksH}
	}
	return l
}

// linksHeight is the rows of the links into the open note, under the
// sections: the rows they need, up to a fifth of the sidebar more than
// the sections leave spare; none before a note is open or when a fifth is
// less than a title and two rows.
func (m Model) linksHeight(bodyRows, spare int) int {
	if m.reader.Note() == nil || bodyRows/5 < 3 {
		return 0
	}
	return min(1+m.links.Rows(), bodyRows/5+spare)
}

// resizePanes gives every pane its size; the reader only when withReader,
// so a storm of resizes renders the note once, after it ends. The search
// view's command reads the texts of the hits a taller window shows.
func (m *Model) resizePanes(withReader bool) tea.Cmd {
	l := m.layout()
	m.notes.SetSize(l.notes.w, l.notes.h)
	m.sections.SetSize(l.sections.w, l.sections.h)
	m.links.SetSize(l.links.w, l.links.h)
	m.status.SetWidth(m.width)
	hits := m.search.SetSize(m.width, l.bodyRows)
	m.timeline.SetSize(m.width, l.bodyRows)
	if withReader && l.readerShown {
		return tea.Batch(hits, m.reader.SetSize(l.reader.w, l.reader.h))
	}
	return hits
}

// View draws the whole screen.
func (m Model) View() tea.View {
	v := tea.NewView(m.screen())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "tubenotes"
	return v
}

// screen is the whole window as text.
func (m Model) screen() string {
	if !m.sized {
		return ""
	}
	l := m.layout()
	if l.tooSmall {
		return tooSmall(m.width, m.height)
	}
	body := make([]string, l.bodyRows)
	switch m.mode {
	case modeHelp:
		body = m.helpBody(l.bodyRows, m.width)
	case modeSearch:
		body = fill(strings.Split(m.search.View(), "\n"), l.bodyRows, m.width)
	case modeMarks:
		body = fill(strings.Split(m.bookmarksView(), "\n"), l.bodyRows, m.width)
	case modeTimeline:
		body = fill(strings.Split(m.timeline.View(), "\n"), l.bodyRows, m.width)
	default:
		var side, main []string
		if l.sidebar {
			side = append(strings.Split(m.notes.View(), "\n"), strings.Split(m.sections.View(), "\n")...)
			if l.links.h > 0 {
				side = append(side, strings.Split(m.links.View(), "\n")...)
			}
			side = fill(side, l.bodyRows, l.notes.w)
		}
		if l.readerShown {
			main = fill(strings.Split(m.readerView(), "\n"), l.bodyRows, l.reader.w)
		}
		sep := m.c.Styles.Separator.Render("│")
		for i := range body {
			switch {
			case l.sidebar && l.readerShown:
				body[i] = side[i] + sep + main[i]
			case l.sidebar:
				body[i] = side[i]
			default:
				body[i] = main[i]
			}
		}
	}
	return strings.Join(append(body, m.statusView(), m.hintView()), "\n")
}

// fill makes lines exactly rows lines of exactly w cells.
func fill(lines []string, rows, w int) []string {
	out := make([]string, rows)
	for i := range out {
		if i < len(lines) {
			out[i] = common.Fit(lines[i], w)
		} else {
			out[i] = strings.Repeat(" ", max(w, 0))
		}
	}
	return out
}

func tooSmall(w, h int) string {
	msg := "window too small"
	if h <= 0 {
		return ""
	}
	lines := make([]string, h)
	if w > 0 {
		lines[0] = common.Fit(msg, w)
	}
	return strings.Join(lines, "\n")
}

// readerView is the reader, or what stands in its place before a note is
// open.
func (m Model) readerView() string {
	if m.reader.Note() != nil {
		return m.reader.View()
	}
	st := m.c.Styles
	var lines []string
	switch {
	case m.loadErr != nil:
		lines = []string{"", st.StatusError.Render("  cannot read the vault"), "  " + m.status.Message()}
	case m.vault == nil:
		lines = []string{"", st.Dim.Render("  loading the vault…")}
	default:
		k := m.c.Keys
		lines = []string{"",
			"  Pick a note in the sidebar and press " + k.Enter.Help().Key + ",",
			"  or press " + k.Filter.Help().Key + " and type a few letters of its title.",
			"", st.Dim.Render("  " + k.Help.Help().Key + " shows every key.")}
	}
	return strings.Join(lines, "\n")
}

// hintView is the one-line hint of the mode that has the keyboard.
func (m Model) hintView() string {
	h := m.helpModel()
	return common.Fit(" "+h.ShortHelpView(m.hints()), m.width)
}

// panesShown reports whether the panes have the window (no full-window
// mode covers them).
func (m Model) panesShown() bool {
	return m.mode != modeHelp && m.mode != modeSearch && m.mode != modeTimeline && m.mode != modeMarks
}

func (m Model) helpModel() help.Model {
	h := help.New()
	h.SetWidth(m.width - 1)
	h.Styles.ShortKey = m.c.Styles.Hint.Bold(true)
	h.Styles.ShortDesc = m.c.Styles.Hint
	h.Styles.ShortSeparator = m.c.Styles.Hint
	h.Styles.Ellipsis = m.c.Styles.Hint
	h.Styles.FullKey = m.c.Styles.Current
	h.Styles.FullDesc = m.c.Styles.Note
	h.Styles.FullSeparator = m.c.Styles.Dim
	return h
}

// helpView is the ? screen: the keys of browse mode (those every pane
// shares and the focused pane's own), then those of a query being typed;
// opened from the timeline, the timeline's.
func (m Model) helpView() string {
	h := m.helpModel()
	k := m.c.Keys
	name, pane := m.focused()
	title := m.c.Styles.Dim
	query := []key.Binding{k.FilterAccept, k.FindAccept, common.Pair(k.ChooseUp, k.ChooseDown, "choose"), k.Recall, k.QueryClear}
	shared, sharedTitle := [][]key.Binding{m.browseKeys(), k.Moves(), {k.Bookmark, k.Bookmarks}}, "  every pane"
	if keys := m.playerKeys(false); keys != nil { // a column, not more rows: help is tall already
		shared, sharedTitle = append(shared, keys), sharedTitle+", and the player"
	}
	parts := []string{
		title.Render(sharedTitle),
		indent(h.FullHelpView(shared), "  "),
		title.Render("  the " + name + " (" + k.NextPane.Help().Key + " changes pane), then a query being typed (" + queryKeys(k) + ")"),
		indent(h.FullHelpView(append(pane.FullHelp(), query)), "  "),
	}
	if m.helpFrom == modeTimeline {
		parts = []string{
			title.Render("  the timeline (" + k.CloseHelp.Help().Key + " returns to it)"),
			indent(h.FullHelpView(append(m.timeline.FullHelp(), k.Moves(), []key.Binding{k.Help, k.Quit})), "  "),
			title.Render("  its filter being typed"),
			indent(h.FullHelpView([][]key.Binding{{k.FindAccept, common.Pair(k.ChooseUp, k.ChooseDown, "choose"), k.Recall, k.QueryClear}}), "  "),
		}
	}
	mouse := m.c.Styles.Dim.Render("  mouse: wheel scrolls the pane under it; click selects, opens a badge or link")
	return "\n" + strings.Join(parts, "\n") + "\n\n" + mouse
}

// queryKeys names the keys that start a query (filter, find, search), as
// the key map has them: "/ or s" by default.
func queryKeys(k common.KeyMap) string {
	var names []string
	for _, b := range []key.Binding{k.Filter, k.Find, k.Search} {
		if name := b.Help().Key; !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	return strings.Join(names, " or ")
}

func indent(s, pad string) string {
	return pad + strings.ReplaceAll(s, "\n", "\n"+pad)
}

// statusView is the status line, with the find-in-note query and its
// matches while there is one; the search view hides the reader, and its
// find with it.
func (m Model) statusView() string {
	if m.mode == modeTheme {
		return m.themeLine()
	}
	if m.namingBookmark() {
		return m.nameView()
	}
	st := m.status
	if m.mode != modeSearch && (m.mode == modeFind || m.reader.Finding()) {
		cur, total := m.reader.FindStatus()
		input := ""
		if m.mode == modeFind {
			input = m.find.View()
		}
		st.SetFind(m.find.Value(), input, cur, total)
		st.SetFindMoment(common.MomentClock(m.reader.Note(), m.reader.FindMoment()))
	}
	return st.View()
}

// toggleSidebar folds the sidebar away (wide) or swaps it with the reader
// (narrow).
func (m *Model) toggleSidebar() tea.Cmd {
	switch {
	case m.width >= wideWidth:
		m.hideSidebar = !m.hideSidebar
		if m.hideSidebar {
			m.setFocus(focusReader)
		}
	case m.focus == focusReader:
		m.setFocus(focusNotes)
	default:
		m.setFocus(focusReader)
	}
	return m.resizePanes(true)
}
