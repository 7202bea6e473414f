package reader

import (
	"strconv"
	"strings"

	"tubenotes/model"
	"tubenotes/ui/common"
	"tubenotes/ui/safe"
)

type itemKind int

const (
	itemTimestamp itemKind = iota
	itemLink
	itemHeading
)

// item is one badge, link or heading of the transformed markdown.
type item struct {
	kind    itemKind
	index   int  // into the note's Timestamps, Links or Sections; -1 when the loader did not list it
	dim     bool // an invalid timestamp, a dangling link
	srcLine int

	// Where it landed in the rendered lines, set by locate.
	found      bool
	start, end pos // end is exclusive (the cell after the last)
}

// pos is a cell of the rendered lines.
type pos struct{ line, col int }

// transformer turns a note body into markdown for glamour: timestamp anchors
// become badges, wikilinks their labels, <br/> a line break; other tags go.
// Each badge, link and heading is wrapped in sentinels (see sentinel.go).
type transformer struct {
	v     *model.Vault
	n     *model.Note
	b     strings.Builder
	items []item

	parens int  // ")" still to drop after "[00:01:02](" prefixes skipped before anchors
	raw    bool // inside fenced code: no markdown escapes

	stamps []int // indexes of the note's timestamps on the current line, not yet placed
	links  []int
	nextTS int // first timestamp of the note not yet queued
	nextLk int
}

// transform returns the markdown of n's body and its items, indexed by the
// ids in the sentinels.
func transform(v *model.Vault, n *model.Note) (string, []item) {
	t := &transformer{v: v, n: n}
	// Tag characters go before safe.Text, whose entity check then sees what
	// their removal joined; tag entities go after it, replaced by U+FFFD,
	// which cannot join anything into an entity.
	body := dropTagEntities(safe.Text(dropTags(bodyText(n))))
	t.b.Grow(len(body) + len(body)/8)
	lines := strings.Split(body, "\n")
	sec := 0
	var fence fence
	for k, l := range lines {
		ln := n.BodyLine + k
		t.queue(ln)
		t.parens = 0
		if ln == n.FromLine && onlyChannel(l) {
			// The header names the channel already.
			t.b.WriteByte('\n')
			continue
		}
		// Inside fenced code glamour reads no escapes, so text is written
		// raw there; anchors, links and tags are still transformed, since
		// some notes wrap whole answers in a fence by mistake.
		t.raw = fence.inside(l)
		if t.raw && fence.marker(l) {
			t.b.WriteString(l)
			t.b.WriteByte('\n')
			continue
		}
		for sec < len(n.Sections) && n.Sections[sec].Line < ln {
			sec++
		}
		heading := sec < len(n.Sections) && n.Sections[sec].Line == ln
		if heading {
			prefix, content := atxPrefix(l)
			t.b.WriteString(prefix)
			id := t.add(item{kind: itemHeading, index: sec, srcLine: ln})
			appendMarker(&t.b, id, true)
			t.inline(content, ln, true)
			appendMarker(&t.b, id, false)
		} else {
			t.inline(l, ln, isTableRow(l))
		}
		t.b.WriteByte('\n')
	}
	return t.b.String(), t.items
}

// onlyChannel reports whether l holds nothing but "From: [[channel]]" and
// line breaks, so that dropping it loses nothing.
func onlyChannel(l string) bool {
	rest, ok := strings.CutPrefix(strings.TrimSpace(l), "From:")
	if !ok {
		return false
	}
	rest = strings.TrimSpace(rest)
	if !strings.HasPrefix(rest, "[[") {
		return false
	}
	end := strings.Index(rest, "]]")
	if end < 0 {
		return false
	}
	rest = strings.TrimSpace(rest[end+2:])
	for _, br := range []string{"<br/>", "<br />", "<br>"} {
		rest = strings.TrimSpace(strings.ReplaceAll(rest, br, ""))
	}
	return rest == ""
}

// fence follows fenced code blocks line by line, the way the loader does.
type fence struct {
	open bool
	char byte
	n    int
}

// marker reports whether l is a line of fence characters (with an info
// string when it opens).
func (f *fence) marker(l string) bool {
	rest := strings.TrimLeft(l, " ")
	return strings.HasPrefix(rest, "```") || strings.HasPrefix(rest, "~~~")
}

