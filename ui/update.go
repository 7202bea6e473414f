package ui

import (
	"errors"
	"time"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"tubenotes/model"
	"tubenotes/ui/common"
	"tubenotes/ui/open"
	"tubenotes/ui/reader"
	"tubenotes/ui/search"
)

// resizedMsg fires when the window may have stopped changing size.
type resizedMsg struct{ gen int }

// openedMsg reports how opening a video went.
type openedMsg struct {
	url string
	err error
}

// Update routes a message to the panes; nothing here waits on I/O.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		cmd = m.resize(msg.Width, msg.Height)
	case resizedMsg:
		if msg.gen == m.resizeGen {
			cmd = m.resizePanes(true)
		}
	case tea.BackgroundColorMsg:
		if m.opts.Style == "" { // a forced style stays
			m.c.Styles = common.NewStyles(msg.IsDark(), false)
			cmd = m.reader.SetDark(msg.IsDark())
		}
	case loadProgressMsg:
		m.status.SetProgress(msg.done, msg.total)
		cmd = waitProgress(m.progress)
	case loadedMsg:
		cmd = m.loaded(msg)
	case openedMsg:
		cmd = m.opened(msg)
	case tea.KeyPressMsg:
		m.status.ClearMessage()
		cmd = m.key(msg)
	case tea.MouseWheelMsg:
		m.wheel(msg.Mouse())
	case tea.MouseClickMsg:
		cmd = m.click(msg.Mouse())
	default:
		var nc, rc, sc tea.Cmd
		m.notes, nc = m.notes.Update(msg)
		m.reader, rc = m.reader.Update(msg)
		m.search, sc = m.search.Update(msg)
		cmd = tea.Batch(nc, rc, sc)
	}
	cmd = tea.Batch(cmd, m.takeRequests(), m.replayDeferred())
	m.follow()
	return m, cmd
}

// mustDefer reports whether a key has to wait: it is meant for the reader
// and the note is still rendering (selection and scrolling need its lines),
// or earlier keys wait already and order must be kept. Keys that leave
// (panes, history, help, search) act at once and drop the waiting keys.
func (m *Model) mustDefer(msg tea.KeyPressMsg) bool {
	if m.leaves(msg) {
		m.deferred = nil
		return false
	}
	return len(m.deferred) > 0 ||
		m.focus == focusReader && m.reader.Rendering() && !m.showHelp && !m.searching && !m.notes.Typing() && !m.finding
}

// leaves reports whether msg takes the user away from the reader's note.
func (m *Model) leaves(msg tea.KeyPressMsg) bool {
	if m.notes.Typing() || m.finding || m.searching || m.showHelp {
		return false
	}
	k := m.c.Keys
	return key.Matches(msg, k.Help, k.NextPane, k.PrevPane, k.Sidebar, k.Back, k.Forward, k.Search)
}

// replayDeferred runs the keys that waited for the note to render, in
// order, until one opens a note that must render in turn.
func (m *Model) replayDeferred() tea.Cmd {
	var cmds []tea.Cmd
	for len(m.deferred) > 0 && !m.reader.Rendering() {
		k := m.deferred[0]
		m.deferred = m.deferred[1:]
		cmds = append(cmds, m.keyNow(k))
	}
	return tea.Batch(cmds...)
}

// takeRequests acts on what the sidebar panes asked for in this update.
func (m *Model) takeRequests() tea.Cmd {
	var cmds []tea.Cmd
	requests := append(m.notes.Take(), m.sections.Take()...)
	for _, r := range append(requests, m.search.Take()...) {
		switch r := r.(type) {
		case search.OpenHitMsg:
			cmds = append(cmds, m.openHit(r))
		case search.OpenVideoMsg:
			cmds = append(cmds, m.video(r.Note, r.Index, false))
		case search.CloseMsg:
			m.closeSearch()
		case common.OpenNote:
			if r.FocusReader { // first, so the reader gets the layout it will be seen in
				m.setFocus(focusReader)
			}
			cmds = append(cmds, m.openNote(r.Note, 0, true))
		case common.ScrollToSection:
			m.reader.ScrollToSection(r.Index)
		case common.OpenVideo:
			cmds = append(cmds, m.video(r.Note, r.Timestamp, r.Copy))
		}
	}
	return tea.Batch(cmds...)
}

