// Package timelineview is the timeline view: every moment of one video's
// notes as one chronological list (model/timeline) under a header telling
// the video, its notes, the span they cover and the gaps no note covers.
// The timeline is made in a command; what the user picks is queued as an
// action for the root (common.OpenLine, common.OpenVideo,
// common.CloseTimeline). The root's timeline mode gives this view every
// key; while its filter is typed (/), the root draws the query's hints.
package timelineview

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"tubenotes/model"
	"tubenotes/model/search"
	"tubenotes/model/timeline"
	"tubenotes/ui/common"
	"tubenotes/ui/query"
	"tubenotes/ui/safe"
)

// item is one row of the timeline as the view draws it.
type item struct {
	row   timeline.Row
	clock string // the clock column: "" for a group's later rows
	apart bool   // invalid or doubtful, listed after the groups
	hay   string // the folded words of section, note title and text, for the filter
}

// label stands in shown for the line that introduces the rows apart.
const label = -1

// loadedMsg is the timeline of generation gen, laid out.
type loadedMsg struct {
	gen        int
	tl         *timeline.Timeline
	items      []item
	clockWidth int
}

// Model is the timeline view.
type Model struct {
	c             *common.Common
	width, height int

	gen     int // of the newest Open or Refresh; older answers are dropped
	loading bool
	id      string // the video's
	tl      *timeline.Timeline
	items   []item
	clockW  int
	from    *model.Note // the note the view was opened from: its rows stand out
	at      *model.Note // the cursor starts on timestamp atTS of at,
	atTS    int         // its first row when -1

	input  query.Model
	typing bool
	shown  []int         // indexes into items of the lines drawn, label for the label line
	cur    common.Cursor // over shown

	playing int // the item at the playhead, -1 when none

	common.Actions
}

// New is an empty timeline view.
func New(c *common.Common) Model {
	return Model{c: c, input: query.New(c, c.Keys.RowsFilter.Help().Key, ""), playing: -1}
}

// Open starts making the timeline of video id; the cursor will start on
// timestamp ts of from (its first row when ts is not one of them).
func (m *Model) Open(v *model.Vault, id string, from *model.Note, ts int) tea.Cmd {
	m.loading, m.tl, m.items, m.shown = true, nil, nil, nil
	m.id, m.from, m.at, m.atTS = id, from, from, ts
	m.typing = false
	m.input.Blur()
	m.input.Clear()
	m.cur = common.Cursor{}
	return m.make(v)
}

// Refresh makes the timeline shown again from v, the vault read again
// since: its rows hold the notes as they are now. The old rows stay on
// screen until then; the filter stays, and the cursor on its row's
// timestamp where the note still has it.
func (m *Model) Refresh(v *model.Vault) tea.Cmd {
	if m.id == "" {
		return nil
	}
	if r := m.Selected(); r != nil {
		m.at, m.atTS = v.Note(r.Note.Path), -1
		if m.at != nil {
			m.atTS = common.SameTimestamp(r.Note, r.Index, m.at)
		}
	}
	if m.from != nil {
		m.from = v.Note(m.from.Path)
	}
	return m.make(v)
}

// make makes the timeline of the video of v in a command.
func (m *Model) make(v *model.Vault) tea.Cmd {
	m.gen++
	gen, id := m.gen, m.id
	return func() tea.Msg {
		tl := timeline.Of(v, id)
		items, w := layOut(tl)
		return loadedMsg{gen: gen, tl: tl, items: items, clockWidth: w}
	}
}

// layOut makes the items of tl: the groups' rows, a clock on each group's
// first, then the rows apart with what their clock says.
func layOut(tl *timeline.Timeline) ([]item, int) {
	if tl == nil {
		return nil, 0
	}
	var items []item
	w := 0
	for _, g := range tl.Groups {
		for i, r := range g.Rows {
			it := item{row: r, hay: hay(r)}
			if i == 0 {
				it.clock = common.Clock(g.Seconds)
			}
			w = max(w, len(it.clock))
			items = append(items, it)
		}
	}
	for _, r := range tl.Apart {
		it := item{row: r, apart: true, hay: hay(r)}
		if r.Seconds >= 0 {
			it.clock = common.Clock(r.Seconds) + "?"
		} else {
			it.clock = safe.Line(truncateRunes(r.Note.Timestamps[r.Index].Raw, 10)) + "✗"
		}
		w = max(w, len([]rune(it.clock)))
		items = append(items, it)
	}
	return items, w
}

func truncateRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}

// hay is what the filter looks in: the row's words, folded, each after a
// space so a query word can match from a word's start or inside it.
func hay(r timeline.Row) string {
	return " " + strings.Join(search.Tokens(r.Section+" "+r.Note.Title+" "+r.Text), " ")
}

// Loading reports whether the timeline is still being made.
func (m Model) Loading() bool { return m.loading }

// Timeline is the timeline shown, nil while loading or when the video has
// no notes.
func (m Model) Timeline() *timeline.Timeline { return m.tl }

// Typing reports whether the filter's query has the keyboard.
func (m Model) Typing() bool { return m.typing }

// CanRecall reports whether ↑ would bring the last filter back.
func (m Model) CanRecall() bool { return m.input.CanRecall() }

// Filter is the filter's query as typed.
func (m Model) Filter() string { return m.input.Value() }

// SetSize sets the view's size, header lines included.
func (m *Model) SetSize(w, h int) tea.Cmd {
	m.width, m.height = max(w, 0), max(h, 0)
	m.input.SetWidth(m.width - 4) // the lead space, the prompt and the cursor
	m.clamp(0)
	return nil
}

// SetPlayhead marks the row at the playhead: the first row of the last
// group at or before seconds of video id; with follow, the cursor goes to
// it each time the playhead reaches another row (the root calls it with
// each playhead a player reports). Another video marks none.
func (m *Model) SetPlayhead(id string, seconds int, follow bool) {
	at := -1
	if m.tl != nil && id == m.tl.ID {
		for i, it := range m.items {
			if it.apart || it.row.Seconds > seconds {
				break
			}
			if it.clock != "" {
				at = i
			}
		}
	}
	if at == m.playing {
		return
	}
	m.playing = at
	if at < 0 || m.typing || !follow {
		return
	}
	for p, i := range m.shown {
		if i == at {
			m.cur.Pos = p
			m.clamp(0)
		}
	}
}

// Playing is the row at the playhead, nil when none.
func (m Model) Playing() *timeline.Row {
	if m.playing < 0 {
		return nil
	}
	return &m.items[m.playing].row
}

// Selected is the row under the cursor, nil when there is none.
func (m Model) Selected() *timeline.Row {
	if m.cur.Pos < 0 || m.cur.Pos >= len(m.shown) || m.shown[m.cur.Pos] == label {
		return nil
	}
	return &m.items[m.shown[m.cur.Pos]].row
}

// Update handles the made timeline, keys and pastes.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.gen != m.gen {
			return m, nil
		}
		m.loading, m.tl, m.items, m.clockW = false, msg.tl, msg.items, msg.clockWidth
		m.playing = -1 // an item of the rows before: the next playhead marks it
		m.refilter()
		m.startCursor()
	case tea.KeyPressMsg:
		if m.typing {
			return m.typeKey(msg)
		}
		m.listKey(msg)
	case tea.PasteMsg:
		if m.typing {
			return m.edit(msg)
		}
	}
	return m, nil
}

// startCursor puts the cursor on the row the view was opened at.
func (m *Model) startCursor() {
	for p, i := range m.shown {
		if i == label {
			continue
		}
		r := m.items[i].row
		if r.Note == m.at && (r.Index == m.atTS || m.atTS < 0) {
			m.cur.Pos = p
			break
		}
	}
	m.clamp(0)
	// the row in the middle of the window, with what came before above it
	if m.cur.Pos > m.listHeight()/2 {
		m.cur.Offset = m.cur.Pos - m.listHeight()/2
		m.clamp(0)
	}
}