// inside reports whether line l belongs to a fenced block, fences included.
func (f *fence) inside(l string) bool {
	ind := len(l) - len(strings.TrimLeft(l, " "))
	rest := l[ind:]
	run := 0
	for run < len(rest) && (rest[run] == '`' || rest[run] == '~') && rest[run] == rest[0] {
		run++
	}
	switch {
	case f.open:
		if ind <= 3 && run >= f.n && rest[0] == f.char && strings.TrimSpace(rest[run:]) == "" {
			f.open = false
		}
		return true
	case ind <= 3 && run >= 3 && !(rest[0] == '`' && strings.IndexByte(rest[run:], '`') >= 0):
		f.open, f.char, f.n = true, rest[0], run
		return true
	}
	return false
}

// bodyText is the note's text from its BodyLine on.
func bodyText(n *model.Note) string {
	s := n.Text
	for i := 1; i < n.BodyLine; i++ {
		j := strings.IndexByte(s, '\n')
		if j < 0 {
			return ""
		}
		s = s[j+1:]
	}
	return s
}

// queue lines up the timestamps and links the loader found on line ln.
func (t *transformer) queue(ln int) {
	t.stamps, t.links = t.stamps[:0], t.links[:0]
	ts := t.n.Timestamps
	for t.nextTS < len(ts) && int(ts[t.nextTS].Line) <= ln {
		if int(ts[t.nextTS].Line) == ln {
			t.stamps = append(t.stamps, t.nextTS)
		}
		t.nextTS++
	}
	ls := t.n.Links
	for t.nextLk < len(ls) && ls[t.nextLk].Line <= ln {
		if ls[t.nextLk].Line == ln {
			t.links = append(t.links, t.nextLk)
		}
		t.nextLk++
	}
}

func (t *transformer) add(it item) int {
	t.items = append(t.items, it)
	return len(t.items) - 1
}

// inline writes line l, transformed. Line ends are kept by the renderer, so
// a <br/> is a new line, or nothing at the end of one; in a line that must
// stay one (a table row, a heading) it is a space.
func (t *transformer) inline(l string, ln int, oneLine bool) {
	for i := 0; i < len(l); {
		c := l[i]
		switch {
		case c == '<':
			if n, ok := t.anchor(l[i:], ln); ok {
				i += n
				if t.parens > 0 && i < len(l) && l[i] == ')' {
					t.parens--
					i++
				}
				continue
			}
			n, name := htmlTag(l[i:])
			if n == 0 {
				t.text("<")
				i++
				continue
			}
			i += n
			if name == "br" {
				switch {
				case oneLine:
					t.b.WriteByte(' ')
				case strings.TrimSpace(l[i:]) == "":
					return
				default:
					t.b.WriteByte('\n')
					for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
						i++
					}
				}
			}
		case c == '[' && strings.HasPrefix(l[i:], "[["):
			i += t.wikilink(l[i:], ln)
		case c == '[' && clockLinkPrefix(l[i:]) > 0:
			// "[00:01:02](<a …>…</a>)": a markdown link around an anchor,
			// which glamour would hide in a URL; the badge says it all.
			i += clockLinkPrefix(l[i:])
			t.parens++
		case c == '[' && clockBeforeAnchor(l[i:]) > 0:
			// "[00:01:02]<a …>": the clock written out before its anchor;
			// the badge says it once.
			i += clockBeforeAnchor(l[i:])
		case c == '(' && strings.HasPrefix(l[i+1:], "<a "):
			t.text("(")
			i++
		case c == '`':
			n := codeSpan(l[i:])
			t.b.WriteString(l[i : i+n])
			i += n
		default:
			j := i + 1
			for j < len(l) && l[j] != '<' && l[j] != '[' && l[j] != '(' && l[j] != '`' {
				j++
			}
			t.b.WriteString(l[i:j])
			i = j
		}
	}
}

