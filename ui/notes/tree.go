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
}

func (n node) group() bool { return n.kind != noteRow }

// collapseAbove is the vault size above which video groups start folded, so
// a big vault opens as a list of channels and videos.
const collapseAbove = 100

// buildTree lays the vault out as notes at the root first, then each
// channel: its page, its videos (in the page's order, then videos known
// only from its notes) with their notes, and its notes tied to no video.
// A note sits under the channel the model gives it (Note.Channel), even
// when another channel's page lists its video, so the tree agrees with
// export; each note appears once.
func buildTree(v *model.Vault) []node {
	var t []node
	videoOf := notesVideos(v)
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
		for _, g := range channelVideos(c, videoOf) {
			vi := len(t)
			t = append(t, node{kind: videoRow, depth: 1, label: videoLabel(g.video, g.notes), parent: ci})
			for _, n := range g.notes {
				addNote(n, 2, vi)
			}
			t[vi].count, t[vi].end = len(g.notes), len(t)
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

// notesVideos is the video of each note as model.Vault.VideoOf tells it
// (its videoId's video, else the first video whose page entry lists it),
// gathered in one pass over the videos rather than a search per note.
func notesVideos(v *model.Vault) map[*model.Note]*model.Video {
	out := make(map[*model.Note]*model.Video, len(v.Notes))
	for _, vid := range v.Videos {
		for _, n := range vid.Notes {
			if _, ok := out[n]; !ok {
				out[n] = vid
			}
		}
	}
	for _, n := range v.Notes {
		if vid := v.Video(n.VideoID); n.VideoID != "" && vid != nil {
			out[n] = vid
		}
	}
	return out
}

// videoGroup is one video of a channel with the channel's notes made from
// it, in the order the video lists them.
type videoGroup struct {
	video *model.Video
	notes []*model.Note
}

// channelVideos groups the notes of c (its page aside) by video: the
// channel's own videos first, in their order, then videos of other
// channels its notes were made from, in path order of their first note.
func channelVideos(c *model.Channel, videoOf map[*model.Note]*model.Video) []videoGroup {
	var order []*model.Video
	seen := map[*model.Video]bool{}
	for _, vid := range c.Videos {
		seen[vid] = true
		order = append(order, vid)
	}
	for _, n := range c.Notes {
		if vid := videoOf[n]; vid != nil && !seen[vid] {
			seen[vid] = true
			order = append(order, vid)
		}
	}
	var out []videoGroup
	for _, vid := range order {
		var ns []*model.Note
		for _, n := range vid.Notes {
			if n.Channel == c.Name && n != c.Page && videoOf[n] == vid {
				ns = append(ns, n)
			}
		}
		if len(ns) > 0 {
			out = append(out, videoGroup{vid, ns})
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
