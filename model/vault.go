package model

import (
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// Vault is a loaded folder of notes with the indexes its queries need.
// Build one with NewVault; it is not changed afterwards.
type Vault struct {
	Notes    []*Note    // path order
	Channels []*Channel // name order
	Videos   []*Video   // channel, then page order, then id
	Problems []Problem  // path order

	byPath    map[string]*Note
	byName    map[string][]*Note // file name without .md, in resolution order
	bySlug    map[string][]*Note // Slug of the file name, in resolution order
	videos    map[string]*Video
	channels  map[string]*Channel
	backlinks map[string][]LinkRef
}

// Channel is one channel of a vault: its page, if any, and its videos.
type Channel struct {
	Name   string
	Page   *Note    // <channel>/<channel>.md, nil when the vault has none
	Videos []*Video // in the page's order, then videos known only from notes
	Notes  []*Note  // every note of the channel, path order
}

// Video is one YouTube video that notes were made from.
type Video struct {
	ID      string // as written
	Title   string // from the channel page, "" when no page lists it
	Channel string
	Notes   []*Note // listed on the channel page, then notes whose videoId names it
}

// PageVideo is a video as a channel page lists it: a "### [Title](url)"
// heading followed by "- [[note]]" lines, given as indexes into the page
// note's Links.
type PageVideo struct {
	ID    string
	Title string
	Links []int
}

// ChannelPage is the parsed list of videos of one channel page.
type ChannelPage struct {
	Note   *Note
	Videos []PageVideo
}

// LinkRef names one link of one note.
type LinkRef struct {
	From  *Note
	Index int // into From.Links
}

// NewVault indexes notes, resolves every link, and gathers channels and
// videos from the channel pages and the notes' frontmatter.
func NewVault(notes []*Note, pages []ChannelPage, problems []Problem) *Vault {
	v := &Vault{
		Notes:     notes,
		Problems:  problems,
		byPath:    make(map[string]*Note, len(notes)),
		byName:    make(map[string][]*Note, len(notes)),
		bySlug:    make(map[string][]*Note, len(notes)),
		videos:    map[string]*Video{},
		channels:  map[string]*Channel{},
		backlinks: map[string][]LinkRef{},
	}
	sort.Slice(v.Notes, func(i, j int) bool { return v.Notes[i].Path < v.Notes[j].Path })
	sort.SliceStable(v.Problems, func(i, j int) bool { return v.Problems[i].Path < v.Problems[j].Path })
	v.indexNames()
	v.resolveLinks()
	v.gatherChannels(pages)
	return v
}

func (v *Vault) indexNames() {
	byDepth := make([]*Note, len(v.Notes))
	copy(byDepth, v.Notes)
	sort.SliceStable(byDepth, func(i, j int) bool {
		return strings.Count(byDepth[i].Path, "/") < strings.Count(byDepth[j].Path, "/")
	})
	for _, n := range byDepth {
		v.byPath[n.Path] = n
		name := strings.TrimSuffix(path.Base(n.Path), ".md")
		v.byName[name] = append(v.byName[name], n)
		s := Slug(name)
		v.bySlug[s] = append(v.bySlug[s], n)
	}
}

func (v *Vault) resolveLinks() {
	// Resolving only reads the indexes and writes each note's own links,
	// so notes are resolved in parallel (it is most of NewVault's time on a
	// large vault); backlinks are gathered after, in path order.
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Go(func() {
			for _, n := range v.Notes[w*len(v.Notes)/workers : (w+1)*len(v.Notes)/workers] {
				for i := range n.Links {
					n.Links[i].Resolved = v.Resolve(n.Path, n.Links[i].Target)
				}
			}
		})
	}
	wg.Wait()
	for _, n := range v.Notes {
		for i, l := range n.Links {
			if l.Resolved != "" {
				v.backlinks[l.Resolved] = append(v.backlinks[l.Resolved], LinkRef{From: n, Index: i})
			}
		}
	}
}