func (m *Model) listKey(msg tea.KeyPressMsg) {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Enter):
		if r := m.Selected(); r != nil {
			m.Add(common.OpenLine{Note: r.Note, Line: r.Line, Timestamp: r.Index})
		}
	case key.Matches(msg, k.OpenVideo, k.CopyURL):
		if r := m.Selected(); r != nil {
			m.Add(common.OpenVideo{Note: r.Note, Timestamp: r.Index, Copy: key.Matches(msg, k.CopyURL)})
		}
	case key.Matches(msg, k.RowsFilter):
		m.typing = true
		m.input.Start()
		m.refilter()
	case key.Matches(msg, k.TimelineClose):
		if m.input.Value() != "" {
			m.input.Clear()
			m.refilter()
			return
		}
		m.Add(common.CloseTimeline{})
	default:
		before := m.cur.Pos
		if m.cur.Move(msg, k, len(m.shown), m.listHeight()) {
			m.clamp(m.cur.Pos - before)
		}
	}
}

func (m Model) typeKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.FindAccept):
		m.typing = false
		m.input.Blur()
	case key.Matches(msg, k.QueryClear):
		m.typing = false
		m.input.Blur()
		m.input.Clear()
		m.refilter()
	case key.Matches(msg, k.ChooseUp) && !m.input.CanRecall():
		m.cur.Pos--
		m.clamp(-1)
	case key.Matches(msg, k.ChooseDown):
		m.cur.Pos++
		m.clamp(1)
	default:
		return m.edit(msg)
	}
	return m, nil
}

// edit lets the filter's input have a key or a paste; the rows follow.
func (m Model) edit(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	var changed bool
	m.input, cmd, changed = m.input.Update(msg)
	if changed {
		m.refilter()
	}
	return m, cmd
}

// refilter shows the items holding every word of the filter (anywhere in
// a word, case and accents ignored), keeping the cursor on its row when
// it is still shown.
func (m *Model) refilter() {
	keep := -2
	if p := m.cur.Pos; p >= 0 && p < len(m.shown) {
		keep = m.shown[p]
	}
	words := search.Tokens(m.input.Value())
	m.shown = m.shown[:0]
	labelled := false
	for i, it := range m.items {
		if !matches(it.hay, words) {
			continue
		}
		if it.apart && !labelled {
			m.shown = append(m.shown, label)
			labelled = true
		}
		m.shown = append(m.shown, i)
	}
	m.cur.Pos = 0
	for p, i := range m.shown {
		if i == keep && i != label {
			m.cur.Pos = p
		}
	}
	m.clamp(1)
}

func matches(hay string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// clamp keeps the cursor on a row (stepping past the label line in
// direction dir) and the window around it.
func (m *Model) clamp(dir int) {
	m.cur.Clamp(len(m.shown), m.listHeight())
	if m.cur.Pos < len(m.shown) && m.shown[m.cur.Pos] == label {
		if dir < 0 && m.cur.Pos > 0 {
			m.cur.Pos--
		} else {
			m.cur.Pos++
		}
		m.cur.Clamp(len(m.shown), m.listHeight())
	}
}

// Click moves the cursor to the row at line y of the view.
func (m *Model) Click(y int) {
	p := m.cur.Offset + y - m.headerLines()
	if y >= m.headerLines() && p < len(m.shown) && m.shown[p] != label {
		m.cur.Pos = p
		m.clamp(0)
	}
}

// Scroll moves the window by delta rows.
func (m *Model) Scroll(delta int) {
	m.cur.Scroll(delta, len(m.shown), m.listHeight())
	m.clamp(delta)
}

// ShortHelp is the hint line while the rows have the keyboard.
func (m Model) ShortHelp() []key.Binding {
	k := m.c.Keys
	back := k.TimelineClose
	if m.input.Value() != "" {
		back = k.Clear
	}
	return []key.Binding{k.Enter, k.OpenVideo, back, k.RowsFilter, k.CopyURL}
}

// FullHelp is every key of the view, for the ? screen.
func (m Model) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{{k.Enter, k.OpenVideo, k.CopyURL}, {k.RowsFilter, k.Clear, k.TimelineClose}}
}
