package model

import (
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
)

// Vault is a loaded folder of notes with the indexes its queries need.
// Build one with NewVault; it is not changed afterwards (Apply makes a new
// one).
type Vault struct {
	Notes    []*Note    // path order
	Channels []*Channel // name order
	Videos   []*Video   // channel, then page order, then id
	Problems []Problem  // path order

	names    *Names            // the paths of Notes
	pages    []ChannelPage     // as given, for Apply
	videos   map[string]*Video // by id: the first made, a channel page's when one lists it
	channels map[string]*Channel
	// Each channel has its own Video for an id its notes name, so a note
	// sits under its own channel even when another channel's page lists it.
	channelVideos map[channelVideo]*Video

	// The links to each of Notes, gathered on the first call to Backlinks:
	// a load has no need of them.
	backlinksOnce sync.Once
	backlinks     [][]LinkRef
}

// Channel is one channel of a vault: its page, if any, and its videos.
type Channel struct {
	Name   string
	Page   *Note    // <channel>/<channel>.md, nil when the vault has none
	Videos []*Video // in the page's order, then videos known only from notes
	Notes  []*Note  // every note of the channel, path order
}

// Video is one YouTube video that notes of one channel were made from.
// Notes of two channels made from the same video give two Videos, one in
// each channel, so a note always sits under the channel it names.
type Video struct {
	ID      string // as written
	Title   string // from a channel page, "" when no page lists it
	Channel string
	Notes   []*Note // of Channel: listed on a channel page, then notes whose videoId names it
}

// channelVideo keys a channel's video.
type channelVideo struct{ channel, id string }

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
	sortNotes(notes)
	names := NewNames(pathsOf(notes))
	resolveLinks(names, notes)
	return newVault(names, notes, pages, problems)
}

// NewResolvedVault is NewVault for notes whose links a loader already
// resolved with names.Resolve as it parsed them, names being NewNames of
// the paths it was going to load. When those paths are not exactly the
// notes' (a file could not be read), the links are resolved again.
func NewResolvedVault(names *Names, notes []*Note, pages []ChannelPage, problems []Problem) *Vault {
	sortNotes(notes)
	if !names.indexes(notes) {
		names = NewNames(pathsOf(notes))
		resolveLinks(names, notes)
	}
	return newVault(names, notes, pages, problems)
}

func newVault(names *Names, notes []*Note, pages []ChannelPage, problems []Problem) *Vault {
	v := &Vault{
		Notes:         notes,
		Problems:      problems,
		names:         names,
		pages:         pages,
		videos:        map[string]*Video{},
		channels:      map[string]*Channel{},
		channelVideos: map[channelVideo]*Video{},
	}
	sort.SliceStable(v.Problems, func(i, j int) bool { return v.Problems[i].Path < v.Problems[j].Path })
	v.gatherChannels(pages)
	return v
}

func sortNotes(notes []*Note) {
	slices.SortFunc(notes, func(a, b *Note) int { return strings.Compare(a.Path, b.Path) })
}

func pathsOf(notes []*Note) []string {
	paths := make([]string, len(notes))
	for i, n := range notes {
		paths[i] = n.Path
	}
	return paths
}

// indexes reports whether x was built from the paths of notes.
func (x *Names) indexes(notes []*Note) bool {
	if len(x.paths) != len(notes) {
		return false
	}
	for i, n := range notes {
		if x.paths[i] != n.Path {
			return false
		}
	}
	return true
}

// resolveLinks resolves every link of notes. Resolving only reads the
// index and writes each note's own links, so notes are resolved in
// parallel.
func resolveLinks(names *Names, notes []*Note) {
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Go(func() {
			for _, n := range notes[w*len(notes)/workers : (w+1)*len(notes)/workers] {
				for i := range n.Links {
					n.Links[i].Resolved = names.Resolve(n.Path, n.Links[i].Target)
				}
			}
		})
	}
	wg.Wait()
}

