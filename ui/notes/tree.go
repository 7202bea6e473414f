package notes

import (
	"strconv"

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
	kind   kind
	depth  int
	label  string // cleaned for the terminal
	count  int    // notes under a group
	end    int    // index past a group's last descendant
	parent int    // index of the group it sits in, -1 at the root
	note   *model.Note
	video  *model.Video // a video row's
}

func (n node) group() bool { return n.kind != noteRow }

// collapseAbove is the vault size above which video groups start folded, so
// a big vault opens as a list of channels and videos.
const collapseAbove = 100

// buildTree lays the vault out as notes at the root first, then each
// channel: its page, its videos (in the page's order, then videos known
// only from its notes) with their notes, and its notes tied to no video.
// The model gives each channel its own videos, holding only its notes, so
// a note sits under its own channel even when another channel's page
// lists its video; each note appears once, under model.Vault.VideoOf.
func buildTree(v *model.Vault) []node {
	var t []node
	addNote := func(n *model.Note, depth, parent int) {
		t = append(t, node{kind: noteRow, depth: depth, label: safe.Line(n.Title), note: n, parent: parent})
	}
	for _, n := range v.Notes {
		if n.Channel == "" {
			addNote(n, 0, -1)
		}
	}
	for _, c := range v.Channels {
		ci := len(t)
		t = append(t, node{kind: channelRow, label: safe.Line(c.Name), parent: -1})
		if c.Page != nil && c.Page.Channel == c.Name {
			addNote(c.Page, 1, ci)
		}
		videoOf := channelVideoOf(c)
		for _, vid := range c.Videos {
			var notes []*model.Note
			for _, n := range vid.Notes {
				if n != c.Page && videoOf[n] == vid {
					notes = append(notes, n)
				}
			}
			if len(notes) == 0 {
				continue
			}
			vi := len(t)
			t = append(t, node{kind: videoRow, depth: 1, label: videoLabel(vid, notes), parent: ci, video: vid})
			for _, n := range notes {
				addNote(n, 2, vi)
			}
			t[vi].count, t[vi].end = len(notes), len(t)
		}
		for _, n := range c.Notes {
			if n != c.Page && videoOf[n] == nil {
				addNote(n, 1, ci)
			}
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

// channelVideoOf is model.Vault.VideoOf for every note of c's videos (the
// video its videoId names, else the first whose page entry lists it),
// gathered in one pass: VideoOf searches the channel's videos for a note
// without a videoId, which for every note of a big channel would take
// time quadratic in its size.
func channelVideoOf(c *model.Channel) map[*model.Note]*model.Video {
	byID := make(map[string]*model.Video, len(c.Videos))
	out := make(map[*model.Note]*model.Video, len(c.Notes))
	for _, vid := range c.Videos {
		if byID[vid.ID] == nil {
			byID[vid.ID] = vid
		}
		for _, n := range vid.Notes {
			if out[n] == nil {
				out[n] = vid
			}
		}
	}
	for n := range out {
		if vid := byID[n.VideoID]; n.VideoID != "" && vid != nil {
			out[n] = vid
		}
	}
	return out
}

// videoLabel names a video group: its title from a channel page, else the
// title of its first note, with "+N" for the others.
func videoLabel(vid *model.Video, notes []*model.Note) string {
	if vid.Title != "" {
		return safe.Line(vid.Title)
	}
	label := safe.Line(notes[0].Title)
	if len(notes) > 1 {
		label += " +" + strconv.Itoa(len(notes)-1)
	}
	return label
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
