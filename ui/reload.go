package ui

import (
	"errors"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"tubenotes/loader/watch"
	"tubenotes/model"
	engine "tubenotes/model/search"
	"tubenotes/ui/backlinks"
	"tubenotes/ui/notes"
	"tubenotes/ui/safe"
)

// Live reload: a watcher's batches of changed paths are read again in a
// command (Options.Refresh) and the new vault is shown in Update. One
// refresh runs at a time, always from the newest vault, so no change is
// lost; paths that change meanwhile wait for the next.

// watcher is what the browser needs of a loader/watch.Watcher; tests fake it.
type watcher interface {
	Batches() <-chan []string
	Errors() <-chan error
	Close() error
}

// liveReload is the browser's side of following the files.
type liveReload struct {
	watcher    watcher
	failed     bool      // watching failed and the status line said so; r reloads
	refreshing bool      // a refresh runs
	queued     []string  // paths changed since it started
	indexGen   int       // of the newest vault the search index is wanted for
	indexed    int       // the indexGen the search view's index is of
	indexing   bool      // an index build runs
	base       madeIndex // the newest index made, which the next one patches
}

// madeIndex is a search index and the notes it was made of.
type madeIndex struct {
	notes []*model.Note
	index *engine.Index
}

// maxQueued is the most paths kept for the next refresh; past it the whole
// vault is read again, which costs no more.
const maxQueued = 10_000

type (
	watchStartedMsg struct {
		w   watcher
		err error
	}
	watchBatchMsg struct{ paths []string }
	watchErrMsg   struct{ err error }
	refreshedMsg  struct {
		vault   *model.Vault
		listing *notes.Listing // nil when the tree is the same (notes.SameTree)
		index   *engine.Index  // the vault's, when it came with one
		whole   bool           // the whole vault was read again (the reload key)
	}
	indexDueMsg   struct{ gen int }
	indexBuiltMsg struct {
		gen   int
		notes []*model.Note // what index was made of
		index *engine.Index
	}
)

// newWatcher watches a vault's folder: loader/watch, unless a test says.
func newWatcher(dir string) (watcher, error) {
	w, err := watch.New(dir)
	if err != nil {
		return nil, err
	}
	return w, nil
}

// startWatch watches the vault's folder in a command: adding every folder
// is a walk of the vault.
func (m Model) startWatch() tea.Cmd {
	if m.opts.Dir == "" || m.opts.Refresh == nil {
		return nil
	}
	dir, start := m.opts.Dir, m.watch
	return func() tea.Msg {
		w, err := start(dir)
		return watchStartedMsg{w, err}
	}
}

// waitWatch delivers the watcher's next batch or trouble.
func waitWatch(w watcher) tea.Cmd {
	if w == nil {
		return nil
	}
	return func() tea.Msg {
		select {
		case paths, ok := <-w.Batches():
			if !ok {
				return nil // closed: the browser is ending
			}
			return watchBatchMsg{paths}
		case err := <-w.Errors():
			return watchErrMsg{err}
		}
	}
}

// Close stops watching the vault; the program calls it when it ends.
func (m Model) Close() error {
	if m.live.watcher == nil {
		return nil
	}
	return m.live.watcher.Close()
}

// onLive handles the messages of live reload; ok is false for others.
func (m *Model) onLive(msg tea.Msg) (cmd tea.Cmd, ok bool) {
	switch msg := msg.(type) {
	case watchStartedMsg:
		if msg.err != nil {
			return m.watchFailed(msg.err), true
		}
		m.live.watcher = msg.w
		return waitWatch(msg.w), true
	case watchBatchMsg:
		return tea.Batch(m.requestRefresh(msg.paths...), waitWatch(m.live.watcher)), true
	case watchErrMsg:
		return tea.Batch(m.watchFailed(msg.err), waitWatch(m.live.watcher)), true
	case refreshedMsg:
		return m.refreshed(msg), true
	case lighterMsg:
		return m.lighter(msg), true
	case indexDueMsg:
		return m.indexDue(msg), true
	case indexBuiltMsg:
		return m.indexBuilt(msg), true
	}
	return nil, false
}

