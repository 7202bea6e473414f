// Package notes is the sidebar pane that lists a vault's notes grouped by
// channel and video, with a fuzzy filter.
package notes

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"tubenotes/model"
	"tubenotes/ui/common"
	"tubenotes/ui/query"
)

// Model is the notes pane.
type Model struct {
	c             *common.Common
	width, height int
	focused       bool

	tree    []node
	folded  map[int]bool // tree index of a group → folded
	visible []int        // tree indexes shown when no filter is on
	index   map[*model.Note]int
	targets []target

	cur common.Cursor // into the rows shown: visible, or matches

	filter  query.Model // the filter's input; the root's filter mode edits it
	query   string      // the filter ranked; "" when off
	gen     int         // generation of the newest query
	pending bool        // a result for gen has not arrived yet
	matches []match
	ranked  string // the query matches holds the result of

	open *model.Note

	common.Actions
}

// filteredMsg carries the ranked notes for the query of one generation.
type filteredMsg struct {
	gen     int
	query   string
	matches []match
}

// scrollContext is how many rows the list keeps in view above and below
// the cursor.
const scrollContext = 3

// New is an empty notes pane.
func New(c *common.Common) Model {
	return Model{c: c, cur: common.Cursor{Context: scrollContext}, folded: map[int]bool{}, filter: query.New(c, c.Keys.Filter.Help().Key, "")}
}

// Listing is a vault laid out for the pane. Making one is the slow part
// of showing a vault, so it is done off the update loop (see List).
type Listing struct {
	tree    []node
	targets []target
	index   map[*model.Note]int
	folded  map[int]bool
	visible []int
}

// List lays out the notes of v; big vaults start with their video groups
// folded. It does not touch a Model, so it can run in a command.
func List(v *model.Vault) *Listing {
	l := &Listing{tree: buildTree(v), folded: map[int]bool{}}
	l.targets = buildTargets(l.tree)
	l.index = make(map[*model.Note]int, len(l.targets))
	for i, n := range l.tree {
		if n.kind == noteRow {
			l.index[n.note] = i
		}
		if n.kind == videoRow && len(v.Notes) > collapseAbove {
			l.folded[i] = true
		}
	}
	l.visible = visibleRows(l.tree, l.folded)
	return l
}

// SetVault shows the notes of v (see List); a query typed while the vault
// loaded is ranked again.
func (m *Model) SetVault(v *model.Vault) tea.Cmd { return m.SetListing(List(v)) }

// SetListing shows a listing made by List.
func (m *Model) SetListing(l *Listing) tea.Cmd {
	m.tree, m.targets, m.index, m.folded, m.visible = l.tree, l.targets, l.index, l.folded, l.visible
	m.cur = common.Cursor{Context: scrollContext}
	if m.query == "" {
		return nil
	}
	m.matches, m.ranked = nil, ""
	return m.setQuery(m.query)
}

// SetSize sets the pane's size, its title line included.
func (m *Model) SetSize(w, h int) tea.Cmd {
	m.width, m.height = max(w, 0), max(h, 0)
	m.clamp()
	return nil
}

// SetFocused gives or takes the keyboard.
func (m *Model) SetFocused(f bool) { m.focused = f }

// Filtering reports whether a filter is on.
func (m Model) Filtering() bool { return m.query != "" }

// SetOpen marks the note open in the reader and, with no filter on, unfolds
// its groups and moves the cursor to it.
func (m *Model) SetOpen(n *model.Note) {
	m.open = n
	i, ok := m.index[n]
	if !ok || m.Filtering() {
		return
	}
	changed := false
	for g, folded := range m.folded {
		if folded && g < i && i < m.tree[g].end {
			m.folded[g] = false
			changed = true
		}
	}
	if changed {
		m.visible = visibleRows(m.tree, m.folded)
	}
	m.cur.Pos = m.rowOf(i)
	m.clamp()
}

// rowOf is the visible row of tree row i, or of the nearest group around
// it that is shown (visible is in tree order).
func (m Model) rowOf(i int) int {
	for {
		r, found := slices.BinarySearch(m.visible, i)
		if found || i < 0 || m.tree[i].parent < 0 {
			return r
		}
		i = m.tree[i].parent
	}
}

// rows is the number of rows below the title line.
func (m Model) rows() int {
	if m.Filtering() {
		return len(m.matches)
	}
	return len(m.visible)
}

// rowLines is the lines a row takes: while filtering, each match shows
// where it lives on a second line.
func (m Model) rowLines() int {
	if m.Filtering() {
		return 2
	}
	return 1
}

// listHeight is the number of rows that fit below the title line.
func (m Model) listHeight() int { return max(m.height-1, 0) / m.rowLines() }

func (m *Model) clamp() { m.cur.Clamp(m.rows(), m.listHeight()) }

