// Package ui is the terminal browser: a root model that composes the notes,
// sections and reader panes and the status line, loads the vault in the
// background, and opens videos through an Opener.
package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"tubenotes/model"
	engine "tubenotes/model/search"
	"tubenotes/ui/backlinks"
	"tubenotes/ui/common"
	"tubenotes/ui/editor"
	"tubenotes/ui/notes"
	"tubenotes/ui/open"
	"tubenotes/ui/player"
	"tubenotes/ui/query"
	"tubenotes/ui/reader"
	"tubenotes/ui/searchview"
	"tubenotes/ui/sections"
	"tubenotes/ui/status"
	"tubenotes/ui/timelineview"
)

// Options configure the browser.
type Options struct {
	// Load reads the vault, reporting progress; it runs in a command, off
	// the update loop.
	Load func(progress func(done, total int)) (*model.Vault, error)
	// Index, when set, gives the search index of the vault Load returned
	// when the load found one ready (in a cache), nil when the browser
	// must build it. It is called in the load's command.
	Index func(*model.Vault) *engine.Index
	// Indexed, when set, is called in a command, off the update loop, once
	// the vault is shown and its index is ready: to write a cache. It may
	// give back the same vault and index as the cache now holds them,
	// lighter (notes' texts read on demand): the browser then shows those,
	// unless the vault changed meanwhile.
	Indexed func(*model.Vault, *engine.Index) (lighter *model.Vault, lighterIndex *engine.Index)
	// Opener opens videos; the UI never starts a process itself.
	Opener open.Opener
	// Links opens the http(s) pages notes link to: a browser, never the
	// --player command. Nil copies the URL instead.
	Links open.LinkOpener
	// Player, when not nil, is the one player o steers (--player mpv or
	// web): it seeks in place, reports the playhead the notes follow, and
	// takes the pause, seek and capture keys. Nil leaves videos to Opener.
	Player player.Player
	// Style is "" to follow the terminal's background, or dark, light,
	// notty, or a glamour JSON style file's name, whose contents are
	// StyleJSON (read once, by the caller, with a limit).
	Style     string
	StyleJSON []byte
	// MaxWidth caps the reading column (100 when 0).
	MaxWidth int

	// Dir is the vault's absolute folder: it is watched, and notes are
	// edited there. "" (the built-in demo vault) watches and edits nothing.
	Dir string
	// Refresh is v with the files at paths read again (a watcher's batch;
	// "." for the whole vault), run in a command: loader.Refresh, and the
	// place to keep a cache of the vault current. Nil reloads nothing.
	Refresh func(v *model.Vault, paths []string) *model.Vault
	// Editor makes the command e runs on the open note; nil says there is
	// no editor.
	Editor editor.Editor
	// Keys is the key map with the config file's [keys] applied; nil is
	// the default one.
	Keys *common.KeyMap
	// ConfigPath is the config file the theme picker saves the style to;
	// "" saves nothing.
	ConfigPath string
	// State keeps, between runs, where the user left off, the last place
	// in each note and the bookmarks (remember.go); nil keeps nothing (the
	// demo vault).
	State StateStore
	// Fresh starts at the index page instead of where the user left off.
	Fresh bool
}

// mode is what has the keyboard and the window. Each mode owns its keys
// and hints (modes.go): the three switches over it (keyNow, hints, screen)
// are the only places precedence is decided. A new mode (a timeline, a
// bookmarks list, a theme picker) is a constant here and a case in each.
type mode int

const (
	modeBrowse   mode = iota // the panes; focus says which one reads keys
	modeFilter               // the notes filter's query is typed
	modeFind                 // the find-in-note query is typed
	modeSearch               // the search view has the window
	modeHelp                 // the ? screen
	modeTimeline             // the timeline of the open note's video has the window
	modeTheme                // the theme picker (themes.go)
	modeMark                 // a new bookmark's name is typed (bookmarks.go)
	modeMarks                // the bookmarks list has the window
)

// focus is the pane that reads keys in browse mode.
type focus int

