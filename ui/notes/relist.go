package notes

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"tubenotes/model"
)

// Relist shows a listing of a changed vault (a note edited, added or gone
// on disk) keeping what the user made of the old one: the groups folded or
// unfolded, the row under the cursor (the same note or group, else the
// same place) and the window's offset. A filter typed is ranked again.
func (m *Model) Relist(l *Listing) tea.Cmd {
	oldKeys := groupKeys(m.tree)
	folded := map[string]bool{}
	for i, folds := range m.folded {
		if i < len(m.tree) {
			folded[oldKeys[i]] = folds
		}
	}
	var selected string
	if !m.Filtering() && m.cur.Pos < len(m.visible) {
		selected = rowKey(m.tree, oldKeys, m.visible[m.cur.Pos])
	}
	cur := m.cur
	keys := groupKeys(l.tree)
	for i, n := range l.tree {
		if !n.group() {
			continue
		}
		if f, ok := folded[keys[i]]; ok {
			l.folded[i] = f
		}
	}
	l.visible = visibleRows(l.tree, l.folded)
	cmd := m.SetListing(l)
	m.cur = cur
	if selected != "" {
		for r, ti := range m.visible {
			if rowKey(m.tree, keys, ti) == selected {
				m.cur.Pos = r
				break
			}
		}
	}
	m.clamp()
	return cmd
}

// groupKeys names every group row of t by its channel and video labels
// (a note row gets ""), which stay when the rows around them change.
func groupKeys(t []node) []string {
	keys := make([]string, len(t))
	channel := ""
	for i, n := range t {
		switch n.kind {
		case channelRow:
			channel = n.label
			keys[i] = "c\x00" + n.label
		case videoRow:
			keys[i] = "v\x00" + channel + "\x00" + n.label
		}
	}
	return keys
}

// rowKey names row i of t: a note by its path, a group by its key.
func rowKey(t []node, groups []string, i int) string {
	if t[i].note != nil {
		return "n\x00" + t[i].note.Path
	}
	return groups[i]
}

// MarkOpen marks n as the note open in the reader without moving the
// cursor: the same note read again after a change on disk.
func (m *Model) MarkOpen(n *model.Note) { m.open = n }

// SameTree reports whether v lists as old does: the same notes, and those
// read again kept their titles, channels and videos and are no channel
// page (which names and orders videos). A listing of old then serves v
// once repointed (Repoint), without laying the tree out again.
func SameTree(old, v *model.Vault) bool {
	if len(old.Notes) != len(v.Notes) {
		return false
	}
	var pages map[string]bool
	for i, n := range v.Notes {
		o := old.Notes[i] // both in path order
		if o == n {
			continue
		}
		if o.Path != n.Path || o.Title != n.Title || o.Channel != n.Channel || o.VideoID != n.VideoID {
			return false
		}
		if pages == nil {
			pages = map[string]bool{}
			for _, c := range slices.Concat(old.Channels, v.Channels) {
				if c.Page != nil {
					pages[c.Page.Path] = true
				}
			}
		}
		if pages[n.Path] {
			return false
		}
	}
	return true
}

// Repoint lists the notes of v in place of those of the vault the pane
// lists, when the two have the SameTree: the rows, folds and cursor stay.
func (m *Model) Repoint(v *model.Vault) {
	clear(m.index)
	for i, n := range m.tree {
		if n.note != nil {
			m.tree[i].note = v.Note(n.note.Path)
			m.index[m.tree[i].note] = i
		}
	}
	for i, t := range m.targets {
		m.targets[i].note = v.Note(t.note.Path)
	}
}