// noteAt is the note of row r, nil for a group row.
func (m Model) noteAt(r int) *model.Note {
	if r < 0 || r >= m.rows() {
		return nil
	}
	if m.Filtering() {
		return m.targets[m.matches[r].target].note
	}
	return m.tree[m.visible[r]].note
}

// Selected is the note under the cursor, nil on a group row.
func (m Model) Selected() *model.Note { return m.noteAt(m.cur.Pos) }

// Update handles the pane's keys while it has the keyboard in browse mode,
// and the filter's results.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case filteredMsg:
		if msg.gen == m.gen && m.pending {
			m.matches, m.ranked, m.pending = msg.matches, msg.query, false
			m.cur = common.Cursor{Context: scrollContext}
		}
	case tea.KeyPressMsg:
		if m.focused {
			m.key(msg)
		}
	}
	return m, nil
}

func (m *Model) key(msg tea.KeyPressMsg) {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Filter):
		m.Add(common.StartFilter{})
	case key.Matches(msg, k.Clear):
		m.filter.Clear()
		m.setQuery("")
	case key.Matches(msg, k.Enter) && m.onVideoRow():
		m.timeline(m.cur.Pos) // the video as a whole (h and l fold it)
	case key.Matches(msg, k.Enter):
		m.activate(m.cur.Pos, true)
	case key.Matches(msg, k.Timeline):
		m.timeline(m.cur.Pos)
	case m.cur.Move(msg, k, m.rows(), m.listHeight()), m.Filtering(), len(m.visible) == 0:
		// moved, or a flat list of matches: the tree's keys do nothing
	case key.Matches(msg, k.Fold):
		m.fold()
	case key.Matches(msg, k.Unfold):
		m.unfold()
	case key.Matches(msg, k.FoldAll):
		m.foldAll(true)
	case key.Matches(msg, k.UnfoldAll):
		m.foldAll(false)
	case key.Matches(msg, k.NextChannel):
		m.jumpChannel(1)
	case key.Matches(msg, k.PrevChannel):
		m.jumpChannel(-1)
	}
}

// ShortHelp is the pane's part of the hint line in browse mode.
func (m Model) ShortHelp() []key.Binding {
	k := m.c.Keys
	if m.Filtering() {
		return []key.Binding{k.Enter, k.Filter, k.Clear}
	}
	return []key.Binding{k.Enter, k.Filter}
}

// ExtraHelp are hints the line shows after the keys every pane shares,
// when it has room: the tree's keys, most useful first.
func (m Model) ExtraHelp() []key.Binding {
	if m.Filtering() {
		return nil
	}
	k := m.c.Keys
	return []key.Binding{common.Pair(k.Fold, k.Unfold, "fold"), common.Pair(k.PrevChannel, k.NextChannel, "channels"),
		common.Pair(k.FoldAll, k.UnfoldAll, "all")}
}

// FullHelp is every key of the pane but the moves (the root shows those
// once), for the ? screen.
func (m Model) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{{k.Enter, k.Filter, k.Clear, k.Timeline}, {k.Fold, k.Unfold, k.FoldAll, k.UnfoldAll, k.NextChannel, k.PrevChannel}}
}

// timeline asks for the timeline of row r's video: a note's, or a video
// row's (through its first note).
func (m *Model) timeline(r int) {
	n := m.noteAt(r)
	if n == nil && !m.Filtering() && r >= 0 && r < len(m.visible) {
		if g := m.visible[r]; m.tree[g].kind == videoRow && g+1 < len(m.tree) {
			n = m.tree[g+1].note
		}
	}
	if n != nil {
		m.Add(common.ShowTimeline{Note: n, Timestamp: -1})
	}
}

// onVideoRow reports whether the cursor is on a video row of the tree.
func (m *Model) onVideoRow() bool {
	r := m.cur.Pos
	return !m.Filtering() && r >= 0 && r < len(m.visible) && m.tree[m.visible[r]].kind == videoRow
}

// StartFilter starts a new, empty filter query with the keyboard (the
// last one is recallable).
func (m *Model) StartFilter() tea.Cmd {
	focus := m.filter.Start()
	return tea.Batch(focus, m.setQuery(""))
}

// EditFilter lets the filter's input have a key or a paste, and ranks the
// notes again when the query changed.
func (m *Model) EditFilter(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	var changed bool
	m.filter, cmd, changed = m.filter.Update(msg)
	if changed {
		cmd = tea.Batch(cmd, m.setQuery(m.filter.Value()))
	}
	return cmd
}

// CanRecall reports whether the filter's input is empty with an earlier
// query to bring back.
func (m Model) CanRecall() bool { return m.filter.CanRecall() }

// AcceptFilter ends typing and opens the best match, keeping the filter.
func (m *Model) AcceptFilter() {
	m.filter.Blur()
	if m.pending { // keys outran the filter: rank now so enter opens the right note
		m.matches, m.ranked, m.pending = filter(m.targets, m.candidates(m.query), m.query), m.query, false
		m.cur = common.Cursor{Context: scrollContext}
	}
	m.activate(m.cur.Pos, true)
}

