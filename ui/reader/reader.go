// Package reader is the pane that shows one note as ui/render lays it out,
// with timestamp badges and links that can be selected, and find-in-note.
// Rendering runs in a command, cached per note, width and style. Its keys
// (keys.go) come through Update like every pane's; what they ask of the
// root is queued as common.Actions.
package reader

import (
	"strings"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"tubenotes/model"
	"tubenotes/ui/common"
	"tubenotes/ui/render"
)

// Options configure a reader.
type Options struct {
	// Style is "dark", "light", "notty" or the path of a glamour JSON
	// style, whose contents are StyleJSON; "" follows the terminal (dark
	// until SetDark says otherwise).
	Style     string
	StyleJSON []byte
	// MaxWidth caps the reading column; 0 means 100.
	MaxWidth int
	// Keys are the bindings the pane reads; nil means the default key map.
	Keys *common.KeyMap
}

// DefaultMaxWidth is the reading column's width when Options leave it 0.
const DefaultMaxWidth = 100

// Kind is what a Selection points at.
type Kind int

const (
	None Kind = iota
	TimestampSel
	LinkSel
	// WebLinkSel is a markdown link to an http(s) page; ]/[ step through
	// them with the wikilinks, t/T with the timestamps when it names a
	// YouTube video (a channel page's video headings).
	WebLinkSel
)

// Selection is the selected badge or link: Index is into Note.Timestamps,
// Note.Links, or counts the note's markdown links (Note.WebLinkTarget).
type Selection struct {
	Kind  Kind
	Index int
}

// Model is the reader pane.
type Model struct {
	opts   Options
	dark   bool
	width  int
	height int

	vault *model.Vault
	note  *model.Note

	cache    *cache
	doc      *rendered           // what is shown: the current key's rendering, or an older one meanwhile
	inflight map[render.Key]bool // renderings commands are making
	renderer *renderer           // runs them one at a time
	spinner  spinner.Model

	yOffset int
	pending pendingScroll // applied when the current rendering arrives
	// jumped is the section last scrolled to and the offset it left, so
	// that a section too near the end to reach the top line still counts
	// as the current one.
	jumped struct{ section, yOffset int }

	sel     Selection
	offers  offers // what the shown rendering's keys can act on
	playing int    // the timestamp marked as being played, -1 none

	terms    []string // folded find terms
	matches  []match
	current  int // index into matches, -1 none
	findLine int // the source line of the search hit the find is for, 0 none

	common.Actions
}

// pendingScroll is a scroll asked for before the note was rendered.
type pendingScroll struct {
	kind pendingKind
	arg  int
}

type pendingKind int

const (
	pendNone pendingKind = iota
	pendOffset
	pendSection
	pendSource
)

// rendered is a note's rendering with its find index, built in the same
// command.
type rendered struct {
	*render.Doc
	fold *foldIndex
	size int // bytes, as the cache counts them
}

// renderedMsg carries a finished rendering back to Update.
type renderedMsg struct{ r *rendered }

// New makes an empty reader.
func New(opts Options) Model {
	if opts.MaxWidth <= 0 {
		opts.MaxWidth = DefaultMaxWidth
	}
	if opts.Keys == nil {
		k := common.DefaultKeyMap()
		opts.Keys = &k
	}
	return Model{
		opts:     opts,
		dark:     true,
		cache:    newCache(cacheBudget),
		inflight: map[render.Key]bool{},
		renderer: newRenderer(),
		spinner:  spinner.New(spinner.WithSpinner(spinner.Dot)),
		current:  -1,
		playing:  -1,
		jumped:   struct{ section, yOffset int }{-1, -1},
	}
}

// SetSize sets the pane's size. The returned command renders the note at
// the new width when it is not in the cache yet; the root debounces resizes
// and runs it.
func (m *Model) SetSize(w, h int) tea.Cmd {
	m.width, m.height = max(w, 0), max(h, 0)
	m.clamp()
	return m.ensure()
}

// SetDark tells the reader the terminal's background; with an automatic
// style it re-renders in the matching one.
func (m *Model) SetDark(dark bool) tea.Cmd {
	if m.dark == dark {
		return nil
	}
	m.dark = dark
	if m.opts.Style != "" {
		return nil
	}
	return m.ensure()
}

// Open shows note n of vault v scrolled to yOffset (a position kept in the
// history). Selection and find matches of the previous note are dropped;
// the find query stays and is looked for in the new note.
func (m *Model) Open(v *model.Vault, n *model.Note, yOffset int) tea.Cmd {
	m.vault, m.note = v, n
	m.doc = nil
	m.sel, m.playing = Selection{}, -1
	m.matches, m.current, m.findLine = nil, -1, 0
	m.yOffset = 0
	m.pending = pendingScroll{pendOffset, yOffset}
	m.jumped.section, m.jumped.yOffset = -1, -1
	return m.ensure()
}

// SetVault makes v the vault the note shown links into, for a note that
// is none of v's (the start page): its links name the same notes, so
// nothing is drawn again, and the vault it replaced is not kept.
func (m *Model) SetVault(v *model.Vault) { m.vault = v }

// Note is the note shown, nil when none.
func (m Model) Note() *model.Note { return m.note }

// YOffset is the first rendered line shown.
func (m Model) YOffset() int {
	if m.pending.kind == pendOffset {
		return m.pending.arg
	}
	return m.yOffset
}

// Err is what went wrong rendering the note shown (an unreadable style
// file, say), nil when nothing did.
func (m Model) Err() error {
	if m.doc == nil {
		return nil
	}
	return m.doc.Err
}

// Rendering reports whether the note is being rendered (the spinner shows).
func (m Model) Rendering() bool { return m.note != nil && !m.ready() }

