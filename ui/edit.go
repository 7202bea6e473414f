package ui

import (
	"errors"
	"path/filepath"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"tubenotes/ui/editor"
	"tubenotes/ui/safe"
	"tubenotes/ui/start"
)

// editedMsg comes back when the editor started by the edit key exits.
type editedMsg struct {
	path string // the note's path in the vault
	err  error
}

// edit opens the reader's note in the editor at the line at the top of
// the reader (or of its selection or find match). tea.ExecProcess hands
// the terminal over and takes it back; the note is read again after, so
// the change shows even where the folder is not watched.
func (m *Model) edit() tea.Cmd {
	n := m.reader.Note()
	switch {
	case n == nil:
		m.status.SetMessage("no note open to edit", false)
		return nil
	case m.opts.Dir == "":
		m.status.SetMessage("the demo vault is built in: open a folder of notes to edit them", false)
		return nil
	case n.Path == start.Path:
		m.status.SetMessage("the start page is not a file: open a note to edit it", false)
		return nil
	case m.vault == nil || m.vault.Note(n.Path) == nil: // an editor would make the file again
		m.status.SetMessage(safe.Line(n.Path)+" was deleted: there is no file to edit", true)
		return nil
	case m.opts.Editor == nil:
		m.status.SetMessage(editor.ErrNone.Error(), true)
		return nil
	}
	cmd, err := m.opts.Editor.Command(filepath.Join(m.opts.Dir, filepath.FromSlash(n.Path)), m.reader.EditLine())
	if err != nil {
		m.status.SetMessage(safe.Line(err.Error()), true)
		return nil
	}
	path := n.Path
	return tea.ExecProcess(cmd, func(err error) tea.Msg { return editedMsg{path, err} })
}

// edited reads the note again once the editor has exited, and says if the
// editor failed.
func (m *Model) edited(msg editedMsg) tea.Cmd {
	if msg.err != nil {
		var exit interface{ ExitCode() int }
		text := msg.err.Error()
		if errors.As(msg.err, &exit) {
			text = "the editor exited with status " + strconv.Itoa(exit.ExitCode())
		}
		m.status.SetMessage(safe.Line(text), true)
	}
	return m.requestRefresh(msg.path)
}

// reloadHint is the reload key once watching has failed: it works always,
// but is worth a place on the hint line only then.
func (m Model) reloadHint() []key.Binding {
	if m.live.failed && m.canReload() {
		return []key.Binding{m.c.Keys.Reload}
	}
	return nil
}

// editHint is the edit key, while the reader with a note has the keyboard.
func (m Model) editHint() []key.Binding {
	if n := m.reader.Note(); m.focus == focusReader && n != nil && n.Path != start.Path && m.vault != nil && m.vault.Note(n.Path) != nil {
		return []key.Binding{m.c.Keys.Edit}
	}
	return nil
}
