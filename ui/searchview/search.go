// Package searchview is the search view, which works like fzf: the query
// stays editable at the top while ↑/↓ (ctrl+p/ctrl+n) move a highlighted
// selection through the hits below it, grouped under their note (one
// header line, then each matching line with its moment); at 100 columns
// and more a preview of the chosen hit in context sits beside the list.
// Searching runs in a command, one at a time; a newer query makes older
// answers stale, and they are dropped. What the user picks is queued as an
// action (see common.Actions) for the root: common.OpenHit,
// common.OpenVideo, common.CloseSearch. The root's search mode gives this
// view every key.
package searchview

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"tubenotes/model"
	engine "tubenotes/model/search"
	"tubenotes/ui/common"
	"tubenotes/ui/query"
)

// IndexedMsg carries an index built by BuildIndex.
type IndexedMsg struct{ Index *engine.Index }

// BuildIndex builds the search index of notes in a command, so the first
// frame and the note count never wait for it.
func BuildIndex(notes []*model.Note) tea.Cmd {
	return func() tea.Msg { return IndexedMsg{Index: engine.Build(notes)} }
}

// resultMsg is the answer to the query of generation gen.
type resultMsg struct {
	gen     int
	query   *engine.Query
	result  engine.Result
	damaged bool // the index could not read part of itself
}

// Model is the search view.
type Model struct {
	c             *common.Common
	width, height int
	input         query.Model
	index         *engine.Index

	gen      int           // of the text typed last
	want     *engine.Query // parsed from that text, to run
	pending  bool          // want has no answer yet
	inflight bool          // a search runs; at most one does at a time
	err      string        // why the typed query can't be read

	query  *engine.Query // of the results shown
	result engine.Result
	rows   rows      // the result's hits under their notes' headers
	cache  *hitCache // the hits' moments and snippets, worked out once
	sel    int       // the chosen hit, an index into result.Hits
	top    int       // the first row in the window

	common.Actions
}

// New is an empty search view.
func New(c *common.Common) Model {
	in := query.New(c, prompt, `words "a phrase" -exclude channel:name title:word`)
	return Model{c: c, input: in, cache: newHitCache()}
}

// SetIndex gives the view the index to search and reruns the query typed
// while it was being built.
func (m *Model) SetIndex(ix *engine.Index) tea.Cmd {
	m.index = ix
	if m.inflight {
		return nil // its answer is stale now and starts the search again
	}
	return m.run()
}

// prompt is drawn before the query.
const prompt = "Search: "

// SetSize sets the view's size, input and header lines included.
func (m *Model) SetSize(w, h int) tea.Cmd {
	m.width, m.height = max(w, 0), max(h, 0)
	m.input.SetWidth(m.width - len(prompt) - 1)
	m.clamp()
	return m.loadShown()
}

// Focus gives the view the keyboard, with the query ready to edit.
func (m *Model) Focus() tea.Cmd { return m.input.Focus() }

// Blur takes the keyboard away.
func (m *Model) Blur() { m.input.Blur() }

// Query is the text typed.
func (m Model) Query() string { return m.input.Value() }

// Result is the shown answer: its hits and the number of notes they are in.
func (m Model) Result() engine.Result { return m.result }

// Selected is the index of the chosen hit, -1 when there is none.
func (m Model) Selected() int {
	if len(m.result.Hits) == 0 {
		return -1
	}
	return m.sel
}

// Pending reports whether a newer query than the shown results is running.
func (m Model) Pending() bool { return m.pending }

// Update handles keys, the answers of searches and the texts of their
// notes, then asks for the texts of the notes shown that are not read yet.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	m, cmd := m.update(msg)
	return m, tea.Batch(cmd, m.loadShown())
}

func (m Model) update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case common.BodiesLoadedMsg:
		if p := m.cache.play; p >= 0 && p < len(m.result.Hits) && m.result.Hits[p].Note.BodyLoaded() {
			m.cache.play = -1
			m.playHit(p)
		}
		return m, nil
	case resultMsg:
		m.inflight = false
		if msg.damaged {
			m.Add(common.IndexDamaged{}) // its hits may miss notes: none are shown
			return m, nil
		}
		if msg.gen != m.gen { // an older query: its answer is stale
			if m.pending && m.index != nil {
				return m, m.launch() // the text typed since
			}
			return m, nil
		}
		m.query, m.result, m.pending = msg.query, msg.result, false
		m.rows, m.cache = groupRows(m.result.Hits), newHitCache()
		m.sel, m.top = 0, 0
		m.clamp()
		return m, nil
	case IndexedMsg:
		return m, m.SetIndex(msg.Index)
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.PasteMsg:
		return m.edit(msg)
	}
	return m, nil
}