const (
	focusNotes focus = iota
	focusSections
	focusLinks // the links into the open note, under the sections
	focusReader
	numFocus
)

// visit is a note in the history, with where it was scrolled to.
type visit struct {
	note    *model.Note
	yOffset int
}

// Model is the root of the browser.
type Model struct {
	opts Options
	c    *common.Common

	width, height int
	sized         bool // a window size has arrived
	resizeGen     int  // the newest resize; the reader follows once they stop

	mode        mode
	helpFrom    mode // the mode ? was pressed in, which esc returns to
	helpTop     int  // the ? screen's first row shown, when it is taller than the window
	focus       focus
	hideSidebar bool // wide layout: the sidebar folded away by the user (a layout choice, not a mode)

	notes    notes.Model
	sections sections.Model
	links    backlinks.Model
	reader   reader.Model
	status   status.Model
	search   searchview.Model
	find     query.Model // the find-in-note query; the status line shows it
	// timeline is the timeline view. A player's playhead reaches it through
	// timeline.SetPlayhead (followPlayhead), which marks the row at the
	// playhead and, in follow mode, keeps it under the cursor.
	timeline timelineview.Model

	progress chan loadProgressMsg
	vault    *model.Vault
	index    *engine.Index // the search index, nil until built; "Mentioned in" needs it
	loadErr  error

	back, forward []visit

	// The player's side: the newest playhead (nil before the first),
	// whether the reader follows it, the badge it last scrolled to, and
	// how the next playhead is waited for (player.Listen).
	playhead  *player.Playhead
	following bool
	revealed  played
	listen    func(player.Player) tea.Cmd

	live  liveReload                    // following the files (reload.go)
	watch func(string) (watcher, error) // starts watching Options.Dir
	theme themePicker                   // the theme picker's state (themes.go)

	// deferred are reader keys pressed while the note was still rendering
	// (selection and scrolling need its lines); they run once it is shown.
	deferred []tea.KeyPressMsg

	mem   memory // what is kept between runs (remember.go)
	marks marks  // bookmarks being named and listed (bookmarks.go)
}

// maxDeferred bounds the keys kept while a note renders.
const maxDeferred = 64

// resizeSettle is how long the window must keep its size before the reader
// renders again at the new width.
const resizeSettle = 80 * time.Millisecond

// New is a browser that loads its vault once started.
func New(opts Options) Model {
	if opts.MaxWidth <= 0 {
		opts.MaxWidth = 100
	}
	c := common.New(false)
	c.Styles = themeStyles(opts.Style, true)
	if opts.Keys != nil {
		c.Keys = *opts.Keys
	}
	m := Model{
		opts:     opts,
		c:        c,
		notes:    notes.New(c),
		sections: sections.New(c),
		links:    backlinks.New(c),
		reader:   reader.New(reader.Options{Style: opts.Style, StyleJSON: opts.StyleJSON, MaxWidth: opts.MaxWidth, Keys: &c.Keys}),
		status:   status.New(c),
		search:   searchview.New(c),
		timeline: timelineview.New(c),
		find:     query.New(c, c.Keys.Find.Help().Key, ""),
		progress: make(chan loadProgressMsg, 1),
		listen:   player.Listen,
		watch:    newWatcher,
		mem:      memory{read: opts.State == nil, saver: &saver{}, now: time.Now, delay: saveDelay},
		marks:    newMarks(c),
	}
	m.setFocus(focusNotes)
	return m
}

// Init starts loading the vault and asks the terminal for its background
// colour when no style was forced.
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.loadCmd(), waitProgress(m.progress), m.loadStateCmd(), m.startWatch()}
	if m.opts.Style == "" {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if m.opts.Player != nil {
		cmds = append(cmds, m.listen(m.opts.Player))
	}
	return tea.Batch(cmds...)
}

func (m *Model) setFocus(f focus) {
	m.focus = f
	m.notes.SetFocused(f == focusNotes)
	m.sections.SetFocused(f == focusSections)
	m.links.SetFocused(f == focusLinks)
}
