package common

import "charm.land/bubbles/v2/key"

// KeyMap is every key binding of the browser. Handlers match against it and
// the help views are drawn from it, so the two never disagree.
type KeyMap struct {
	NextPane key.Binding
	PrevPane key.Binding
	Sidebar  key.Binding
	Help     key.Binding
	Quit     key.Binding

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
}

// DefaultKeyMap is the key map of the issue: vi-style movement, tab focus,
// browser-style history.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		NextPane: b([]string{"tab"}, "tab", "next pane"),
		PrevPane: b([]string{"shift+tab"}, "shift+tab", "previous pane"),
		Sidebar:  b([]string{`\`}, `\`, "toggle sidebar"),
		Help:     b([]string{"?"}, "?", "help"),
		Quit:     b([]string{"q", "ctrl+c"}, "q", "quit"),

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
	}
}

// NotesHint is the one-line hint while the notes pane has focus.
func (k KeyMap) NotesHint() []key.Binding {
	return []key.Binding{k.Enter, k.Filter, k.Search, k.NextPane, k.Help, k.Quit}
}

// SectionsHint is the one-line hint while the sections pane has focus.
func (k KeyMap) SectionsHint() []key.Binding {
	return []key.Binding{k.Enter, k.OpenVideo, k.CopyURL, k.NextPane, k.Help, k.Quit}
}

// ReaderHint is the one-line hint while the reader has focus.
func (k KeyMap) ReaderHint() []key.Binding {
	return []key.Binding{
		pair(k.NextTimestamp, k.PrevTimestamp, "timestamps"), pair(k.NextLink, k.PrevLink, "links"),
		k.Enter, k.OpenVideo, k.CopyURL, k.Back, k.Help, k.Quit,
	}
}

// pair shows two bindings as one hint, "t/T timestamps".
func pair(a, b key.Binding, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(append(a.Keys(), b.Keys()...)...),
		key.WithHelp(a.Help().Key+"/"+b.Help().Key, desc))
}

// FilterHint is the one-line hint while a filter or find query is typed.
func (k KeyMap) FilterHint() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open best match")),
		key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "choose")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear")),
	}
}

// FullHelp is every binding for the ? screen: rows of columns, so it fits
// a narrow window too.
func (k KeyMap) FullHelp() [][][]key.Binding {
	return [][][]key.Binding{
		{
			{k.NextPane, k.PrevPane, k.Sidebar, k.Help, k.Quit},
			{k.Up, k.Down, k.Top, k.Bottom},
			{k.PageUp, k.PageDown, k.HalfUp, k.HalfDown},
		},
		{
			{k.Filter, k.Search, k.Enter, k.Clear, k.Back, k.Forward},
			{k.NextTimestamp, k.PrevTimestamp, k.NextLink, k.PrevLink, k.OpenVideo},
			{k.CopyURL, k.Find, k.FindNext, k.FindPrev},
		},
	}
}