// Update handles the reader's own messages: finished renderings (stale ones
// are cached but not shown), spinner ticks, the mouse wheel, and the keys
// the root gives it while it has the keyboard.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		m.keyPress(msg)
	case renderedMsg:
		m.cache.put(msg.r)
		delete(m.inflight, msg.r.Key)
		if m.note != nil && msg.r.Key == m.key() {
			m.show(msg.r)
		}
		return m, m.ensure()
	case skippedMsg:
		delete(m.inflight, msg.key)
		return m, m.ensure()
	case spinner.TickMsg:
		if !m.Rendering() {
			return m, nil
		}
		var cmd tea.Cmd
		m.spinner, cmd = m.spinner.Update(msg)
		return m, cmd
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			m.ScrollBy(-3)
		case tea.MouseWheelDown:
			m.ScrollBy(3)
		}
	}
	return m, nil
}

// key is the rendering the pane needs now.
func (m Model) key() render.Key {
	return render.Key{Note: m.note, Width: m.wrapWidth(), Style: m.styleName()}
}

func (m Model) wrapWidth() int { return max(min(m.width, m.opts.MaxWidth), 20) }

func (m Model) styleName() string {
	switch {
	case m.opts.Style != "":
		return m.opts.Style
	case m.dark:
		return "dark"
	}
	return "light"
}

func (m Model) ready() bool { return m.doc != nil && m.doc.Key == m.key() }

// ensure shows the needed rendering from the cache, or starts a command
// rendering it unless one already is.
func (m *Model) ensure() tea.Cmd {
	if m.note == nil || m.width == 0 {
		return nil
	}
	k := m.key()
	m.renderer.want(k)
	if m.ready() {
		return nil
	}
	if r := m.cache.get(k); r != nil {
		m.show(r)
		return nil
	}
	if m.inflight[k] {
		return nil
	}
	m.inflight[k] = true
	v, st := m.vault, render.NewStyles(k.Style, m.dark)
	st.JSON = m.opts.StyleJSON
	work := m.renderer.command(k, func() *rendered { return newRendered(render.Render(v, k, st)) })
	return tea.Batch(work, m.spinner.Tick)
}

// show makes r the document on screen, keeping the reading position when
// it replaces another rendering of the same note.
func (m *Model) show(r *rendered) {
	old := m.doc
	m.doc = r
	m.offers = m.offersOf()
	switch {
	case m.pending.kind != pendNone:
		p := m.pending
		m.pending = pendingScroll{}
		switch p.kind {
		case pendOffset:
			m.yOffset = p.arg
		case pendSection:
			m.ScrollToSection(p.arg)
		case pendSource:
			m.ScrollToSourceLine(p.arg)
		}
	case old != nil && old.Key.Note == r.Key.Note && len(old.Lines) > 0:
		m.yOffset = m.yOffset * len(r.Lines) / len(old.Lines)
	}
	m.clamp()
	m.refind(false) // a kept find query must not move a restored position
}

// clamp keeps the offset inside the document.
func (m *Model) clamp() {
	if m.doc == nil {
		return
	}
	m.yOffset = max(min(m.yOffset, len(m.doc.Lines)-m.height), 0)
}

// ScrollBy scrolls down by lines (up when negative).
func (m *Model) ScrollBy(lines int) {
	if m.pending.kind == pendOffset {
		m.pending.arg = max(m.pending.arg+lines, 0)
		return
	}
	m.yOffset += lines
	m.clamp()
}

func (m *Model) GotoTop() { m.pending = pendingScroll{}; m.yOffset = 0 }

func (m *Model) GotoBottom() {
	m.pending = pendingScroll{}
	if m.doc != nil {
		m.yOffset = len(m.doc.Lines)
		m.clamp()
	}
}

func (m *Model) PageDown()     { m.ScrollBy(max(m.height-1, 1)) }
func (m *Model) PageUp()       { m.ScrollBy(-max(m.height-1, 1)) }
func (m *Model) HalfPageDown() { m.ScrollBy(max(m.height/2, 1)) }
func (m *Model) HalfPageUp()   { m.ScrollBy(-max(m.height/2, 1)) }

// ScrollToSection puts section i's heading on the top line.
func (m *Model) ScrollToSection(i int) {
	if !m.ready() {
		m.pending = pendingScroll{pendSection, i}
		return
	}
	if i < 0 {
		m.yOffset = 0
	} else if i < len(m.doc.Headings) && m.doc.Headings[i] >= 0 {
		m.yOffset = m.doc.Headings[i]
	}
	m.clamp()
	m.jumped.section, m.jumped.yOffset = i, m.yOffset
}

// ScrollToSourceLine puts the rendered line of the note's source line near
// the top (two lines of context above it).
func (m *Model) ScrollToSourceLine(line int) {
	if !m.ready() {
		m.pending = pendingScroll{pendSource, line}
		return
	}
	m.yOffset = m.doc.LineOfSource(line) - 2
	m.clamp()
}

// TopSourceLine is the line of the note's text at the top of the pane,
// never past the note's last line (1 before the note is rendered).
func (m Model) TopSourceLine() int {
	if !m.ready() {
		return 1
	}
	return min(m.doc.SourceOfLine(m.yOffset), strings.Count(m.note.Text(), "\n")+1)
}

// CurrentSection is the section the top line is in, -1 for the intro (the
// sidebar follows it).
func (m Model) CurrentSection() int {
	if m.doc == nil {
		return -1
	}
	if m.jumped.yOffset == m.yOffset && m.jumped.section < len(m.doc.Headings) {
		return m.jumped.section
	}
	cur := -1
	for i, l := range m.doc.Headings {
		if l >= 0 && l <= m.yOffset {
			cur = i
		}
	}
	return cur
}
