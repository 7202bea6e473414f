// Package query is the one text input of the browser: the notes filter,
// find-in-note and the vault search each hold one. It is bubbles'
// textinput with three additions: what is typed or pasted is cleaned like
// any note text (ui/safe) before it is kept, a new query starts empty with
// the last one a key away (Recall), and its colours are read from the
// shared styles when drawn, so a background detected later reaches it.
package query

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"tubenotes/ui/common"
	"tubenotes/ui/safe"
)

// Model is a query input.
type Model struct {
	c     *common.Common
	input textinput.Model
	last  string // the query before the newest Start, for Recall
}

// New is an empty, unfocused input drawn after prompt.
func New(c *common.Common, prompt, placeholder string) Model {
	in := textinput.New()
	in.Prompt = prompt
	in.Placeholder = placeholder
	// ctrl+v would read the clipboard behind the cleaning's back; a
	// terminal's paste arrives as tea.PasteMsg and is cleaned.
	in.KeyMap.Paste.SetEnabled(false)
	m := Model{c: c, input: in}
	m.input.SetStyles(m.styles())
	return m
}

// Start begins a new query: the input is emptied (what it held becomes
// the one Recall brings back) and takes the keyboard.
func (m *Model) Start() tea.Cmd {
	if v := m.input.Value(); v != "" {
		m.last = v
	}
	m.input.SetValue("")
	return m.input.Focus()
}

// Focus gives the input the keyboard, keeping its text.
func (m *Model) Focus() tea.Cmd { return m.input.Focus() }

// Blur takes the keyboard away, keeping the text.
func (m *Model) Blur() { m.input.Blur() }

// Focused reports whether the input has the keyboard.
func (m Model) Focused() bool { return m.input.Focused() }

// Value is the query as typed (cleaned).
func (m Model) Value() string { return m.input.Value() }

// SetValue replaces the query, cleaned, with the cursor at its end.
func (m *Model) SetValue(s string) {
	m.input.SetValue(safe.Line(s))
	m.input.CursorEnd()
}

// Clear empties the query; it stays recallable.
func (m *Model) Clear() {
	if v := m.input.Value(); v != "" {
		m.last = v
	}
	m.input.SetValue("")
}

// CanRecall reports whether Recall would bring a query back: the input is
// empty and an earlier query exists. The hint line offers it only then.
func (m Model) CanRecall() bool { return m.input.Value() == "" && m.last != "" }

// SetWidth sets how many cells the text may take, the prompt excluded.
func (m *Model) SetWidth(w int) { m.input.SetWidth(max(w, 1)) }

// Update edits the query with a key or a paste and reports whether its
// text changed. Typed and pasted text is cleaned first: escape sequences,
// controls and bidi overrides never reach the query or the screen.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd, bool) {
	before := m.input.Value()
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if key.Matches(msg, m.c.Keys.Recall) && m.CanRecall() {
			m.SetValue(m.last)
			return m, nil, true
		}
		if msg.Text != "" {
			msg.Text = safe.Line(msg.Text)
			if msg.Text == "" {
				return m, nil, false
			}
		}
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return m, cmd, m.input.Value() != before
	case tea.PasteMsg:
		// Terminals paste a line break as CR (tmux, xterm): a space, as
		// LF is, not a control to drop, which would glue two words.
		msg.Content = safe.Line(pastedBreaks.Replace(msg.Content))
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return m, cmd, m.input.Value() != before
	}
	return m, nil, false
}

// pastedBreaks makes a paste's CR and CRLF line breaks LF.
var pastedBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// View is the prompt and the query, in the shared styles as they are now.
func (m Model) View() string {
	in := m.input
	in.SetStyles(m.styles())
	return in.View()
}

func (m Model) styles() textinput.Styles {
	st := m.c.Styles
	s := textinput.DefaultStyles(true)
	s.Cursor.Blink = false // a steady cursor: no timer messages for the root to route
	s.Cursor.Color = st.Input.GetForeground()
	s.Focused.Prompt, s.Blurred.Prompt = st.PaneTitleFocused, st.PaneTitle
	s.Focused.Text, s.Blurred.Text = st.Input, st.Input
	s.Focused.Placeholder, s.Blurred.Placeholder = st.Dim, st.Dim
	return s
}