func (v *Vault) gatherChannels(pages []ChannelPage) {
	for _, n := range v.Notes {
		if n.Channel == "" {
			continue
		}
		c := v.channel(n.Channel)
		c.Notes = append(c.Notes, n)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].Note.Path < pages[j].Note.Path })
	for _, p := range pages {
		c := v.channel(p.Note.Channel)
		if c.Page == nil {
			c.Page = p.Note
		}
		for _, pv := range p.Videos {
			vid := v.video(pv.ID, c.Name)
			if vid.Title == "" {
				vid.Title = pv.Title
			}
			for _, li := range pv.Links {
				if to := v.byPath[p.Note.Links[li].Resolved]; to != nil {
					vid.addNote(to)
				}
			}
		}
	}
	for _, n := range v.Notes {
		if n.VideoID != "" {
			v.video(n.VideoID, n.Channel).addNote(n)
		}
	}
	for _, c := range v.channels {
		v.Channels = append(v.Channels, c)
	}
	sort.Slice(v.Channels, func(i, j int) bool { return v.Channels[i].Name < v.Channels[j].Name })
	for _, c := range v.Channels {
		v.Videos = append(v.Videos, c.Videos...)
	}
}

func (v *Vault) channel(name string) *Channel {
	c := v.channels[name]
	if c == nil {
		c = &Channel{Name: name}
		v.channels[name] = c
	}
	return c
}

func (v *Vault) video(id, channel string) *Video {
	vid := v.videos[id]
	if vid == nil {
		vid = &Video{ID: id, Channel: channel}
		v.videos[id] = vid
		c := v.channel(channel)
		c.Videos = append(c.Videos, vid)
	}
	return vid
}

func (vid *Video) addNote(n *Note) {
	for _, have := range vid.Notes {
		if have == n {
			return
		}
	}
	vid.Notes = append(vid.Notes, n)
}

// Note is the note at path, or nil.
func (v *Vault) Note(path string) *Note { return v.byPath[path] }

// Channel is the channel named name, or nil.
func (v *Vault) Channel(name string) *Channel { return v.channels[name] }

// Video is the video with id, or nil.
func (v *Vault) Video(id string) *Video { return v.videos[id] }

// NotesOfChannel are the notes of channel name, path order.
func (v *Vault) NotesOfChannel(name string) []*Note {
	if c := v.channels[name]; c != nil {
		return c.Notes
	}
	return nil
}

// NotesOfVideo are the notes made from video id.
func (v *Vault) NotesOfVideo(id string) []*Note {
	if vid := v.videos[id]; vid != nil {
		return vid.Notes
	}
	return nil
}

// VideoOf is the video a note was made from: by its videoId, else the video
// whose channel-page entry lists it; nil when neither.
func (v *Vault) VideoOf(n *Note) *Video {
	if vid := v.videos[n.VideoID]; n.VideoID != "" && vid != nil {
		return vid
	}
	if c := v.channels[n.Channel]; c != nil {
		for _, vid := range c.Videos {
			for _, m := range vid.Notes {
				if m == n {
					return vid
				}
			}
		}
	}
	return nil
}

// Backlinks are the links of other notes that resolve to path.
func (v *Vault) Backlinks(path string) []LinkRef { return v.backlinks[path] }

// Resolve finds the note a wikilink target written in the note at from
// names, the way the site does: by exact file name, in from's folder first,
// then anywhere (fewest folders deep, then path order); failing that, by
// Slug the same way. It returns "" for a dangling link.
func (v *Vault) Resolve(from, target string) string {
	target = strings.TrimSuffix(strings.TrimSpace(target), ".md")
	if target == "" {
		return ""
	}
	if strings.Contains(target, "/") {
		return v.resolvePath(target)
	}
	if n := pick(v.byName[target], from); n != nil {
		return n.Path
	}
	if n := pick(v.bySlug[Slug(target)], from); n != nil {
		return n.Path
	}
	return ""
}

// resolvePath finds a target written with folders: the note at that path
// from the root, else the shallowest whose path ends with it.
func (v *Vault) resolvePath(target string) string {
	target = strings.TrimPrefix(target, "/")
	if n := v.byPath[target+".md"]; n != nil {
		return n.Path
	}
	for _, n := range v.byName[path.Base(target)] {
		if strings.HasSuffix(n.Path, "/"+target+".md") {
			return n.Path
		}
	}
	return ""
}

// pick is the first candidate in the folder of from, else the first of
// all; candidates are already in resolution order. Most names have one
// note, which needs no folder compared.
func pick(candidates []*Note, from string) *Note {
	switch len(candidates) {
	case 0:
		return nil
	case 1:
		return candidates[0]
	}
	dir := path.Dir(from)
	for _, n := range candidates {
		if path.Dir(n.Path) == dir {
			return n
		}
	}
	return candidates[0]
}