func (m *Model) resize(w, h int) tea.Cmd {
	first := !m.sized
	m.width, m.height, m.sized = max(w, 0), max(h, 0), true
	if cmd := m.resizePanes(first); first {
		return cmd
	}
	m.resizeGen++
	gen := m.resizeGen
	return tea.Tick(resizeSettle, func(time.Time) tea.Msg { return resizedMsg{gen} })
}

func (m *Model) loaded(msg loadedMsg) tea.Cmd {
	if msg.err != nil {
		m.loadErr = msg.err
		m.status.SetLoaded(0)
		m.status.SetMessage(msg.err.Error(), true)
		return nil
	}
	m.vault = msg.vault
	refilter := m.notes.SetListing(msg.listing)
	m.notes.SetSize(m.layout().notes.w, m.layout().notes.h)
	m.status.SetLoaded(len(msg.vault.Notes))
	index := tea.Batch(refilter, search.BuildIndex(msg.vault.Notes))
	if n := startNote(msg.vault); n != nil {
		return tea.Batch(index, m.openNote(n, 0, false))
	}
	return index
}

// follow keeps the sidebar and status line in step with the reader.
func (m *Model) follow() {
	n := m.reader.Note()
	if n == nil {
		return
	}
	cur := m.reader.CurrentSection()
	m.sections.SetCurrent(cur)
	section := ""
	if cur >= 0 && cur < len(n.Sections) {
		section = common.HeadingText(n.Sections[cur].Title)
	}
	m.status.SetCrumbs(n.Channel, n.Title, section)
}

// openNote shows n in the reader at yOffset; remember puts the note being
// left into the history.
func (m *Model) openNote(n *model.Note, yOffset int, remember bool) tea.Cmd {
	if n == nil {
		return nil
	}
	if cur := m.reader.Note(); remember && cur != nil && cur != n {
		m.back = append(m.back, visit{cur, m.reader.YOffset()})
		m.forward = nil
	}
	m.endFind()
	m.sections.SetNote(n)
	m.notes.SetOpen(n)
	l := m.layout()
	sized := m.reader.SetSize(l.reader.w, l.reader.h)
	return tea.Batch(sized, m.reader.Open(m.vault, n, yOffset))
}

// travel moves one step through the history: from pops a visit and the
// current note goes onto to, each keeping its scroll position.
func (m *Model) travel(from, to *[]visit, none string) tea.Cmd {
	if len(*from) == 0 {
		m.status.SetMessage(none, false)
		return nil
	}
	v := (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	if cur := m.reader.Note(); cur != nil {
		*to = append(*to, visit{cur, m.reader.YOffset()})
	}
	return m.openNote(v.note, v.yOffset, false)
}

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	if msg.String() == "ctrl+c" {
		return tea.Quit
	}
	if m.mustDefer(msg) {
		if key.Matches(msg, k.Quit) && !m.notes.Typing() && !m.finding {
			return tea.Quit
		}
		if len(m.deferred) < maxDeferred {
			m.deferred = append(m.deferred, msg)
		}
		return nil
	}
	return m.keyNow(msg)
}