// StopFilter ends typing, keeping the filter.
func (m *Model) StopFilter() { m.filter.Blur() }

// ClearFilter ends typing and drops the filter.
func (m *Model) ClearFilter() {
	m.filter.Blur()
	m.filter.Clear()
	m.setQuery("")
}

// MoveCursor moves the cursor by delta rows.
func (m *Model) MoveCursor(delta int) {
	m.cur.Pos += delta
	m.clamp()
}

// setQuery changes the filter and ranks the notes in a command, so typing
// never waits on a big vault.
func (m *Model) setQuery(q string) tea.Cmd {
	m.query = q
	m.gen++
	m.cur = common.Cursor{Context: scrollContext}
	if q == "" {
		m.matches, m.ranked, m.pending = nil, "", false
		m.SetOpen(m.open)
		return nil
	}
	m.pending = true
	gen, ts, candidates := m.gen, m.targets, m.candidates(q)
	return func() tea.Msg { return filteredMsg{gen: gen, query: q, matches: filter(ts, candidates, q)} }
}

// candidates are the only targets that can match q: those that matched the
// query shown when q extends it (typing narrows), else all (nil).
func (m Model) candidates(q string) []int {
	shown := strings.TrimSpace(m.ranked)
	if m.ranked == "" || !strings.HasPrefix(strings.TrimSpace(q), shown) {
		return nil
	}
	matched := make([]bool, len(m.targets))
	for _, mt := range m.matches {
		matched[mt.target] = true
	}
	out := make([]int, 0, len(m.matches))
	for i, ok := range matched { // tree order, so ties rank as before
		if ok {
			out = append(out, i)
		}
	}
	return out
}

// activate asks for the note of row r to be opened, or folds or unfolds
// its group.
func (m *Model) activate(r int, focusReader bool) {
	if r < 0 || r >= m.rows() {
		return
	}
	m.cur.Pos = r
	if n := m.noteAt(r); n != nil {
		m.Add(common.OpenNote{Note: n, FocusReader: focusReader})
		return
	}
	g := m.visible[r]
	m.setFolded(g, !m.folded[g])
}

// setFolded folds or unfolds group g, keeps the cursor on it and, when it
// opens, scrolls its rows into view below it.
func (m *Model) setFolded(g int, fold bool) {
	m.folded[g] = fold
	m.visible = visibleRows(m.tree, m.folded)
	m.cur.Pos = m.rowOf(g)
	if !fold {
		r := m.cur.Pos
		last := m.rowOf(m.tree[g].end - 1) // the group's last row shown
		ctx := min(m.cur.Context, max((m.listHeight()-1)/2, 0))
		m.cur.Offset = max(m.cur.Offset, min(last-m.listHeight()+1, r-ctx))
	}
	m.clamp()
}

// fold folds the group under the cursor, else goes to the group it is in.
func (m *Model) fold() {
	i := m.visible[m.cur.Pos]
	switch n := m.tree[i]; {
	case n.group() && !m.folded[i]:
		m.setFolded(i, true)
	case n.parent >= 0:
		m.cur.Pos = m.rowOf(n.parent)
		m.clamp()
	}
}

// unfold unfolds the group under the cursor, goes into an open one, or
// opens the note, leaving the keyboard here.
func (m *Model) unfold() {
	i := m.visible[m.cur.Pos]
	switch n := m.tree[i]; {
	case !n.group():
		m.activate(m.cur.Pos, false)
	case m.folded[i]:
		m.setFolded(i, false)
	default:
		m.MoveCursor(1)
	}
}

// foldAll folds every group, or unfolds them all; the cursor stays on its
// row or the group that now holds it.
func (m *Model) foldAll(fold bool) {
	i := m.visible[m.cur.Pos]
	clear(m.folded)
	if fold {
		for g, n := range m.tree {
			if n.group() {
				m.folded[g] = true
			}
		}
	}
	m.visible = visibleRows(m.tree, m.folded)
	m.cur.Pos = m.rowOf(i)
	m.clamp()
}

// jumpChannel moves the cursor to the next (dir 1) or previous (-1)
// channel's row.
func (m *Model) jumpChannel(dir int) {
	for r := m.cur.Pos + dir; r >= 0 && r < len(m.visible); r += dir {
		if m.tree[m.visible[r]].kind == channelRow {
			m.cur.Pos = r
			m.clamp()
			return
		}
	}
}

// Click acts on the row at line y of the pane (0 is the title line).
func (m *Model) Click(y int) {
	if y >= 1 {
		m.activate(m.cur.Offset+(y-1)/m.rowLines(), false)
	}
}

// Scroll moves the window by delta rows, keeping the cursor inside it.
func (m *Model) Scroll(delta int) { m.cur.Scroll(delta, m.rows(), m.listHeight()) }

// FilterValue is the filter's query as typed.
func (m Model) FilterValue() string { return m.filter.Value() }