// anchor writes the badge of a timestamp anchor at the start of s and
// returns its length: from "<a " to "</a>", or to the end of the opening tag
// when there is no closing one. Anchors the loader counted (same rule: a
// yt-timestamp class and a quoted data-t) take its timestamps in order;
// broken ones (a mangled class, no data-t) still become a dimmed badge, so no
// markup shows.
func (t *transformer) anchor(s string, ln int) (int, bool) {
	if len(s) < 3 || s[1] != 'a' || (s[2] != ' ' && s[2] != '\t') {
		return 0, false
	}
	tagEnd := strings.IndexByte(s, '>')
	if tagEnd < 0 {
		return 0, false
	}
	span := len(s)
	if k := strings.Index(s, "</a>"); k >= 0 {
		span = k + len("</a>")
	}
	whole := s[:span]
	if !strings.Contains(whole, "timestamp") && !strings.Contains(whole, "data-t") {
		return 0, false
	}
	tag := s[:tagEnd]
	raw, hasT := attribute(tag, "data-t")
	it := item{kind: itemTimestamp, index: -1, dim: true, srcLine: ln}
	if hasT && strings.Contains(tag, "yt-timestamp") && len(t.stamps) > 0 {
		it.index = t.stamps[0]
		t.stamps = t.stamps[1:]
		it.dim = !t.n.Openable(it.index)
	}
	label := ""
	if it.index >= 0 && t.n.Timestamps[it.index].Valid {
		label = common.Clock(int(t.n.Timestamps[it.index].Seconds))
		if t.n.Timestamps[it.index].Doubtful { // still openable, but say so
			label += "?"
		}
	} else {
		if !hasT && tagEnd < span {
			raw = strings.TrimSuffix(s[tagEnd+1:span], "</a>")
		}
		label = strings.Trim(strings.TrimSpace(raw), "[]")
		if r := []rune(label); len(r) > 16 {
			label = string(r[:15]) + "…"
		}
		if label == "" {
			label = "?"
		}
		label = "✗" + label // invalid in every style, notty too: not only dim
	}
	id := t.add(it)
	appendMarker(&t.b, id, true)
	t.b.WriteString("▶\u00a0")
	t.text(label)
	appendMarker(&t.b, id, false)
	return span, true
}

// codeSpan is the length of the code span at the start of s, kept as it is
// (a "<T>" in code is no tag), or of its opening backticks alone when it
// does not close on the line or holds a link or an anchor, which are
// transformed as anywhere else so that no raw markup shows.
func codeSpan(s string) int {
	k := 0
	for k < len(s) && s[k] == '`' {
		k++
	}
	for i := k; i < len(s); {
		j := strings.Index(s[i:], s[:k])
		if j < 0 {
			break
		}
		end := i + j + k
		if end < len(s) && s[end] == '`' { // a longer run: not the closing one
			for end < len(s) && s[end] == '`' {
				end++
			}
			i = end
			continue
		}
		if body := s[k : i+j]; strings.Contains(body, "[[") || strings.Contains(body, "<a") {
			break
		}
		return end
	}
	return k
}

// clockLinkPrefix is the length of a "[00:01:02](" that opens a markdown
// link around a timestamp anchor at the start of s, or 0.
func clockLinkPrefix(s string) int {
	i := bracketedClock(s)
	if i == 0 || !strings.HasPrefix(s[i:], "(<a ") {
		return 0
	}
	return i + 1
}

// clockBeforeAnchor is the length of a "[00:01:02]" written just before a
// timestamp anchor at the start of s, or 0.
func clockBeforeAnchor(s string) int {
	i := bracketedClock(s)
	if i == 0 || !strings.HasPrefix(s[i:], `<a class="yt-timestamp"`) {
		return 0
	}
	return i
}

// bracketedClock is the length of a "[00:01:02]" at the start of s, or 0.
func bracketedClock(s string) int {
	i := 1
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == ':') {
		i++
	}
	if i == 1 || i >= len(s) || s[i] != ']' {
		return 0
	}
	return i + 1
}

// attribute is the quoted value of attribute name inside tag.
func attribute(tag, name string) (string, bool) {
	for i := 0; ; {
		j := strings.Index(tag[i:], name+"=")
		if j < 0 {
			return "", false
		}
		j += i
		i = j + len(name) + 1
		if j == 0 || (tag[j-1] != ' ' && tag[j-1] != '\t') {
			continue
		}
		if i >= len(tag) || (tag[i] != '"' && tag[i] != '\'') {
			return "", false
		}
		end := strings.IndexByte(tag[i+1:], tag[i])
		if end < 0 {
			return "", false
		}
		return tag[i+1 : i+1+end], true
	}
}

