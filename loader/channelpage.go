package loader

import (
	"net/url"
	"path"
	"strings"

	"tubenotes/model"
)

// isChannelPage reports whether p is <channel>/<channel>.md.
func isChannelPage(p string) bool {
	dir, file := path.Split(p)
	return dir != "" && strings.Count(dir, "/") == 1 && dir[:len(dir)-1]+".md" == file
}

// parseChannelPage reads the videos a channel page lists: a level-3
// heading "[Video title](https://www.youtube.com/watch?v=ID)" followed by
// list lines of wikilinks to the notes made from it.
func parseChannelPage(n *model.Note) model.ChannelPage {
	page := model.ChannelPage{Note: n}
	link := 0 // next of n.Links, which are in line order
	lines := strings.Split(n.Text(), "\n")
	for i, sec := range n.Sections {
		if sec.Level != 3 {
			continue
		}
		title, id, ok := videoHeading(sec.Title)
		if !ok {
			continue
		}
		pv := model.PageVideo{ID: id, Title: title}
		end := n.SectionEnd(i)
		for link < len(n.Links) && n.Links[link].Line <= sec.Line {
			link++
		}
		for ; link < len(n.Links) && n.Links[link].Line <= end; link++ {
			if isListItem(lines[n.Links[link].Line-1]) {
				pv.Links = append(pv.Links, link)
			}
		}
		page.Videos = append(page.Videos, pv)
	}
	return page
}

// videoHeading splits "[title](url)" and finds the video id in the url.
func videoHeading(h string) (title, id string, ok bool) {
	if !strings.HasPrefix(h, "[") || !strings.HasSuffix(h, ")") {
		return "", "", false
	}
	mid := strings.LastIndex(h, "](")
	if mid < 0 {
		return "", "", false
	}
	u, err := url.Parse(h[mid+2 : len(h)-1])
	if err != nil {
		return "", "", false
	}
	switch {
	case u.Host == "youtu.be":
		id = strings.TrimPrefix(u.Path, "/")
	case strings.HasSuffix(u.Host, "youtube.com"):
		id = u.Query().Get("v")
	}
	return strings.TrimSpace(h[1:mid]), id, id != ""
}

// isListItem reports whether l is a "- " or "* " list line.
func isListItem(l string) bool {
	l = trimBlanksLeft(l)
	return strings.HasPrefix(l, "- ") || strings.HasPrefix(l, "* ") || strings.HasPrefix(l, "+ ")
}