// gatherBacklinks lists the links to each note, in path order of the
// notes they are in: counted first, then laid out in one array.
func (v *Vault) gatherBacklinks() {
	to := make([]int32, 0, 1024) // the note each resolved link names, in order
	count := make([]int32, len(v.Notes)+1)
	resolved := 0
	for _, n := range v.Notes {
		for _, l := range n.Links {
			if l.Resolved == "" {
				continue
			}
			i, ok := v.names.byPath[l.Resolved]
			if !ok {
				i = -1
			}
			to = append(to, int32(i))
			if i >= 0 {
				count[i+1]++
				resolved++
			}
		}
	}
	for i := 1; i < len(count); i++ {
		count[i] += count[i-1] // count[i] is now where note i's backlinks start
	}
	refs := make([]LinkRef, resolved)
	v.backlinks = make([][]LinkRef, len(v.Notes))
	next := count[:len(v.Notes)]
	k := 0
	for _, n := range v.Notes {
		for j, l := range n.Links {
			if l.Resolved == "" {
				continue
			}
			i := to[k]
			k++
			if i < 0 {
				continue
			}
			refs[next[i]] = LinkRef{From: n, Index: j}
			next[i]++
		}
	}
	start := int32(0)
	for i, end := range next {
		if end > start {
			v.backlinks[i] = refs[start:end:end]
		}
		start = end
	}
}

func (v *Vault) gatherChannels(pages []ChannelPage) {
	var c *Channel // notes of a channel are mostly next to each other
	for _, n := range v.Notes {
		if n.Channel == "" {
			continue
		}
		if c == nil || c.Name != n.Channel {
			c = v.channel(n.Channel)
		}
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
				to := v.Note(p.Note.Links[li].Resolved)
				if to == nil {
					continue
				}
				if to.Channel == c.Name {
					vid.addNote(to)
					continue
				}
				// A note of another channel: under that channel's video.
				other := v.video(pv.ID, to.Channel)
				if other.Title == "" {
					other.Title = pv.Title
				}
				other.addNote(to)
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
	key := channelVideo{channel, id}
	vid := v.channelVideos[key]
	if vid == nil {
		vid = &Video{ID: id, Channel: channel}
		v.channelVideos[key] = vid
		if v.videos[id] == nil {
			v.videos[id] = vid
		}
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
func (v *Vault) Note(path string) *Note {
	if i, ok := v.names.byPath[path]; ok {
		return v.Notes[i]
	}
	return nil
}

// Channel is the channel named name, or nil.
func (v *Vault) Channel(name string) *Channel { return v.channels[name] }

// Video is the video with id, or nil: when notes of several channels name
// it, the one a channel page lists.
func (v *Vault) Video(id string) *Video { return v.videos[id] }

// NotesOfChannel are the notes of channel name, path order.
func (v *Vault) NotesOfChannel(name string) []*Note {
	if c := v.channels[name]; c != nil {
		return c.Notes
	}
	return nil
}

// NotesOfVideo are the notes made from video id, in every channel: those
// of Video(id) first, then those of the other channels in name order.
func (v *Vault) NotesOfVideo(id string) []*Note {
	first := v.videos[id]
	if first == nil {
		return nil
	}
	notes := first.Notes
	for _, c := range v.Channels {
		if vid := v.channelVideos[channelVideo{c.Name, id}]; vid != nil && vid != first {
			notes = append(notes[:len(notes):len(notes)], vid.Notes...)
		}
	}
	return notes
}

// VideoOf is the video a note was made from: its channel's video of its
// videoId, else the video of its channel whose page entry lists it; nil
// when neither.
func (v *Vault) VideoOf(n *Note) *Video {
	if vid := v.channelVideos[channelVideo{n.Channel, n.VideoID}]; n.VideoID != "" && vid != nil {
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

// PrepareBacklinks gathers the links into every note now, as the first
// call to Backlinks would (tens of milliseconds for 200,000 links): the
// browser calls it in the background after a load, so no key waits for it.
// It is safe to call while other goroutines read the vault.
func (v *Vault) PrepareBacklinks() { v.backlinksOnce.Do(v.gatherBacklinks) }

// Backlinks are the links of the vault's notes that resolve to path (a
// note's links to itself included), in path order of the linking notes,
// then link order.
func (v *Vault) Backlinks(path string) []LinkRef {
	v.backlinksOnce.Do(v.gatherBacklinks)
	if i, ok := v.names.byPath[path]; ok {
		return v.backlinks[i]
	}
	return nil
}

// Resolve finds the note a wikilink target written in the note at from
// names (see Names.Resolve), "" for a dangling link.
func (v *Vault) Resolve(from, target string) string { return v.names.Resolve(from, target) }
