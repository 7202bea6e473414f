package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"tubenotes/ui/common"
	"tubenotes/ui/config"
	"tubenotes/ui/safe"
)

// themePicker is the theme mode's state: the themes listed, the one
// previewed, and the style in force before, which esc restores.
type themePicker struct {
	dark   bool // the terminal's background, for styles that follow it
	names  []string
	cur    int
	before string
}

// themeSavedMsg says how saving the chosen theme to the config file went.
type themeSavedMsg struct {
	style, path string
	err         error
}

// themeStyles are the browser's styles for a glamour style.
func themeStyles(style string, dark bool) common.Styles {
	return common.PaletteStyles(common.ThemePalette(style, dark))
}

// startTheme opens the picker on the style in force.
func (m *Model) startTheme() tea.Cmd {
	m.theme.names = common.Themes
	m.theme.before = m.opts.Style
	m.theme.cur = max(slices.Index(m.theme.names, m.opts.Style), 0)
	m.mode = modeTheme
	return m.previewTheme(m.theme.names[m.theme.cur])
}

// themeKey: ↑/↓ preview the themes on the open note and the whole
// browser, enter keeps one and saves it, esc puts the old one back.
func (m *Model) themeKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	t := &m.theme
	switch {
	case key.Matches(msg, k.ThemeAccept):
		m.mode = modeBrowse
		m.opts.Style = t.names[t.cur]
		return saveTheme(m.opts.ConfigPath, m.opts.Style)
	case key.Matches(msg, k.ThemeCancel):
		m.mode = modeBrowse
		return m.previewTheme(t.before)
	case key.Matches(msg, k.ChooseUp, k.Up):
		t.cur = (t.cur + len(t.names) - 1) % len(t.names)
	case key.Matches(msg, k.ChooseDown, k.Down):
		t.cur = (t.cur + 1) % len(t.names)
	default:
		return nil
	}
	return m.previewTheme(t.names[t.cur])
}

// previewTheme draws the browser and the open note in style.
func (m *Model) previewTheme(style string) tea.Cmd {
	m.c.Styles = themeStyles(style, m.theme.dark)
	return m.reader.SetStyle(style)
}

// themeHints are the picker's keys.
func (m Model) themeHints() []key.Binding {
	k := m.c.Keys
	return []key.Binding{common.Pair(k.ChooseUp, k.ChooseDown, "preview"), k.ThemeAccept, k.ThemeCancel}
}

// themeLine is the status line while the picker is open: the themes, the
// one previewed marked.
func (m Model) themeLine() string {
	st := m.c.Styles
	parts := make([]string, len(m.theme.names))
	for i, name := range m.theme.names {
		if i == m.theme.cur {
			parts[i] = st.Current.Render("[" + name + "]")
		} else {
			parts[i] = st.Dim.Render(" " + name + " ")
		}
	}
	return common.Fit(" theme: "+strings.Join(parts, ""), m.width)
}

// saveTheme writes the style into the config file in a command.
func saveTheme(path, style string) tea.Cmd {
	if path == "" {
		return nil
	}
	return func() tea.Msg { return themeSavedMsg{style, path, config.SaveStyle(path, style)} }
}

func (m *Model) themeSaved(msg themeSavedMsg) {
	if msg.err != nil {
		m.status.SetMessage("theme not saved: "+safe.Line(msg.err.Error()), true)
		return
	}
	m.status.SetMessage("theme "+msg.style+" saved to "+safe.Line(msg.path), false)
}
