package ui

import (
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	engine "tubenotes/model/search"
	"tubenotes/ui/backlinks"
	"tubenotes/ui/common"
	"tubenotes/ui/player"
	"tubenotes/ui/searchview"
)

// resizedMsg fires when the window may have stopped changing size.
type resizedMsg struct{ gen int }

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
		m.theme.dark = msg.IsDark()
		if m.opts.Style == "" { // a forced style stays
			m.c.Styles = themeStyles("", msg.IsDark())
			cmd = m.reader.SetDark(msg.IsDark())
		}
	case loadProgressMsg:
		m.status.SetProgress(msg.done, msg.total)
		cmd = waitProgress(m.progress)
	case loadedMsg:
		cmd = m.loaded(msg)
	case stateMsg:
		cmd = m.onState(msg)
	case openedMsg:
		cmd = m.opened(msg)
	case player.PlayheadMsg:
		cmd = m.onPlayhead(msg.Playhead)
	case player.DoneMsg:
		m.onPlayerDone(msg)
	case searchview.IndexedMsg:
		if m.live.indexGen > 0 {
			break // the load's index, of a vault read again since (reload.go)
		}
		m.index = msg.Index
		m.live.base = madeIndex{m.vault.Notes, msg.Index}
		m.search, cmd = m.search.Update(msg)
		cmd = tea.Batch(cmd, m.keepCmd(msg.Index))
		if n := m.reader.Note(); n != nil && m.vault != nil { // now with its mentions
			cmd = tea.Batch(cmd, backlinks.Find(m.vault, m.index, n))
		}
	case common.BodiesLoadedMsg:
		m.search, cmd = m.search.Update(msg)
		m.sections, _ = m.sections.Update(msg)
		cmd = tea.Batch(cmd, m.begin()) // when it waited for index.md's text
	case backlinks.FoundMsg:
		m.links, _ = m.links.Update(msg)
		cmd = m.resizePanes(false) // the links take the rows they need
	case tea.KeyPressMsg:
		m.status.ClearMessage()
		cmd = m.key(msg)
	case tea.PasteMsg:
		cmd = m.paste(msg)
	case tea.MouseWheelMsg:
		m.wheel(msg.Mouse())
	case tea.MouseClickMsg:
		cmd = m.click(msg.Mouse())
	default:
		if c, ok := m.onOwn(msg); ok {
			cmd = c
			break
		}
		var nc, rc, sc tea.Cmd
		m.notes, nc = m.notes.Update(msg)
		m.reader, rc = m.reader.Update(msg)
		m.search, sc = m.search.Update(msg)
		var tc tea.Cmd
		m.timeline, tc = m.timeline.Update(msg)
		cmd = tea.Batch(nc, rc, sc, tc)
	}
	cmd = tea.Batch(cmd, m.takeActions(), m.replayDeferred(), m.saveLater(msg))
	m.follow()
	m.followPlayhead()
	return m, cmd
}

// takeActions acts on what the panes asked for since it last ran.
func (m *Model) takeActions() tea.Cmd {
	var cmds []tea.Cmd
	for _, a := range slices.Concat(m.notes.Take(), m.sections.Take(), m.links.Take(), m.reader.Take(), m.search.Take(), m.timeline.Take()) {
		cmds = append(cmds, m.act(a))
	}
	return tea.Batch(cmds...)
}

// act does one action; the switch covers the whole closed set.
func (m *Model) act(a common.Action) tea.Cmd {
	switch a := a.(type) {
	case common.OpenNote:
		if a.FocusReader { // first, so the reader gets the layout it will be seen in
			m.setFocus(focusReader)
		}
		return m.openRemembered(a.Note)
	case common.ScrollToSection:
		m.reader.ScrollToSection(a.Index)
	case common.OpenVideo:
		if a.Video != "" {
			return m.linkedVideo(a.Note, a.Video, a.Copy)
		}
		return m.video(a.Note, a.Timestamp, a.Copy)
	case common.OpenLink:
		return m.openLink(a.Note, a.Index)
	case common.FollowLink:
		return m.followLink(a.Note, a.Index)
	case common.IndexDamaged:
		m.status.SetMessage("the cache's search index is damaged: indexing the vault again…", true)
		return m.rebuildIndex(0)
	case common.OpenHit:
		return m.openHit(a)
	case common.OpenLine:
		return m.openLine(a)
	case common.ShowTimeline:
		return m.showTimeline(a.Note, a.Timestamp)
	case common.CloseTimeline:
		m.mode = modeBrowse
	case common.StartFilter:
		return m.startFilter()
	case common.StartFind:
		return m.startFind()
	case common.CloseSearch:
		m.closeSearch()
	}
	return nil
}

// resize lays the panes out for a new window size; the reader follows once
// the sizes stop changing (the first size applies at once).
func (m *Model) resize(w, h int) tea.Cmd {
	first := !m.sized
	m.width, m.height, m.sized = max(w, 0), max(h, 0), true
	cmd := m.resizePanes(first)
	if first {
		return cmd
	}
	m.resizeGen++
	gen := m.resizeGen
	return tea.Batch(cmd, tea.Tick(resizeSettle, func(time.Time) tea.Msg { return resizedMsg{gen} }))
}

// loaded shows the vault, or why it could not be read, and starts the
// search index and the first note.
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
	v := msg.vault
	prepare := func() tea.Msg { v.PrepareBacklinks(); return nil }
	index := tea.Batch(refilter, searchview.BuildIndex(v.Notes), prepare, m.startRefresh())
	if msg.index != nil { // from a cache: search is ready with the vault
		var ready tea.Cmd
		m.index = msg.index
		m.live.base = madeIndex{v.Notes, msg.index}
		m.search, ready = m.search.Update(searchview.IndexedMsg{Index: msg.index})
		index = tea.Batch(refilter, ready, m.keepCmd(msg.index), prepare, m.startRefresh())
	}
	return tea.Batch(index, m.begin()) // the first note, once the state is read too
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
		section = engine.Plain(n.Sections[cur].Title)
	}
	m.status.SetCrumbs(n.Channel, n.Title, section)
}