// key acts on a key: the few that choose, open or leave, else the query's.
func (m Model) key(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.c.Keys
	hits := len(m.result.Hits) > 0
	switch {
	case key.Matches(msg, k.SearchAccept):
		m.open()
	case key.Matches(msg, k.SearchPlay):
		m.openVideo()
	case key.Matches(msg, k.SearchClose):
		m.Add(common.CloseSearch{})
	case hits && key.Matches(msg, k.ChooseUp): // with no hits, ↑ may recall the last query
		m.choose(m.sel - 1)
	case key.Matches(msg, k.ChooseDown):
		m.choose(m.sel + 1)
	case key.Matches(msg, k.PageUp):
		m.choose(m.sel - m.listRows())
	case key.Matches(msg, k.PageDown):
		m.choose(m.sel + m.listRows())
	default:
		return m.edit(msg)
	}
	return m, nil
}

// edit lets the query input have the message and searches when the text
// changed.
func (m Model) edit(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	var changed bool
	m.input, cmd, changed = m.input.Update(msg)
	if changed {
		cmd = tea.Batch(cmd, m.run())
	}
	return m, cmd
}

// ShortHelp is the hint line of the search mode. No key of it types: the
// query is always being typed.
func (m Model) ShortHelp() []key.Binding {
	k := m.c.Keys
	if len(m.result.Hits) == 0 {
		return []key.Binding{k.SearchClose}
	}
	return []key.Binding{k.SearchAccept, k.SearchPlay, common.Pair(k.ChooseUp, k.ChooseDown, "choose"), k.SearchClose}
}

// FullHelp is every key of the search view, for the ? screen.
func (m Model) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{
		{k.SearchAccept, k.SearchPlay, common.Pair(k.ChooseUp, k.ChooseDown, "choose"), k.SearchClose},
		{k.PageUp, k.PageDown},
	}
}

// run parses the typed query and, when it reads, searches in a command.
// Every call starts a new generation: answers to older text are dropped.
// One search runs at a time; text typed meanwhile is searched when it ends,
// so fast typing never piles searches up on the cores.
func (m *Model) run() tea.Cmd {
	m.gen++
	m.err = ""
	q, err := engine.Parse(m.input.Value())
	if err != nil {
		m.err, m.pending, m.want = err.Error(), false, nil
		return nil
	}
	if q.Empty() {
		m.query, m.result, m.pending, m.want = nil, engine.Result{}, false, nil
		m.rows, m.sel, m.top, m.cache = rows{}, 0, 0, newHitCache()
		return nil
	}
	m.want, m.pending = q, true
	if m.index == nil || m.inflight {
		return nil // SetIndex, or the running search's answer, starts it
	}
	return m.launch()
}

// launch searches for want in a command.
func (m *Model) launch() tea.Cmd {
	m.inflight = true
	gen, ix, q, window := m.gen, m.index, m.want, m.listRows()
	return func() tea.Msg {
		res := ix.Search(q)
		readFirst(res.Hits, window)
		return resultMsg{gen: gen, query: q, result: res, damaged: ix.Err() != nil}
	}
}

// readFirst reads the texts a cache left on disk of the notes of the hits
// in the first window of rows (see groupRows): the answer's first window
// then shows whole at once, and only scrolling asks for more (loadShown).
func readFirst(hits []engine.Hit, window int) {
	row := 0
	for i, h := range hits {
		if i == 0 || h.Note != hits[i-1].Note {
			row++ // the note's header
		}
		if row >= window {
			return
		}
		row++
		h.Note.Text()
	}
}

func (m *Model) open() {
	i := m.Selected()
	if i < 0 {
		return
	}
	h := m.result.Hits[i]
	m.Add(common.OpenHit{Note: h.Note, Line: h.Line, Query: m.input.Value(), FindTerms: findTerms(m.query)})
}

// openVideo asks to play the chosen hit's moment; with none (-1) the root
// says so. While the hit's note's text is being read, the moment is not
// known yet: it is played when the text comes.
func (m *Model) openVideo() {
	i := m.Selected()
	if i < 0 {
		return
	}
	if _, ok := m.moment(i); !ok {
		m.cache.play = i
		return
	}
	m.playHit(i)
}

// playHit asks to play hit i's moment, whose note's text is read.
func (m *Model) playHit(i int) {
	ts, _ := m.moment(i)
	m.Add(common.OpenVideo{Note: m.result.Hits[i].Note, Timestamp: ts})
}

// findTerms are what the reader's find-in-note should look for: the query's
// words and phrases (not its exclusions or filters).
func findTerms(q *engine.Query) []string {
	if q == nil {
		return nil
	}
	terms := make([]string, 0, len(q.Terms))
	for _, t := range q.Terms {
		terms = append(terms, strings.Join(t.Words, " "))
	}
	return terms
}

// Invalidate drops the index and the hits shown: the vault changed, so
// they may name notes that are gone or lines that moved. The query typed
// runs again once SetIndex brings the new vault's index.
func (m *Model) Invalidate() {
	m.index = nil
	m.gen++ // the answer of a search running on the old index is dropped
	m.query, m.result = nil, engine.Result{}
	m.rows, m.sel, m.top, m.cache = rows{}, 0, 0, newHitCache()
	m.pending = m.want != nil
}