// htmlTag returns the length and lowercase name of the HTML tag or comment
// at the start of s, or 0 when there is none.
func htmlTag(s string) (int, string) {
	if strings.HasPrefix(s, "<!--") {
		if k := strings.Index(s, "-->"); k >= 0 {
			return k + 3, "!--"
		}
		return 0, ""
	}
	i := 1
	if i < len(s) && s[i] == '/' {
		i++
	}
	start := i
	for i < len(s) && (isAlpha(s[i]) || i > start && (s[i] >= '0' && s[i] <= '9' || s[i] == '-')) {
		i++
	}
	if i == start || i >= len(s) || (s[i] != '>' && s[i] != ' ' && s[i] != '\t' && s[i] != '/') {
		return 0, ""
	}
	end := strings.IndexByte(s[i:], '>')
	if end < 0 || strings.IndexByte(s[i:i+end], '<') >= 0 {
		return 0, ""
	}
	return i + end + 1, strings.ToLower(s[start:i])
}

func isAlpha(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// wikilink writes the label of the wikilink at the start of s (which starts
// with "[[") and returns how much of s it used. It reads links the way the
// loader does, so the n-th link of a line is the loader's n-th.
func (t *transformer) wikilink(s string, ln int) int {
	end := strings.Index(s[2:], "]]")
	if end < 0 || s[2] == '[' || strings.Contains(s[2:2+end], "[[") {
		t.text("[") // not a link here; one may start further on
		return 1
	}
	inner := s[2 : 2+end]
	used := 2 + end + 2
	target, label, _ := strings.Cut(inner, "|")
	target = strings.TrimSuffix(target, `\`)
	target, _, _ = strings.Cut(target, "#")
	target, label = strings.TrimSpace(target), strings.TrimSpace(label)
	if label == "" {
		label = target
	}
	if target == "" {
		t.text(strings.TrimSpace(strings.TrimPrefix(inner, "#")))
		return used
	}
	it := item{kind: itemLink, index: -1, srcLine: ln}
	if len(t.links) > 0 && t.n.Links[t.links[0]].Target == target {
		it.index = t.links[0]
		t.links = t.links[1:]
		it.dim = t.n.Links[it.index].Dangling()
	} else {
		it.dim = t.v == nil || t.v.Resolve(t.n.Path, target) == ""
	}
	id := t.add(it)
	appendMarker(&t.b, id, true)
	t.text(label)
	appendMarker(&t.b, id, false)
	return used
}

// text writes s so that markdown shows it as it is: escaped, or raw inside
// fenced code, which reads no escapes.
func (t *transformer) text(s string) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '!', '|', '~', '&', '#', '(', ')':
			if !t.raw {
				t.b.WriteByte('\\')
			}
			t.b.WriteByte(c)
		case '\n', '\t':
			t.b.WriteByte(' ')
		default:
			t.b.WriteByte(c)
		}
	}
}

// atxPrefix splits an ATX heading line into its "## " prefix and content; a
// setext heading's line is all content.
func atxPrefix(l string) (string, string) {
	i := 0
	for i < len(l) && i < 3 && l[i] == ' ' {
		i++
	}
	j := i
	for j < len(l) && l[j] == '#' {
		j++
	}
	if j == i || j-i > 6 || (j < len(l) && l[j] != ' ' && l[j] != '\t') {
		return "", l
	}
	for j < len(l) && (l[j] == ' ' || l[j] == '\t') {
		j++
	}
	return l[:j], l[j:]
}

func isTableRow(l string) bool { return strings.HasPrefix(strings.TrimLeft(l, " \t"), "|") }

// dropTagEntities replaces numeric entities that glamour would decode into
// a tag character with U+FFFD, so no note can forge a sentinel.
func dropTagEntities(s string) string {
	if !strings.Contains(s, "&#") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "&#")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		j, base := i+2, 10
		if j < len(s) && (s[j] == 'x' || s[j] == 'X') {
			j, base = j+1, 16
		}
		k := j
		for k < len(s) && k-j < 12 && (s[k] >= '0' && s[k] <= '9' || base == 16 && strings.IndexByte("abcdefABCDEF", s[k]) >= 0) {
			k++
		}
		if v, err := strconv.ParseInt(s[j:k], base, 64); err == nil && v >= 0xE0000 && v <= 0xE007F {
			if k < len(s) && s[k] == ';' {
				k++
			}
			b.WriteString("\uFFFD")
			s = s[k:]
			continue
		}
		b.WriteString(s[i:j])
		s = s[j:]
	}
}