// keyNow routes a key to what has the keyboard.
func (m *Model) keyNow(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case m.showHelp:
		if key.Matches(msg, k.Quit) {
			return tea.Quit
		}
		if key.Matches(msg, k.Help, k.Clear) {
			m.showHelp = false
		}
		return nil
	case m.searching:
		var cmd tea.Cmd
		m.search, cmd = m.search.Update(msg)
		return cmd
	case m.notes.Typing():
		var cmd tea.Cmd
		m.notes, cmd = m.notes.Update(msg)
		return cmd
	case m.finding:
		return m.findKey(msg)
	}
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.showHelp = true
	case key.Matches(msg, k.Search):
		m.searching = true
		return m.search.Focus()
	case key.Matches(msg, k.NextPane):
		m.setFocus((m.focus + 1) % 3)
		return m.resizePanes(true)
	case key.Matches(msg, k.PrevPane):
		m.setFocus((m.focus + 2) % 3)
		return m.resizePanes(true)
	case key.Matches(msg, k.Sidebar):
		return m.toggleSidebar()
	case key.Matches(msg, k.Back):
		return m.travel(&m.back, &m.forward, "no earlier note")
	case key.Matches(msg, k.Forward):
		return m.travel(&m.forward, &m.back, "no later note")
	default:
		var cmd tea.Cmd
		switch m.focus {
		case focusNotes:
			m.notes, cmd = m.notes.Update(msg)
		case focusSections:
			m.sections, cmd = m.sections.Update(msg)
		default:
			cmd = m.readerKey(msg)
		}
		return cmd
	}
	return nil
}

// openHit leaves the search view for the note of a hit, scrolled to it,
// with the query's matches highlighted for n and N.
func (m *Model) openHit(h search.OpenHitMsg) tea.Cmd {
	m.closeSearch()
	n := h.Note
	if n == nil && m.vault != nil {
		n = m.vault.Note(h.Path)
	}
	if n == nil {
		return nil
	}
	m.setFocus(focusReader)
	cmd := m.openNote(n, 0, true)
	m.reader.ScrollToSourceLine(h.Line)
	if h.Find != "" {
		m.findQuery = h.Find
		m.reader.SetFind(h.Find)
	}
	return cmd
}

func (m *Model) closeSearch() {
	m.searching = false
	m.search.Blur()
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

func (m *Model) readerKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	n := m.reader.Note()
	if n == nil {
		return nil
	}
	r := &m.reader
	switch {
	case key.Matches(msg, k.Up):
		r.ScrollBy(-1)
	case key.Matches(msg, k.Down):
		r.ScrollBy(1)
	case key.Matches(msg, k.Top):
		r.GotoTop()
	case key.Matches(msg, k.Bottom):
		r.GotoBottom()
	case key.Matches(msg, k.PageUp):
		r.PageUp()
	case key.Matches(msg, k.PageDown):
		r.PageDown()
	case key.Matches(msg, k.HalfUp):
		r.HalfPageUp()
	case key.Matches(msg, k.HalfDown):
		r.HalfPageDown()
	case key.Matches(msg, k.NextTimestamp):
		r.NextTimestamp()
	case key.Matches(msg, k.PrevTimestamp):
		r.PrevTimestamp()
	case key.Matches(msg, k.NextLink):
		r.NextLink()
	case key.Matches(msg, k.PrevLink):
		r.PrevLink()
	case key.Matches(msg, k.Enter):
		return m.activate(r.Selection())
	case key.Matches(msg, k.OpenVideo):
		return m.video(n, r.TimestampForOpen(), false)
	case key.Matches(msg, k.CopyURL):
		return m.video(n, r.TimestampForOpen(), true)
	case key.Matches(msg, k.Find):
		m.finding = true
	case key.Matches(msg, k.FindNext):
		r.FindNext()
	case key.Matches(msg, k.FindPrev):
		r.FindPrev()
	case key.Matches(msg, k.Clear):
		m.endFind()
	}
	return nil
}

// activate opens what the reader has selected: a timestamp's video, or a
// link's note.
func (m *Model) activate(sel reader.Selection) tea.Cmd {
	n := m.reader.Note()
	switch sel.Kind {
	case reader.TimestampSel:
		return m.video(n, sel.Index, false)
	case reader.LinkSel:
		if sel.Index < 0 || sel.Index >= len(n.Links) {
			return nil
		}
		l := n.Links[sel.Index]
		to := m.vault.Note(l.Resolved)
		if to == nil {
			m.status.SetMessage("no note named "+l.Target, true)
			return nil
		}
		return m.openNote(to, 0, true)
	}
	return nil
}

