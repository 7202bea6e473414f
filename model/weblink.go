package model

import (
	"net/url"
	"strings"
)

// WebLinkTarget is the target of the note's markdown link i ("[text](url)"
// or "![alt](src)", counted in text order), as written but for the <>
// around it and a "title" after it; "" when there is no such link.
func (n *Note) WebLinkTarget(i int) string {
	for k := range n.NumParts() {
		p := n.Part(k)
		if p.Kind != MarkdownLink {
			continue
		}
		if i > 0 {
			i--
			continue
		}
		return n.Target(p)
	}
	return ""
}

// Target is the target of markdown link p, one of the note's parts.
func (n *Note) Target(p Part) string {
	if p.Kind != MarkdownLink || p.Inner+2 > p.Span.End-1 {
		return ""
	}
	target := strings.TrimSpace(n.Text()[p.Inner+2 : p.Span.End-1]) // between "](" and ")"
	if j := strings.IndexAny(target, " \t"); j >= 0 {
		target = target[:j] // [x](url "title")
	}
	return strings.TrimSuffix(strings.TrimPrefix(target, "<"), ">")
}

// maxURL is the longest link tubenotes opens.
const maxURL = 2048

// WebURL is s when it is an absolute http or https URL with a host, no
// user name, and no control or blank characters, at most 2 KiB; else "".
// It is the one gate for any page a note's link opens: javascript:, file:,
// data: and every other scheme are refused.
func WebURL(s string) string {
	if len(s) > maxURL || s == "" {
		return ""
	}
	for _, r := range s {
		if r <= ' ' || r == 0x7f || r >= 0x80 && r <= 0x9f || r == '\\' || r == '"' || r == '\'' || r == '<' || r == '>' || r == '`' {
			return ""
		}
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || u.User != nil || u.Opaque != "" {
		return ""
	}
	if strings.HasPrefix(u.Host, "-") || strings.ContainsAny(u.Host, "%") {
		return ""
	}
	return s
}

// YouTubeID is the video id of a YouTube watch or short link
// (youtube.com/watch?v=ID, youtu.be/ID, youtube.com/shorts/ID), "" for any
// other URL or an id of the wrong shape.
func YouTubeID(s string) string {
	if WebURL(s) == "" {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	host = strings.TrimPrefix(host, "m.")
	id := ""
	switch {
	case host == "youtube.com" && u.Path == "/watch":
		id = u.Query().Get("v")
	case host == "youtube.com" && strings.HasPrefix(u.Path, "/shorts/"):
		id = strings.TrimPrefix(u.Path, "/shorts/")
	case host == "youtu.be":
		id = strings.TrimPrefix(u.Path, "/")
	}
	if !ValidVideoID(id) {
		return ""
	}
	return id
}
