package ui

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"tubenotes/model"
	"tubenotes/ui/common"
	"tubenotes/ui/reader"
	"tubenotes/ui/safe"
	"tubenotes/ui/start"
	"tubenotes/ui/state"
)

// What the browser remembers of a vault between runs: where the user left
// off (resumed at start), the last place in each note (restored when it is
// opened again), recent notes and bookmarks (bookmarks.go). The state is
// read and written only in commands; Update changes the copy in memory.

// StateStore keeps the state of one vault: ui/state's Store, or a fake.
type StateStore interface {
	Load() (st *state.State, msg string, err error)
	Save(st *state.State) (msg string, err error)
	Path() string // the file, which messages name
}

// saveDelay is how long moves must stop before where the user is gets
// written: a burst of scrolling is one write.
const saveDelay = time.Second

// maxHistory bounds the back and forward lists kept in the state.
const maxHistory = 100

// memory is the root's side of the state.
type memory struct {
	st    *state.State // nil without a store, or when it cannot be read
	read  bool         // the state has been read, or there is none to read
	begun bool         // the first note has been opened (resumed or not)
	saved state.Resume // where the user was at the last save, so unchanged places are not written again

	delay   time.Duration // saveDelay; shorter in tests
	gen     int           // the newest debounce tick
	seq     int           // the newest save asked for
	changes int           // bookmark changes so far: a save's merged bookmarks are taken only if none happened meanwhile
	saver   *saver
	now     func() time.Time
}

// saver runs saves one at a time and drops one older than a save already
// written, so a slow save never overwrites a newer one.
type saver struct {
	mu      sync.Mutex
	written int
}

// save writes st unless a newer save (a higher seq) has been written;
// done says whether it wrote.
func (s *saver) save(store StateStore, seq int, st *state.State) (msg string, done bool, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if seq <= s.written {
		return "", false, nil
	}
	s.written = seq
	msg, err = store.Save(st)
	return msg, true, err
}

// The state's messages; Update hands every one to onState.
type stateMsg interface{ stateMsg() }

type stateLoadedMsg struct {
	st  *state.State
	msg string
	err error
}

type stateSavedMsg struct {
	st      *state.State // as written: merged with the file
	changes int          // memory.changes when the save was asked for
	msg     string
	err     error
}

type saveTickMsg struct{ gen int }

func (stateLoadedMsg) stateMsg() {}
func (stateSavedMsg) stateMsg()  {}
func (saveTickMsg) stateMsg()    {}

// loadStateCmd reads the state, nil with no store (nothing is kept then).
func (m Model) loadStateCmd() tea.Cmd {
	store := m.opts.State
	if store == nil {
		return nil
	}
	return func() tea.Msg {
		st, msg, err := store.Load()
		return stateLoadedMsg{st, msg, err}
	}
}

func (m *Model) onState(msg stateMsg) tea.Cmd {
	switch msg := msg.(type) {
	case stateLoadedMsg:
		m.mem.read = true
		switch {
		case msg.err != nil:
			m.status.SetMessage(msg.err.Error()+"; nothing is remembered this time", true)
		default:
			m.mem.st = msg.st
			if msg.msg != "" {
				m.status.SetMessage(m.stateMessage(msg.msg), true)
			}
		}
		return m.begin()
	case saveTickMsg:
		if msg.gen == m.mem.gen && !reflect.DeepEqual(m.resumeHere(), m.mem.saved) {
			return m.save()
		}
	case stateSavedMsg:
		switch {
		case msg.err != nil:
			m.status.SetMessage("cannot save where you are: "+msg.err.Error(), true)
		case msg.msg != "":
			m.status.SetMessage(m.stateMessage(msg.msg), true)
		}
		if msg.err == nil && msg.st != nil && msg.changes == m.mem.changes && m.mem.st != nil {
			// another instance's bookmarks, merged in by the save
			m.mem.st.Bookmarks, m.mem.st.Deleted = msg.st.Bookmarks, msg.st.Deleted
			m.marks.cur.Clamp(len(m.mem.st.Bookmarks), 0)
		}
	}
	return nil
}

// stateMessage is a message of the state store with the state folder left
// out of the files it names, so the point fits on the status line (the
// README says where the folder is).
func (m Model) stateMessage(msg string) string {
	return strings.ReplaceAll(msg, filepath.Dir(m.opts.State.Path())+string(filepath.Separator), "")
}