// findKey edits the find-in-note query; the reader highlights as it
// changes.
func (m *Model) findKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "enter":
		m.finding = false
		return nil
	case "esc":
		m.endFind()
		return nil
	case "backspace":
		_, size := utf8.DecodeLastRuneInString(m.findQuery)
		m.findQuery = m.findQuery[:len(m.findQuery)-size]
	default:
		if msg.Text == "" {
			return nil
		}
		m.findQuery += msg.Text
	}
	m.reader.SetFind(m.findQuery)
	return nil
}

func (m *Model) endFind() {
	if m.finding || m.findQuery != "" {
		m.finding, m.findQuery = false, ""
		m.reader.SetFind("")
	}
}

// video opens (or copies) the URL of timestamp ts of n; ts -1 is the
// video's start.
func (m *Model) video(n *model.Note, ts int, copyURL bool) tea.Cmd {
	if n == nil {
		return nil
	}
	url, seconds := model.VideoURL(n.VideoID, 0), 0
	if ts >= 0 && ts < len(n.Timestamps) {
		url, seconds = n.TimestampURL(ts), n.Timestamps[ts].Seconds
		if url == "" && n.HasVideo() {
			m.status.SetMessage("timestamp "+n.Timestamps[ts].Raw+" is not a valid time", true)
			return nil
		}
	}
	if url == "" {
		m.status.SetMessage("this note names no video", true)
		return nil
	}
	if copyURL {
		m.status.SetMessage("copied "+url, false)
		return tea.SetClipboard(url)
	}
	m.status.SetMessage("opening "+url, false)
	opener := m.opts.Opener
	return func() tea.Msg { return openedMsg{url: url, err: opener.Open(url, seconds)} }
}

func (m *Model) opened(msg openedMsg) tea.Cmd {
	switch {
	case errors.Is(msg.err, open.ErrNoDisplay):
		m.status.SetMessage("no display to open a browser on; copied "+msg.url, false)
		return tea.SetClipboard(msg.url)
	case msg.err != nil:
		m.status.SetMessage(msg.err.Error(), true)
	default:
		m.status.SetMessage("opened "+msg.url, false)
	}
	return nil
}

// wheel scrolls the pane under the pointer.
func (m *Model) wheel(ms tea.Mouse) {
	delta := 0
	switch ms.Button {
	case tea.MouseWheelUp:
		delta = -3
	case tea.MouseWheelDown:
		delta = 3
	default:
		return
	}
	l := m.layout()
	switch {
	case l.tooSmall || m.showHelp || m.searching:
	case l.sidebar && l.notes.contains(ms.X, ms.Y):
		m.notes.Scroll(delta)
	case l.sidebar && l.sections.contains(ms.X, ms.Y):
		m.sections.Scroll(delta)
	case l.readerShown && l.reader.contains(ms.X, ms.Y):
		m.reader.ScrollBy(delta)
	}
}

// click selects notes and sections, and opens the badge or link clicked in
// the reader.
func (m *Model) click(ms tea.Mouse) tea.Cmd {
	if ms.Button != tea.MouseLeft {
		return nil
	}
	l := m.layout()
	switch {
	case l.tooSmall || m.showHelp || m.searching:
	case l.sidebar && l.notes.contains(ms.X, ms.Y):
		m.setFocus(focusNotes)
		m.notes.Click(ms.Y - l.notes.y)
	case l.sidebar && l.sections.contains(ms.X, ms.Y):
		m.setFocus(focusSections)
		m.sections.Click(ms.Y - l.sections.y)
	case l.readerShown && l.reader.contains(ms.X, ms.Y):
		m.setFocus(focusReader)
		if sel, ok := m.reader.HitAt(ms.X-l.reader.x, ms.Y-l.reader.y); ok {
			m.reader.Select(sel)
			return m.activate(sel)
		}
	}
	return nil
}
