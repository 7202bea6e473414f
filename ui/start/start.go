// Package start makes the start page: the first screen of a vault whose
// index.md is empty or missing. It is a note made in memory: markdown read
// by the loader like any file, its wikilinks then pointed at the notes
// they name, so the reader shows it like any other note: the channels with
// their counts, each a link that opens the channel's page.
package start

import (
	"fmt"
	"strings"

	"tubenotes/loader"
	"tubenotes/model"
	"tubenotes/ui/common"
	"tubenotes/ui/safe"
)

// Options are what the page shows besides the channels.
type Options struct {
	// Title heads the page: the vault's index.md title when it has one.
	Title string
	// Keys name the keys the page's first lines mention.
	Keys common.KeyMap
	// Recent are the notes read last and Bookmarks those the user kept,
	// newest first; each is a section above the channels when not empty.
	// The root fills them from the state it keeps between runs.
	Recent, Bookmarks []*model.Note
}

// Path is the start page's path. No vault note has it (a vault holds only
// .md files), so history and the notes pane never take it for one.
const Path = "start page"

// IsEmpty reports whether n has nothing to read: no note, or only
// frontmatter and blank lines. Such an index.md gives way to the page.
func IsEmpty(n *model.Note) bool {
	if n == nil {
		return true
	}
	body := n.Text()
	for i := 1; i < n.BodyLine && body != ""; i++ {
		_, body, _ = strings.Cut(body, "\n")
	}
	return strings.TrimSpace(body) == ""
}

// Page is the start page of v.
func Page(v *model.Vault, o Options) *model.Note {
	p := &page{}
	k := o.Keys
	videos := 0
	for _, c := range v.Channels {
		videos += len(c.Videos)
	}
	p.write(fmt.Sprintf("%s in %s, from %s.", count(len(v.Notes), "note"), count(len(v.Channels), "channel"), count(videos, "video")))
	p.write("")
	p.write(fmt.Sprintf("Press %s to come here, %s to select a channel and %s to open its page. %s filters the notes by title, %s searches their text.",
		k.PrevPane.Help().Key, k.NextLink.Help().Key, k.Enter.Help().Key, k.Filter.Help().Key, k.Search.Help().Key))
	p.notes("Read last", o.Recent)
	p.notes("Bookmarks", o.Bookmarks)
	if len(v.Channels) > 0 {
		p.heading("Channels")
		for _, c := range v.Channels {
			p.link(channelTarget(c), c.Name, fmt.Sprintf(" · %s · %s", count(channelNotes(c), "note"), count(len(c.Videos), "video")))
		}
	}
	n, _ := loader.ParseNote(Path, []byte(p.b.String()), loader.TimestampsAuto)
	n.Title = o.Title
	if n.Title == "" {
		n.Title = "Start"
	}
	for i := range n.Links { // one a list item, in order
		if i < len(p.targets) && p.targets[i] != nil {
			n.Links[i].Resolved = p.targets[i].Path
		}
	}
	return n
}

// channelTarget is the note a channel's entry opens: its page, else its
// first note.
func channelTarget(c *model.Channel) *model.Note {
	if c.Page != nil {
		return c.Page
	}
	if len(c.Notes) > 0 {
		return c.Notes[0]
	}
	return nil
}

// channelNotes counts the notes of c made from its videos: its page aside.
func channelNotes(c *model.Channel) int {
	n := len(c.Notes)
	if c.Page != nil && c.Page.Channel == c.Name {
		n--
	}
	return n
}

func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// page writes the markdown of the page and the note each of its links
// opens, in order.
type page struct {
	b       strings.Builder
	targets []*model.Note
}

func (p *page) write(s string) {
	p.b.WriteString(s)
	p.b.WriteByte('\n')
}

func (p *page) heading(title string) {
	p.write("")
	p.write("## " + title)
	p.write("")
}

func (p *page) notes(title string, ns []*model.Note) {
	if len(ns) == 0 {
		return
	}
	p.heading(title)
	for _, n := range ns {
		where := ""
		if n.Channel != "" {
			where = " · " + n.Channel
		}
		p.link(n, n.Title, where)
	}
}

// link writes a list item: a link to n labelled label, then after (plain
// text). The link's target is a made-up name, since only Resolved is
// followed; the label is cleaned so that it cannot end the link early.
func (p *page) link(n *model.Note, label, after string) {
	p.targets = append(p.targets, n)
	target := fmt.Sprintf("entry %d", len(p.targets))
	p.write("- [[" + target + "|" + linkText(label) + "]]" + escape(linkText(after)))
}

// escape makes s read as plain text in markdown.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>!|~&#()", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// linkText is s on one line, with nothing that would end or start a link.
func linkText(s string) string {
	s = safe.Line(s)
	return strings.NewReplacer("[[", "[ [", "]]", "] ]", "\n", " ").Replace(s)
}