// watchFailed says once, in the status line, that changes on disk may not
// show, and that the reload key reads the vault again.
func (m *Model) watchFailed(err error) tea.Cmd {
	if m.live.failed {
		return nil
	}
	m.live.failed = true
	// the key first: the cause names a folder and may not fit
	what := "not following changes"
	if left := (*watch.LeftOutError)(nil); errors.As(err, &left) {
		what = "not following changes in one folder" // the rest of the vault is followed
	}
	m.status.SetMessage(what+" ("+m.c.Keys.Reload.Help().Key+" reloads): "+safe.Line(err.Error()), true)
	return nil
}

// reload reads the whole vault again: the reload key.
func (m *Model) reload() tea.Cmd {
	if m.opts.Refresh == nil {
		return nil
	}
	m.status.SetMessage(reloadingMessage, false)
	return m.requestRefresh(".")
}

// reloadingMessage is the status line while the reload key's refresh runs;
// the refresh's end takes it away.
const reloadingMessage = "reading the vault again…"

// canReload reports whether the reload key does something.
func (m Model) canReload() bool { return m.opts.Refresh != nil && m.vault != nil }

// requestRefresh reads paths again ("." the whole vault), now or once the
// refresh running ends; before the vault is loaded they wait for it.
func (m *Model) requestRefresh(paths ...string) tea.Cmd {
	if m.opts.Refresh == nil {
		return nil
	}
	m.live.queued = append(m.live.queued, paths...)
	if len(m.live.queued) > maxQueued || slices.Contains(paths, ".") {
		m.live.queued = []string{"."}
	}
	if m.live.refreshing || m.vault == nil {
		return nil
	}
	return m.startRefresh()
}

// startRefresh reads the queued paths again in a command.
func (m *Model) startRefresh() tea.Cmd {
	if len(m.live.queued) == 0 {
		return nil
	}
	paths := m.live.queued
	m.live.queued = nil
	m.live.refreshing = true
	v, refresh := m.vault, m.opts.Refresh
	whole := slices.Contains(paths, ".")
	return func() tea.Msg {
		nv := refresh(v, paths)
		if notes.SameTree(v, nv) {
			return refreshedMsg{vault: nv, whole: whole} // notes edited: the tree stays
		}
		return refreshedMsg{vault: nv, listing: notes.List(nv), whole: whole}
	}
}

// refreshed shows the vault read again: the tree keeps its folds and
// cursor, the open note is drawn again where it was read (or stays, said
// to be gone, when it was deleted), the history forgets deleted notes,
// and the search index is built again.
func (m *Model) refreshed(msg refreshedMsg) tea.Cmd {
	m.live.refreshing = false
	old, v := m.vault, msg.vault
	m.vault = v
	m.status.SetLoaded(len(v.Notes))
	if msg.whole && m.status.Message() == reloadingMessage {
		m.status.ClearMessage() // read: it would say so for ever
	}
	prepare := func() tea.Msg { v.PrepareBacklinks(); return nil }
	cmds := []tea.Cmd{prepare}
	if msg.index != nil {
		m.live.indexGen++
		cmds = append(cmds, m.indexBuilt(indexBuiltMsg{m.live.indexGen, v.Notes, msg.index}))
	} else {
		cmds = append(cmds, m.rebuildIndex(indexSettle))
	}
	if msg.listing != nil {
		cmds = append(cmds, m.notes.Relist(msg.listing))
	} else {
		m.notes.Repoint(v)
	}
	if cur := m.reader.Note(); cur != nil {
		switch n := v.Note(cur.Path); {
		case n == nil && old.Note(cur.Path) != nil:
			m.status.SetMessage(safe.Line(cur.Path)+" was deleted; its last text stays until you leave it", true)
		case n != nil:
			if n != cur {
				cmds = append(cmds, m.sections.SetNote(n))
			}
			m.notes.MarkOpen(n)
			cmds = append(cmds, m.reader.Replace(v, n), backlinks.Find(v, nil, n))
		default: // the start page
			m.reader.SetVault(v)
		}
	}
	if m.mode == modeTimeline || m.mode == modeHelp && m.helpFrom == modeTimeline {
		cmds = append(cmds, m.timeline.Refresh(v)) // its rows hold the notes as they were
	}
	m.back, m.forward = relocate(v, m.back), relocate(v, m.forward)
	if m.revealed.note != nil {
		m.revealed.note = v.Note(m.revealed.note.Path)
	}
	return tea.Batch(append(cmds, m.startRefresh())...)
}