// begin opens the first note once both the vault and the state are in:
// where the user left off, else the index page.
func (m *Model) begin() tea.Cmd {
	if m.mem.begun || !m.mem.read || m.vault == nil {
		return nil
	}
	if index := m.vault.Note(indexPath); index != nil && !index.BodyLoaded() {
		return common.LoadBodies(index) // startNote reads it; begin runs again on its BodiesLoadedMsg
	}
	m.mem.begun = true
	if st := m.mem.st; st != nil && !m.opts.Fresh {
		if cmd, ok := m.resume(st.Resume); ok {
			return cmd
		}
	}
	return m.openNote(m.startNote(m.vault), 0, false)
}

// resume goes back to r: folds, history, focus, then the note at its
// scroll with its timestamp selected. ok is false when there was no note
// open, or it has gone (which the status line says).
func (m *Model) resume(r state.Resume) (cmd tea.Cmd, ok bool) {
	v := m.vault
	if r.Folds != nil { // nil: never saved, the tree keeps its own folds
		m.notes.SetFolds(r.Folds)
	}
	m.back, m.forward = visits(v, r.Back), visits(v, r.Forward)
	if r.Note == "" {
		return nil, false
	}
	n := v.Note(r.Note)
	if n == nil {
		m.status.SetMessage(fmt.Sprintf("%s, open when you left, is gone; starting at the index", safe.Line(r.Note)), true)
		return nil, false
	}
	m.setFocus(paneNamed(r.Pane))
	cmd = m.openNote(n, r.Scroll, false)
	m.selectTimestamp(n, r.Timestamp)
	return tea.Batch(cmd, m.resizePanes(true)), true
}

// openRemembered opens n where it was last left.
func (m *Model) openRemembered(n *model.Note) tea.Cmd {
	m.keepPosition()
	p, ok := m.positionOf(n)
	if !ok {
		return m.openNote(n, 0, true)
	}
	cmd := m.openNote(n, p.Scroll, true)
	m.selectTimestamp(n, p.Timestamp)
	return cmd
}

// leaving notes that the reader goes from its note to n: the note left
// keeps its place, and n becomes the most recent note.
func (m *Model) leaving(n *model.Note) {
	if m.mem.st == nil || n == nil {
		return
	}
	if cur := m.reader.Note(); cur != n {
		m.keepPosition()
	}
	if m.inVault(n) {
		m.mem.st.Opened(n.Path, m.mem.now())
	}
}

// keepPosition records the place of the note in the reader.
func (m *Model) keepPosition() {
	n := m.reader.Note()
	if m.mem.st == nil || !m.inVault(n) || m.reader.Rendering() {
		return
	}
	m.mem.st.SetPosition(state.Position{Note: n.Path, Scroll: m.reader.YOffset(),
		Timestamp: m.selectedTimestamp(), Seen: m.mem.now()})
}

func (m Model) positionOf(n *model.Note) (state.Position, bool) {
	if m.mem.st == nil || !m.inVault(n) {
		return state.Position{}, false
	}
	return m.mem.st.PositionOf(n.Path)
}

// inVault reports whether n is one of the vault's notes (a page made in
// memory is not kept).
func (m Model) inVault(n *model.Note) bool {
	return n != nil && m.vault != nil && m.vault.Note(n.Path) == n
}

func (m Model) selectedTimestamp() int {
	if sel := m.reader.Selection(); sel.Kind == reader.TimestampSel {
		return sel.Index
	}
	return -1
}

// selectTimestamp selects timestamp ts of n, if it is one.
func (m *Model) selectTimestamp(n *model.Note, ts int) {
	if ts >= 0 && ts < len(n.Timestamps) && n.Timestamps[ts].Valid {
		m.reader.Select(reader.Selection{Kind: reader.TimestampSel, Index: ts})
	}
}

// resumeHere is where the user is now, as the state keeps it.
func (m Model) resumeHere() state.Resume {
	r := state.Resume{Timestamp: -1, Pane: paneName(m.focus), Folds: m.notes.Folds(),
		Back: places(m.back), Forward: places(m.forward)}
	if n := m.reader.Note(); m.inVault(n) {
		r.Note, r.Scroll, r.Timestamp = n.Path, m.reader.YOffset(), m.selectedTimestamp()
	}
	return r
}

