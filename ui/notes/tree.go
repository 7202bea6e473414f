package notes

import (
	"tubenotes/model"
	"tubenotes/ui/safe"
)

type kind uint8

const (
	noteRow kind = iota
	channelRow
	videoRow
)

// node is one row of the full tree: a channel, a video, or a note.
type node struct {
	kind  kind
	depth int
	label string // cleaned for the terminal
	count int    // notes under a group
	end   int    // index past a group's last descendant
	note  *model.Note
}

func (n node) group() bool { return n.kind != noteRow }

// collapseAbove is the vault size above which video groups start folded, so
// a big vault opens as a list of channels and videos.
const collapseAbove = 100

// buildTree lays the vault out as notes at the root first, then each
// channel: its page, its videos (in the page's order) with their notes, and
// the channel's notes tied to no listed video. Each note appears once.
func buildTree(v *model.Vault) []node {
	var t []node
	seen := make(map[*model.Note]bool, len(v.Notes))
	addNote := func(n *model.Note, depth int) {
		if !seen[n] {
			seen[n] = true
			t = append(t, node{kind: noteRow, depth: depth, label: safe.Line(n.Title), note: n})
		}
	}
	for _, n := range v.Notes {
		if n.Channel == "" {
			addNote(n, 0)
		}
	}
	for _, c := range v.Channels {
		ci := len(t)
		t = append(t, node{kind: channelRow, label: safe.Line(c.Name)})
		if c.Page != nil {
			addNote(c.Page, 1)
		}
		for _, vid := range c.Videos {
			vi := len(t)
			label := vid.Title
			if label == "" {
				label = "video " + vid.ID
			}
			t = append(t, node{kind: videoRow, depth: 1, label: safe.Line(label)})
			for _, n := range vid.Notes {
				addNote(n, 2)
			}
			if len(t) == vi+1 { // every note listed elsewhere already
				t = t[:vi]
				continue
			}
			t[vi].count, t[vi].end = len(t)-vi-1, len(t)
		}
		for _, n := range c.Notes {
			addNote(n, 1)
		}
		t[ci].end = len(t)
		for _, n := range t[ci+1:] {
			if n.kind == noteRow {
				t[ci].count++
			}
		}
	}
	return t
}

// visibleRows are the indexes of the tree rows not hidden in a folded group.
func visibleRows(t []node, folded map[int]bool) []int {
	out := make([]int, 0, len(t))
	for i := 0; i < len(t); i++ {
		out = append(out, i)
		if t[i].group() && folded[i] {
			i = t[i].end - 1
		}
	}
	return out
}
