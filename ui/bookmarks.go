package ui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tubenotes/model"
	engine "tubenotes/model/search"
	"tubenotes/ui/common"
	"tubenotes/ui/query"
	"tubenotes/ui/safe"
	"tubenotes/ui/state"
)

// Bookmarks: m names and keeps the moment read (modeMark, the name
// typed on the status line); ' lists them (modeMarks), where enter
// goes to one, o plays it, r renames and d deletes it. Each change is
// saved at once.

// marks is the root's side of bookmarks.
type marks struct {
	name     query.Model
	editing  state.Bookmark // the bookmark being named: new when its ID is ""
	renaming bool           // the list's chosen bookmark is being renamed
	cur      common.Cursor  // into the list, newest first
}

func newMarks(c *common.Common) marks {
	return marks{name: query.New(c, "bookmark as: ", "a name (optional)")}
}

// startBookmark begins naming a bookmark of the moment read: the note,
// the line of the selected timestamp or else at the top of the reader,
// and the timestamp o would play there. The name starts as the section's.
func (m *Model) startBookmark() tea.Cmd {
	n := m.reader.Note()
	switch {
	case !m.inVault(n):
		m.status.SetMessage("open a note to bookmark it", false)
		return nil
	case m.mem.st == nil:
		m.status.SetMessage("bookmarks are kept for a vault folder (tubenotes PATH), not the demo", false)
		return nil
	}
	b := state.Bookmark{Note: n.Path, Line: m.reader.TopSourceLine(), Seconds: -1}
	ts := m.reader.TimestampForOpen()
	if sel := m.selectedTimestamp(); sel >= 0 {
		ts, b.Line = sel, int(n.Timestamps[sel].Line)
	}
	if ts >= 0 && n.Openable(ts) {
		b.Seconds, b.Raw = int(n.Timestamps[ts].Seconds), n.Timestamps[ts].Raw
	}
	m.marks.editing = b
	m.mode = modeMark
	return m.startNaming(m.defaultName(n))
}

// defaultName is the section read, else the note's title.
func (m Model) defaultName(n *model.Note) string {
	if cur := m.reader.CurrentSection(); cur >= 0 && cur < len(n.Sections) {
		return engine.Plain(n.Sections[cur].Title)
	}
	return n.Title
}

func (m *Model) startNaming(name string) tea.Cmd {
	m.marks.name.SetValue(name)
	return m.marks.name.Focus()
}

// nameKey: a bookmark's name is typed; enter keeps it, esc drops it.
func (m *Model) nameKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.BookmarkSave):
		return m.endNaming(true)
	case key.Matches(msg, k.QueryClear):
		return m.endNaming(false)
	}
	return m.editName(msg)
}

func (m *Model) editName(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	m.marks.name, cmd, _ = m.marks.name.Update(msg)
	return cmd
}

// endNaming leaves the name input, keeping the bookmark (new or renamed)
// when keep, and saves.
func (m *Model) endNaming(keep bool) tea.Cmd {
	m.marks.name.Blur()
	b, name := m.marks.editing, strings.TrimSpace(m.marks.name.Value())
	renaming := m.marks.renaming
	m.marks.renaming = false
	if m.mode == modeMark {
		m.mode = modeBrowse
	}
	if !keep {
		return nil
	}
	now := m.mem.now()
	if renaming {
		m.mem.st.RenameBookmark(b.ID, name, now)
		m.status.SetMessage("renamed the bookmark", false)
	} else {
		b.Name = name
		m.mem.st.AddBookmark(b, now)
		m.status.SetMessage("bookmarked "+bookmarkLabel(b)+" ("+m.c.Keys.Bookmarks.Help().Key+" lists them)", false)
	}
	m.mem.changes++
	return m.save()
}

// openBookmarks shows the list, newest first.
func (m *Model) openBookmarks() tea.Cmd {
	switch {
	case m.mem.st == nil:
		m.status.SetMessage("bookmarks are kept for a vault folder (tubenotes PATH), not the demo", false)
		return nil
	case !m.mem.begun:
		return nil
	}
	m.mode = modeMarks
	m.marks.cur = common.Cursor{}
	return nil
}

// listed are the bookmarks as the list shows them, newest first.
func (m Model) listed() []state.Bookmark {
	if m.mem.st == nil {
		return nil
	}
	bs := m.mem.st.Bookmarks
	out := make([]state.Bookmark, len(bs))
	for i, b := range bs {
		out[len(bs)-1-i] = b
	}
	return out
}

// listRows is how many bookmarks the list shows at once (a title line
// above them).
func (m Model) listRows() int { return max(m.layout().bodyRows-2, 1) }

// bookmarksKey: the list has the keyboard (or the chosen one's new name).
func (m *Model) bookmarksKey(msg tea.KeyPressMsg) tea.Cmd {
	if m.marks.renaming {
		return m.nameKey(msg)
	}
	k := m.c.Keys
	list := m.listed()
	if m.marks.cur.Move(msg, k, len(list), m.listRows()) {
		return nil
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.BookmarksClose):
		m.mode = modeBrowse
		return nil
	case len(list) == 0:
		return nil
	}
	b := list[m.marks.cur.Pos]
	switch {
	case key.Matches(msg, k.BookmarkJump):
		return m.jumpTo(b)
	case key.Matches(msg, k.BookmarkPlay):
		return m.play(b)
	case key.Matches(msg, k.BookmarkRename):
		m.marks.editing, m.marks.renaming = b, true
		return m.startNaming(b.Name)
	case key.Matches(msg, k.BookmarkDelete):
		m.mem.st.DeleteBookmark(b.ID, m.mem.now())
		m.mem.changes++
		m.marks.cur.Clamp(len(list)-1, m.listRows())
		m.status.SetMessage("deleted "+bookmarkLabel(b), false)
		return m.save()
	}
	return nil
}

