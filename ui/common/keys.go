package common

import (
	"strings"

	"charm.land/bubbles/v2/key"
)

// KeyMap is every key binding of the browser, and the only place key names
// are written. Handlers match against it and the hint line and help are
// drawn from the bindings of the mode that has the keyboard (see ui/modes.go
// and each pane's ShortHelp/FullHelp), so they never disagree.
type KeyMap struct {
	NextPane key.Binding
	PrevPane key.Binding
	Sidebar  key.Binding
	Help     key.Binding
	Quit     key.Binding
	// ForceQuit quits in every mode, even while a query is typed.
	ForceQuit key.Binding
	// CloseHelp leaves the ? screen.
	CloseHelp key.Binding

	Up       key.Binding
	Down     key.Binding
	Top      key.Binding
	Bottom   key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	HalfUp   key.Binding
	HalfDown key.Binding

	Filter key.Binding
	Enter  key.Binding
	Clear  key.Binding

	// The notes tree's keys (lazygit's and yazi's habits).
	Fold        key.Binding // fold the group, else go to its parent
	Unfold      key.Binding // unfold the group, else open the note
	FoldAll     key.Binding
	UnfoldAll   key.Binding
	NextChannel key.Binding
	PrevChannel key.Binding

	NextTimestamp key.Binding
	PrevTimestamp key.Binding
	NextLink      key.Binding
	PrevLink      key.Binding
	OpenVideo     key.Binding
	CopyURL       key.Binding
	Find          key.Binding
	FindNext      key.Binding
	FindPrev      key.Binding

	Back    key.Binding
	Forward key.Binding

	Search key.Binding

	// The timeline view's keys, and the one that opens it.
	Timeline      key.Binding
	RowsFilter    key.Binding // filter the timeline's rows
	TimelineClose key.Binding

	Edit   key.Binding // the open note in the editor
	Reload key.Binding // the whole vault read again
	Theme  key.Binding // the theme picker

	// The theme picker's keys (with ChooseUp and ChooseDown).
	ThemeAccept key.Binding
	ThemeCancel key.Binding

	// The player's keys, active when tubenotes steers one (--player).
	PlayPause   key.Binding
	SeekBack    key.Binding
	SeekForward key.Binding
	Follow      key.Binding // the reader follows the playhead
	Capture     key.Binding // copy the playhead as a timestamp anchor

	// The query input's keys (filter, find and search).
	FilterAccept key.Binding // open the best match
	FindAccept   key.Binding // keep the query and read on
	SearchAccept key.Binding // open the chosen hit
	QueryClear   key.Binding // drop the query
	ChooseUp     key.Binding // the row above, while a query is typed
	ChooseDown   key.Binding
	Recall       key.Binding // the last query, into an empty input

	// The search view's keys: the query stays editable, so none of them
	// types.
	SearchPlay  key.Binding // play the chosen hit's moment
	SearchClose key.Binding

	// The bookmarks' keys: m marks the moment read, ' lists the marks
	// (vi's pair: m sets a mark, ' jumps to one).
	Bookmark       key.Binding // name and keep the current moment
	Bookmarks      key.Binding // the bookmarks list
	BookmarkSave   key.Binding // enter, while a bookmark is named
	BookmarkJump   key.Binding // open the chosen bookmark's note at its line
	BookmarkPlay   key.Binding // play the chosen bookmark's moment
	BookmarkRename key.Binding
	BookmarkDelete key.Binding
	BookmarksClose key.Binding
}