// saveLater writes where the user is once moves stop for saveDelay.
func (m *Model) saveLater(msg tea.Msg) tea.Cmd {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.MouseClickMsg, tea.MouseWheelMsg:
	default:
		return nil
	}
	if m.mem.st == nil || !m.mem.begun {
		return nil
	}
	m.mem.gen++
	gen := m.mem.gen
	return tea.Tick(m.mem.delay, func(time.Time) tea.Msg { return saveTickMsg{gen} })
}

// snapshot brings the state up to where the user is and returns a copy
// for a command to write, with the save's sequence number.
func (m *Model) snapshot() (*state.State, int) {
	m.keepPosition()
	m.mem.st.Resume = m.resumeHere()
	m.mem.saved = m.mem.st.Resume
	m.mem.seq++
	return clone(m.mem.st), m.mem.seq
}

// save writes the state in a command.
func (m *Model) save() tea.Cmd {
	if m.mem.st == nil || !m.mem.begun {
		return nil
	}
	st, seq := m.snapshot()
	store, sv, changes := m.opts.State, m.mem.saver, m.mem.changes
	return func() tea.Msg {
		msg, done, err := sv.save(store, seq, st)
		if !done {
			return nil
		}
		return stateSavedMsg{st: st, changes: changes, msg: msg, err: err}
	}
}

// quit writes the state, then quits. Before the first note opens there
// is nothing new to keep.
func (m *Model) quit() tea.Cmd {
	if m.mem.st == nil || !m.mem.begun {
		return tea.Quit
	}
	st, seq := m.snapshot()
	store, sv := m.opts.State, m.mem.saver
	return func() tea.Msg {
		_, _, _ = sv.save(store, seq, st) // nowhere left to say it failed
		return tea.QuitMsg{}
	}
}

// startLists are the notes the start page lists (ui/start's Options
// Recent and Bookmarks): those read last, and those with bookmarks, newest
// first, each once. The start page is made when the vault opens, so it
// lists them as they were at start.
func (m Model) startLists() (recent, bookmarked []*model.Note) {
	if m.mem.st == nil || m.vault == nil {
		return nil, nil
	}
	for _, r := range m.mem.st.Recent {
		if n := m.vault.Note(r.Note); n != nil && !(n.Path == indexPath && start.IsEmpty(n)) { // an empty index is the start page itself (its text is read: see begin)
			recent = append(recent, n)
		}
	}
	for i := len(m.mem.st.Bookmarks) - 1; i >= 0; i-- {
		if n := m.vault.Note(m.mem.st.Bookmarks[i].Note); n != nil && !slices.Contains(bookmarked, n) {
			bookmarked = append(bookmarked, n)
		}
	}
	return recent, bookmarked
}

// clone is a copy of st sharing nothing a later change touches.
func clone(st *state.State) *state.State {
	c := *st
	c.Positions = slices.Clone(st.Positions)
	c.Bookmarks = slices.Clone(st.Bookmarks)
	c.Recent = slices.Clone(st.Recent)
	c.Deleted = slices.Clone(st.Deleted)
	c.Resume.Folds = slices.Clone(st.Resume.Folds)
	c.Resume.Back = slices.Clone(st.Resume.Back)
	c.Resume.Forward = slices.Clone(st.Resume.Forward)
	return &c
}

// places is the history as the state keeps it, the newest maxHistory.
func places(vs []visit) []state.Place {
	vs = vs[max(len(vs)-maxHistory, 0):]
	out := make([]state.Place, 0, len(vs))
	for _, v := range vs {
		out = append(out, state.Place{Note: v.note.Path, Scroll: v.yOffset})
	}
	return out
}

// visits is the history kept in the state, less the notes gone since.
func visits(v *model.Vault, ps []state.Place) []visit {
	var out []visit
	for _, p := range ps {
		if n := v.Note(p.Note); n != nil {
			out = append(out, visit{n, p.Scroll})
		}
	}
	return out
}

var paneNames = map[focus]string{focusNotes: "notes", focusSections: "sections", focusLinks: "links", focusReader: "reader"}

func paneName(f focus) string { return paneNames[f] }

// paneNamed is the pane of a name in the state, the notes when unknown.
func paneNamed(name string) focus {
	for f, n := range paneNames {
		if n == name {
			return f
		}
	}
	return focusNotes
}