// jumpTo opens b's note at its line, its timestamp selected.
func (m *Model) jumpTo(b state.Bookmark) tea.Cmd {
	n := m.bookmarkNote(b)
	if n == nil {
		return nil
	}
	m.mode = modeBrowse
	m.setFocus(focusReader)
	cmd := m.openNote(n, 0, true)
	m.reader.ScrollToSourceLine(b.Line)
	m.selectTimestamp(n, timestampOf(n, b))
	return tea.Batch(cmd, m.resizePanes(true))
}

// play opens b's moment through the root's video path (the player, or
// the opener), staying in the list.
func (m *Model) play(b state.Bookmark) tea.Cmd {
	n := m.bookmarkNote(b)
	if n == nil {
		return nil
	}
	return m.video(n, timestampOf(n, b), false)
}

// bookmarkNote is b's note, nil (and the status line says so) when it has
// gone from the vault.
func (m *Model) bookmarkNote(b state.Bookmark) *model.Note {
	if n := m.vault.Note(b.Note); n != nil {
		return n
	}
	m.status.SetMessage(safe.Line(b.Note)+" is no longer in the vault", true)
	return nil
}

// timestampOf is the timestamp of n that b marks: the same anchor on the
// same line, else the first with its time (the note was edited); -1 for
// none.
func timestampOf(n *model.Note, b state.Bookmark) int {
	if b.Seconds < 0 {
		return -1
	}
	same := -1
	for i, t := range n.Timestamps {
		if !t.Valid || int(t.Seconds) != b.Seconds {
			continue
		}
		if int(t.Line) == b.Line && t.Raw == b.Raw {
			return i
		}
		if same < 0 {
			same = i
		}
	}
	return same
}

// bookmarkLabel is b in a message: its name, else where it is.
func bookmarkLabel(b state.Bookmark) string {
	if b.Name != "" {
		return fmt.Sprintf("%q", safe.Line(b.Name))
	}
	return safe.Line(b.Note) + ":" + strconv.Itoa(b.Line)
}

// bookmarksView is the list: a title, then a row a bookmark: its name,
// the note's title, the moment.
func (m Model) bookmarksView() string {
	st := m.c.Styles
	list := m.listed()
	title := st.PaneTitleFocused.Render(fmt.Sprintf(" Bookmarks (%d)", len(list)))
	lines := []string{title}
	if len(list) == 0 {
		k := m.c.Keys
		lines = append(lines, "", st.Dim.Render("  No bookmarks yet: in a note, "+k.Bookmark.Help().Key+
			" keeps the moment you are reading."))
		return strings.Join(lines, "\n")
	}
	cur := m.marks.cur
	for i := cur.Offset; i < len(list) && i < cur.Offset+m.listRows(); i++ {
		lines = append(lines, m.bookmarkRow(list[i], i == cur.Pos))
	}
	return strings.Join(lines, "\n")
}

func (m Model) bookmarkRow(b state.Bookmark, chosen bool) string {
	st := m.c.Styles
	at := "line " + strconv.Itoa(b.Line)
	if b.Seconds >= 0 {
		at = "▶ " + common.Clock(b.Seconds)
	}
	where := safe.Line(b.Note) + " (gone)"
	if n := m.vault.Note(b.Note); n != nil {
		where = safe.Line(n.Title)
	}
	name := safe.Line(b.Name)
	// the moment first: short, and lined up; the note after the name
	// unless the name is the note's title
	row := " " + st.Clock.Render(at) + strings.Repeat(" ", max(11-ansi.StringWidth(at), 1)) + name
	switch {
	case name == "":
		row += where
	case name != where:
		row += st.Dim.Render("  " + where)
	}
	if chosen {
		return st.CursorFocused.Render("›") + row
	}
	return " " + row
}

// marksHints are the hints of the two bookmark modes.
func (m Model) marksHints() []key.Binding {
	k := m.c.Keys
	if m.mode == modeMark || m.marks.renaming {
		cancel := k.QueryClear // esc drops the bookmark or the new name: more than clearing the text
		cancel.SetHelp(cancel.Help().Key, "cancel")
		return []key.Binding{k.BookmarkSave, cancel}
	}
	if len(m.listed()) == 0 { // nothing to go to, play, rename or delete
		return []key.Binding{k.BookmarksClose, k.Quit}
	}
	return m.fitHints([]key.Binding{k.BookmarkJump, k.BookmarkPlay, k.BookmarkRename, k.BookmarkDelete,
		common.Pair(k.Up, k.Down, "choose")}, k.BookmarksClose, k.Quit)
}

// nameView is the status line while a bookmark is named.
func (m Model) nameView() string { return common.Fit(" "+m.marks.name.View(), m.width) }

// namingBookmark reports whether a bookmark's name is being typed.
func (m Model) namingBookmark() bool { return m.mode == modeMark || m.marks.renaming }
