package render

import (
	"strconv"
	"strings"

	"tubenotes/model"
	"tubenotes/ui/common"
	"tubenotes/ui/safe"
)

// Kind is what an Item is.
type Kind int

const (
	Timestamp Kind = iota
	Link
	Heading
	// WebLink is a markdown link "[text](url)"; its Index counts the
	// note's markdown links (model.Note.WebLinkTarget).
	WebLink
	// Box marks where a callout's box goes in the markdown handed to
	// glamour; Render draws the box there and drops these items.
	Box
)

// Item is one badge, link or heading of a rendered note.
type Item struct {
	Kind    Kind
	Index   int  // into the note's Timestamps, Links or Sections; -1 when the loader did not list it
	Dim     bool // an invalid timestamp, a dangling link
	SrcLine int  // the line of the note's text it comes from

	// Where it landed in the rendered lines.
	Found      bool
	Start, End Pos // End is exclusive (the cell after the last)
}

// Pos is a cell of the rendered lines.
type Pos struct{ Line, Col int }

// Before reports whether p comes before q.
func (p Pos) Before(q Pos) bool { return p.Line < q.Line || p.Line == q.Line && p.Col < q.Col }

// transformer turns a note body into markdown for glamour, walking the
// spans the loader recorded (model.Note.Spans): timestamp anchors become
// badges, wikilinks their labels, headings and fenced code are where the
// loader found them. Between the spans, <br/> becomes a line break and
// other tags go. Each badge, link and heading is wrapped in sentinels (see
// sentinel.go).
type transformer struct {
	v     *model.Vault
	n     *model.Note
	b     *strings.Builder
	items []Item

	raw bool // inside fenced code: no markdown escapes
	// literal: the line holds more markup than markupLimit, and is written
	// with every delimiter escaped (see tooMuchMarkup).
	literal bool

	fences, callouts, webLinks    []model.Part // the note's fenced code, callouts and markdown links
	boxes                         []box        // the callouts met so far, by Box item index
	nextTS, nextLink, nextSection int          // the first spans not yet passed
	nextFence, nextCallout        int
	nextWebLink                   int
}

// transform returns the markdown of n's body up to byte end of its text (a
// line's start, or the end), its items, indexed by the ids in the
// sentinels, and its callouts, each markdown of its own.
func transform(v *model.Vault, n *model.Note, end int) (string, []Item, []box) {
	t := &transformer{v: v, n: n, b: new(strings.Builder)}
	for i := range n.NumParts() {
		switch p := n.Part(i); p.Kind {
		case model.Fence, model.OpenFence:
			t.fences = append(t.fences, p)
		case model.Callout:
			t.callouts = append(t.callouts, p)
		case model.MarkdownLink:
			t.webLinks = append(t.webLinks, p)
		}
	}
	text := n.Text()
	lo := bodyOffset(n)
	t.b.Grow(end - lo + (end-lo)/8)
	for ln := n.BodyLine; lo < end; ln++ {
		hi := strings.IndexByte(text[lo:], '\n')
		if hi < 0 {
			hi = len(text)
		} else {
			hi += lo
		}
		if t.startsCallout(lo, hi) {
			hi, ln = t.calloutBlock(lo, hi, ln)
		} else {
			t.line(lo, hi, ln)
		}
		t.b.WriteByte('\n')
		lo = hi + 1
	}
	return t.b.String(), t.items, t.boxes
}

// bodyOffset is where the note's body starts: after its frontmatter.
func bodyOffset(n *model.Note) int {
	if n.NumParts() > 0 {
		if p := n.Part(0); p.Kind == model.Frontmatter {
			return p.Span.End
		}
	}
	return 0
}