// relocate is the history in vault v: each visit's note as read again,
// deleted ones left out.
func relocate(v *model.Vault, visits []visit) []visit {
	out := visits[:0:0]
	for _, vi := range visits {
		if n := v.Note(vi.note.Path); n != nil {
			out = append(out, visit{n, vi.yOffset})
		}
	}
	return out
}

// indexSettle is how long the vault must stay unchanged before its search
// index is built again: the note changed is drawn first, and the refreshes
// of a burst make one build.
const indexSettle = 300 * time.Millisecond

// rebuildIndex builds the search index of the vault in the background,
// after settle; meanwhile the search view shows no hits of the old vault.
// One build runs at a time: a vault changed during it is indexed after.
func (m *Model) rebuildIndex(settle time.Duration) tea.Cmd {
	m.search.Invalidate()
	m.index = nil // nor mentions found in it
	m.live.indexGen++
	if settle == 0 {
		return m.indexDue(indexDueMsg{m.live.indexGen})
	}
	gen := m.live.indexGen
	return tea.Tick(settle, func(time.Time) tea.Msg { return indexDueMsg{gen} })
}

// indexDue builds the index unless the vault changed again since (a newer
// tick is coming) or a build runs (its end starts the next).
func (m *Model) indexDue(msg indexDueMsg) tea.Cmd {
	if msg.gen != m.live.indexGen || m.live.indexing {
		return nil
	}
	return m.buildIndex()
}

func (m *Model) buildIndex() tea.Cmd {
	m.live.indexing = true
	gen, all, base := m.live.indexGen, m.vault.Notes, m.live.base
	return func() tea.Msg { return indexBuiltMsg{gen, all, patchIndex(base, all)} }
}

// patchIndex is the index of notes, made from base's: only the notes that
// are not base's (changed or new) are indexed, as a warm start patches the
// cache's index. Building it whole would read the text of every note, and
// a note's text read stays in memory: one edit in a vault opened from its
// cache tripled what the browser held.
func patchIndex(base madeIndex, notes []*model.Note) *engine.Index {
	if base.index == nil {
		return engine.Build(notes)
	}
	from := engine.ReusedFrom(base.notes, notes)
	if !slices.ContainsFunc(from, func(o int32) bool { return o >= 0 }) { // read again whole (the reload key): nothing to keep
		return engine.Build(notes)
	}
	return engine.Patch(base.index, notes, from)
}

func (m *Model) indexBuilt(msg indexBuiltMsg) tea.Cmd {
	m.live.indexing = false
	if msg.gen != m.live.indexGen {
		return m.buildIndex() // the vault changed while it was built
	}
	m.live.indexed = msg.gen
	m.live.base = madeIndex{msg.notes, msg.index}
	m.index = msg.index
	cmd := m.search.SetIndex(msg.index)
	if n := m.reader.Note(); n != nil && m.vault.Note(n.Path) == n { // the links pane, with mentions again
		cmd = tea.Batch(cmd, backlinks.Find(m.vault, m.index, n))
	}
	return cmd
}

// onOwn handles the messages of live reload, the editor and the theme
// picker; ok is false for others.
func (m *Model) onOwn(msg tea.Msg) (tea.Cmd, bool) {
	if cmd, ok := m.onLive(msg); ok {
		return cmd, true
	}
	switch msg := msg.(type) {
	case editedMsg:
		return m.edited(msg), true
	case themeSavedMsg:
		m.themeSaved(msg)
		return nil, true
	}
	return nil, false
}
