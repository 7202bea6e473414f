package notes

import "strings"

// Folds are the folded groups of the tree, each named by its labels from
// the root ("channel › video"), so the names still mean the same groups
// when the vault has changed between runs. None folded is an empty list,
// never nil.
func (m Model) Folds() []string {
	names := m.groupNames()
	out := []string{}
	for i, name := range names {
		if name != "" && m.folded[i] {
			out = append(out, name)
		}
	}
	return out
}

// SetFolds folds exactly the groups named (as Folds names them) and
// unfolds every other; names of groups that no longer exist are ignored.
func (m *Model) SetFolds(names []string) {
	want := make(map[string]bool, len(names))
	for _, n := range names {
		want[n] = true
	}
	m.folded = map[int]bool{}
	for i, name := range m.groupNames() {
		if name != "" && want[name] {
			m.folded[i] = true
		}
	}
	m.visible = visibleRows(m.tree, m.folded)
	m.clamp()
}

// groupNames is the name of each tree row that is a group, "" for notes.
func (m Model) groupNames() []string {
	out := make([]string, len(m.tree))
	var path []string // the labels of the groups the row is inside, by depth
	for i, n := range m.tree {
		if !n.group() {
			continue
		}
		path = append(path[:min(n.depth, len(path))], n.label)
		out[i] = strings.Join(path, " › ")
	}
	return out
}