// DefaultKeyMap is the key map of the issue: vi-style movement, tab focus,
// browser-style history.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		NextPane:  b([]string{"tab"}, "tab", "next pane"),
		PrevPane:  b([]string{"shift+tab"}, "shift+tab", "previous pane"),
		Sidebar:   b([]string{`\`}, `\`, "toggle sidebar"),
		Help:      b([]string{"?"}, "?", "help"),
		Quit:      b([]string{"q", "ctrl+c"}, "q", "quit"),
		ForceQuit: b([]string{"ctrl+c"}, "ctrl+c", "quit"),
		CloseHelp: b([]string{"?", "esc"}, "?/esc", "close help"),

		Up:       b([]string{"k", "up"}, "↑/k", "up"),
		Down:     b([]string{"j", "down"}, "↓/j", "down"),
		Top:      b([]string{"g", "home"}, "g", "top"),
		Bottom:   b([]string{"G", "end"}, "G", "bottom"),
		PageUp:   b([]string{"pgup"}, "pgup", "page up"),
		PageDown: b([]string{"pgdown"}, "pgdn", "page down"),
		HalfUp:   b([]string{"ctrl+u"}, "ctrl+u", "half page up"),
		HalfDown: b([]string{"ctrl+d"}, "ctrl+d", "half page down"),

		Filter: b([]string{"/"}, "/", "filter notes"),
		Enter:  b([]string{"enter"}, "enter", "open"),
		Clear:  b([]string{"esc"}, "esc", "clear"),

		Fold:        b([]string{"h", "left"}, "h/←", "fold"),
		Unfold:      b([]string{"l", "right"}, "l/→", "unfold"),
		FoldAll:     b([]string{"-"}, "-", "fold all"),
		UnfoldAll:   b([]string{"=", "+"}, "=", "unfold all"),
		NextChannel: b([]string{"}"}, "}", "next channel"),
		PrevChannel: b([]string{"{"}, "{", "previous channel"),

		NextTimestamp: b([]string{"t"}, "t", "next timestamp"),
		PrevTimestamp: b([]string{"T"}, "T", "previous timestamp"),
		NextLink:      b([]string{"]"}, "]", "next link"),
		PrevLink:      b([]string{"["}, "[", "previous link"),
		OpenVideo:     b([]string{"o"}, "o", "video"),
		CopyURL:       b([]string{"y"}, "y", "copy URL"),
		Find:          b([]string{"/"}, "/", "find in note"),
		FindNext:      b([]string{"n"}, "n", "next match"),
		FindPrev:      b([]string{"N"}, "N", "previous match"),

		Back:    b([]string{"backspace", "alt+left"}, "⌫/alt+←", "back"),
		Forward: b([]string{"alt+right"}, "alt+→", "forward"),

		Search: b([]string{"s"}, "s", "search"),

		Timeline:      b([]string{"v"}, "v", "timeline"),
		RowsFilter:    b([]string{"/"}, "/", "filter rows"),
		TimelineClose: b([]string{"esc"}, "esc", "back"),

		Edit:   b([]string{"e"}, "e", "edit"),
		Reload: b([]string{"r"}, "r", "reload vault"),
		Theme:  b([]string{"C"}, "C", "theme"),

		ThemeAccept: b([]string{"enter"}, "enter", "save theme"),
		ThemeCancel: b([]string{"esc"}, "esc", "cancel"),

		// shift+arrows beside alt+arrows (history); , and . for terminals
		// that send no shift+arrow. j/k/l, YouTube's keys, are movement here.
		PlayPause:   b([]string{"space"}, "space", "pause/play"),
		SeekBack:    b([]string{"shift+left", ","}, "⇧←/,", "back 10 s"),
		SeekForward: b([]string{"shift+right", "."}, "⇧→/.", "forward 10 s"),
		Follow:      b([]string{"f"}, "f", "follow"),
		Capture:     b([]string{"c"}, "c", "copy anchor"),

		FilterAccept: b([]string{"enter"}, "enter", "open best match"),
		FindAccept:   b([]string{"enter"}, "enter", "done"),
		SearchAccept: b([]string{"enter"}, "enter", "open hit"),
		QueryClear:   b([]string{"esc"}, "esc", "clear"),
		ChooseUp:     b([]string{"up", "ctrl+p"}, "↑", "up"),
		ChooseDown:   b([]string{"down", "ctrl+n"}, "↓", "down"),
		Recall:       b([]string{"up"}, "↑", "last query"),

		SearchPlay:  b([]string{"ctrl+o"}, "ctrl+o", "play moment"),
		SearchClose: b([]string{"esc"}, "esc", "close"),

		Bookmark:       b([]string{"m"}, "m", "bookmark"),
		Bookmarks:      b([]string{"'"}, "'", "bookmarks"),
		BookmarkSave:   b([]string{"enter"}, "enter", "save"),
		BookmarkJump:   b([]string{"enter"}, "enter", "go to"),
		BookmarkPlay:   b([]string{"o"}, "o", "play"),
		BookmarkRename: b([]string{"r"}, "r", "rename"),
		BookmarkDelete: b([]string{"d"}, "d", "delete"),
		BookmarksClose: b([]string{"esc", "'"}, "esc", "close"),
	}
}

// Moves are the movement keys every list and the reader take.
func (k KeyMap) Moves() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown}
}

// Pair shows two bindings as one hint, "t/T timestamps"; of a binding
// whose help names alternatives ("h/←") only the first shows ("h/l fold").
func Pair(a, b key.Binding, desc string) key.Binding {
	first := func(k key.Binding) string { s, _, _ := strings.Cut(k.Help().Key, "/"); return s }
	return key.NewBinding(key.WithKeys(append(a.Keys(), b.Keys()...)...),
		key.WithHelp(first(a)+"/"+first(b), desc))
}

// SeekHint shows the two seek bindings as one hint, by the first name of
// each ("⇧←/⇧→ ±10 s"); it is not an action of its own.
func (k KeyMap) SeekHint() key.Binding {
	first := func(b key.Binding) string {
		name, _, _ := strings.Cut(b.Help().Key, "/")
		return name
	}
	return key.NewBinding(key.WithKeys(append(k.SeekBack.Keys(), k.SeekForward.Keys()...)...),
		key.WithHelp(first(k.SeekBack)+"/"+first(k.SeekForward), "±10 s"))
}