// line writes the line of the note's text from byte lo to hi, line ln.
func (t *transformer) line(lo, hi, ln int) {
	n := t.n
	l := n.Text()[lo:hi]
	for t.nextSection < len(n.Sections) && n.SectionSpan(t.nextSection).Start < lo {
		t.nextSection++
	}
	startsHeading := t.nextSection < len(n.Sections) && n.SectionSpan(t.nextSection).Start <= hi
	if ln == n.FromLine && onlyChannel(l) && !startsHeading {
		return // the header names the channel already
	}
	// Inside fenced code glamour reads no escapes, so text is written raw
	// there; anchors, links and tags are still transformed, since some
	// notes wrap whole answers in a fence by mistake.
	for t.nextFence < len(t.fences) && t.fences[t.nextFence].Span.End < lo {
		t.nextFence++
	}
	t.raw, t.literal = false, false
	if t.nextFence < len(t.fences) {
		if f := t.fences[t.nextFence]; f.Span.Start <= lo {
			t.raw = true
			if lo == f.Span.Start || f.Kind == model.Fence && hi == f.Span.End {
				t.b.WriteString(clean(l)) // the fence's own lines
				return
			}
		}
	}
	t.literal = !t.raw && tooMuchMarkup(l)
	if sec := t.nextSection; startsHeading { // "##" alone starts at hi
		start := n.SectionSpan(sec).Start
		t.b.WriteString(clean(n.Text()[lo:start])) // "## "
		id := t.add(Item{Kind: Heading, Index: sec, SrcLine: ln})
		appendMarker(t.b, id, true)
		t.spans(start, hi, ln, true)
		appendMarker(t.b, id, false)
		t.nextSection++
		return
	}
	t.spans(lo, hi, ln, isTableRow(l))
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

// spans writes the text from byte lo to hi of one line: the timestamps and
// links the loader found there as badges and labels, the text between them
// through inline.
func (t *transformer) spans(lo, hi, ln int, oneLine bool) {
	n := t.n
	for t.nextTS < len(n.Timestamps) && n.TimestampSpan(t.nextTS).Start < lo {
		t.nextTS++
	}
	for t.nextLink < len(n.Links) && n.LinkSpan(t.nextLink).Start < lo {
		t.nextLink++
	}
	for t.nextCallout < len(t.callouts) && t.callouts[t.nextCallout].Span.Start < lo {
		t.nextCallout++
	}
	for t.nextWebLink < len(t.webLinks) && t.webLinks[t.nextWebLink].Span.Start < lo {
		t.nextWebLink++
	}
	at := lo
	for {
		ts, lk, co, wl := model.Span{Start: hi}, model.Span{Start: hi}, model.Span{Start: hi}, model.Span{Start: hi}
		if t.nextTS < len(n.Timestamps) {
			ts = n.TimestampSpan(t.nextTS)
		}
		if t.nextLink < len(n.Links) {
			lk = n.LinkSpan(t.nextLink)
		}
		if t.nextCallout < len(t.callouts) {
			co = t.callouts[t.nextCallout].Span
		}
		if t.nextWebLink < len(t.webLinks) {
			wl = t.webLinks[t.nextWebLink].Span
		}
		next := min(ts.Start, lk.Start, co.Start, wl.Start)
		if next >= hi {
			t.inline(clean(n.Text()[at:hi]), ln, oneLine, true)
			return
		}
		gap := n.Text()[at:next]
		if next == wl.Start && next != ts.Start && next != lk.Start && next != co.Start {
			gap = strings.TrimSuffix(gap, "!") // an image shows its text too
		}
		if strings.HasSuffix(gap, "(") { // "(" and a badge: no markdown link
			t.inline(clean(gap[:len(gap)-1]), ln, oneLine, false)
			t.text("(")
		} else {
			t.inline(clean(gap), ln, oneLine, false)
		}
		switch next {
		case ts.Start:
			t.badge(t.nextTS, ln)
			t.nextTS++
			at = ts.End
		case wl.Start:
			t.webLink(t.nextWebLink, ln)
			t.nextWebLink++
			at = wl.End
		case co.Start: // a "[!type]" calloutBlock did not take: its label
			t.text(calloutLabel(t.n.Text()[co.Start+2 : t.callouts[t.nextCallout].Inner]))
			t.nextCallout++
			at = co.End
		default:
			t.link(t.nextLink, ln)
			t.nextLink++
			at = lk.End
		}
	}
}

// clean is note text made safe for the terminal and for the sentinels. Tag
// characters go before safe.Text, whose entity check then sees what their
// removal joined; tag entities go after it, replaced by U+FFFD, which
// cannot join anything into an entity.
func clean(s string) string { return dropTagEntities(safe.Text(dropTags(s))) }

// badge writes the badge of timestamp i: its time ("?" after a doubtful
// one, still openable), or for an invalid one its text as written, marked
// ✗ (see badgeText) and dimmed.
func (t *transformer) badge(i, ln int) {
	ts := t.n.Timestamps[i]
	label := ""
	if ts.Valid {
		label = common.MomentClock(t.n, i)
	} else {
		label = badgeText(dropTags(safe.Line(ts.Raw)))
	}
	id := t.add(Item{Kind: Timestamp, Index: i, Dim: !t.n.Openable(i), SrcLine: ln})
	appendMarker(t.b, id, true)
	t.b.WriteString("▶\u00a0")
	t.text(label)
	appendMarker(t.b, id, false)
}

// badgeText is what the badge of an anchor whose time cannot be read says:
// its text marked ✗, so it looks invalid in every style, notty too, not
// only dim.
func badgeText(raw string) string {
	label := strings.Trim(strings.TrimSpace(raw), "[]")
	if r := []rune(label); len(r) > 16 {
		label = string(r[:15]) + "…"
	}
	if label == "" {
		label = "?"
	}
	return "✗" + label
}

// webLink writes the text of markdown link i, "[text](url)"; a link
// that cannot be opened (not http or https) is dim.
func (t *transformer) webLink(i, ln int) {
	p := t.webLinks[i]
	id := t.add(Item{Kind: WebLink, Index: i, Dim: model.WebURL(t.n.Target(p)) == "", SrcLine: ln})
	appendMarker(t.b, id, true)
	t.inline(clean(t.n.Text()[p.Span.Start+1:p.Inner]), ln, true, false)
	appendMarker(t.b, id, false)
}

// link writes the label of link i.
func (t *transformer) link(i, ln int) {
	l := t.n.Links[i]
	id := t.add(Item{Kind: Link, Index: i, Dim: l.Dangling(), SrcLine: ln})
	appendMarker(t.b, id, true)
	t.text(dropTags(safe.Line(l.Label)))
	appendMarker(t.b, id, false)
}

func (t *transformer) add(it Item) int {
	t.items = append(t.items, it)
	return len(t.items) - 1
}

// inline writes l, text of a line between the loader's spans, with its
// markup hidden: HTML tags dropped, a <br/> a new line (nothing at the end
// of the line: last says l ends it; a space in a line that must stay one,
// a table row or a heading), and the anchors and wikilinks the loader did
// not count (broken anchors, links in fenced code) made dim badges and
// labels, so that no markup shows.
func (t *transformer) inline(l string, ln int, oneLine, last bool) {
	for i := 0; i < len(l); {
		c := l[i]
		switch {
		case c == '<':
			if n, ok := t.anchor(l[i:], ln); ok {
				i += n
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
				case last && strings.TrimSpace(l[i:]) == "":
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
		case c == '(' && strings.HasPrefix(l[i+1:], "<a "):
			t.text("(")
			i++
		case c == '`' && !t.literal:
			n := codeSpan(l[i:])
			t.b.WriteString(l[i : i+n])
			i += n
		default:
			j := i + 1
			for j < len(l) && l[j] != '<' && l[j] != '[' && l[j] != '(' && l[j] != '`' {
				j++
			}
			if t.literal {
				t.literalText(l[i:j], oneLine)
			} else {
				t.b.WriteString(l[i:j])
			}
			i = j
		}
	}
}

// anchor writes a dim badge for an anchor the loader did not count as a
// timestamp (a mangled class, no data-t, inside fenced code) at the start
// of s, and returns its length: from "<a " to "</a>", or to the end of the
// opening tag when there is no closing one.
func (t *transformer) anchor(s string, ln int) (int, bool) {
	if len(s) < 3 || s[1] != 'a' || (s[2] != ' ' && s[2] != '\t') {
		return 0, false
	}
	tagEnd := strings.IndexByte(near(s), '>')
	if tagEnd < 0 {
		return 0, false
	}
	span := tagEnd + 1
	if k := strings.Index(near(s), "</a>"); k >= 0 {
		span = k + len("</a>")
	}
	whole := s[:span]
	if !strings.Contains(whole, "timestamp") && !strings.Contains(whole, "data-t") {
		return 0, false
	}
	raw, hasT := attribute(s[:tagEnd], "data-t")
	if !hasT && tagEnd+1 < span {
		raw = strings.TrimSuffix(s[tagEnd+1:span], "</a>")
	}
	id := t.add(Item{Kind: Timestamp, Index: -1, Dim: true, SrcLine: ln})
	appendMarker(t.b, id, true)
	t.b.WriteString("▶\u00a0")
	t.text(badgeText(raw))
	appendMarker(t.b, id, false)
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
		if k := strings.Index(near(s), "-->"); k >= 0 {
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
	end := strings.IndexByte(near(s[i:]), '>')
	if end < 0 || strings.IndexByte(s[i:i+end], '<') >= 0 {
		return 0, ""
	}
	return i + end + 1, strings.ToLower(s[start:i])
}

func isAlpha(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// wikilink writes the label of a wikilink the loader did not count (in
// fenced code, or naming no note: [[#heading]]) at the start of s, which
// starts with "[[", and returns how much of s it used.
func (t *transformer) wikilink(s string, ln int) int {
	end := strings.Index(near(s[2:]), "]]")
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
	id := t.add(Item{Kind: Link, Index: -1, Dim: t.v == nil || t.v.Resolve(t.n.Path, target) == "", SrcLine: ln})
	appendMarker(t.b, id, true)
	t.text(label)
	appendMarker(t.b, id, false)
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

// literalText writes s as text() does, every markdown delimiter escaped,
// but a "|" in a line that must stay one (a table row, whose cells it
// separates).
func (t *transformer) literalText(s string, oneLine bool) {
	for oneLine {
		i := strings.IndexByte(s, '|')
		if i < 0 {
			break
		}
		t.text(s[:i])
		t.b.WriteByte('|')
		s = s[i+1:]
	}
	t.text(s)
}

// markupLimit is the most markdown delimiters (` * _ ~ [ <) a line may hold
// and be read as markdown: glamour's parse of one line costs up to the
// square of its delimiters (600 KB of "`a" on one line took minutes, and
// as renderings run one at a time every other note waited), where real
// lines hold a few (at most 112 in the corpus). A line of more is shown
// as written: its badges and links as anywhere, its text escaped.
const markupLimit = 256

func tooMuchMarkup(l string) bool {
	n := 0
	for _, d := range []string{"`", "*", "_", "~", "[", "<"} {
		if n += strings.Count(l, d); n > markupLimit {
			return true
		}
	}
	return false
}

// inlineReach is how far into a line the end of a tag, an anchor, a
// comment or a wikilink is looked for: real ones end within a few hundred
// bytes, and a line of openers each looked for to the line's end cost the
// square of its length (a MB of "<!--" took 20 s).
const inlineReach = 4 << 10

func near(s string) string { return s[:min(len(s), inlineReach)] }

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
