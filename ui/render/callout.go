package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/glamour/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// An Obsidian callout ("> [!tip] Title" and the quoted lines after it) is
// drawn as a titled box: its kind's label in the top border, its title in
// the title style on the first lines inside, its body below. The body is
// rendered by glamour on its own, four cells narrower than the note, so
// that the borders fit; the note's markdown holds a placeholder paragraph
// (a Box item's sentinels) where the box goes.

// box is one callout of a note.
type box struct {
	kind  string // as written between "[!" and "]"
	title bool   // its first line has a title
	md    string // the title (its own paragraph) and the body, unquoted
}

// tone groups callout kinds by the colour of their box.
type tone int

const (
	toneNote  tone = iota // note, info, definition, summary, unknown kinds
	toneTip               // tip, important, success, example
	toneWarn              // warning, caution, danger
	toneQuote             // quote, cite
	tones
)

// calloutKinds are the labels and tones of the kinds Obsidian knows (and
// definition, which the notes use), by lowercase name.
var calloutKinds = map[string]struct {
	label string
	tone  tone
}{
	"note": {"Note", toneNote}, "info": {"Info", toneNote}, "definition": {"Definition", toneNote},
	"summary": {"Summary", toneNote}, "abstract": {"Summary", toneNote}, "tldr": {"Summary", toneNote},
	"todo": {"Todo", toneNote}, "question": {"Question", toneNote}, "faq": {"Question", toneNote},
	"help": {"Question", toneNote},
	"tip":  {"Tip", toneTip}, "hint": {"Tip", toneTip}, "important": {"Important", toneTip},
	"success": {"Success", toneTip}, "check": {"Success", toneTip}, "done": {"Success", toneTip},
	"example": {"Example", toneTip},
	"warning": {"Warning", toneWarn}, "caution": {"Caution", toneWarn}, "attention": {"Warning", toneWarn},
	"danger": {"Danger", toneWarn}, "error": {"Danger", toneWarn}, "failure": {"Failure", toneWarn},
	"fail": {"Failure", toneWarn}, "missing": {"Failure", toneWarn}, "bug": {"Bug", toneWarn},
	"quote": {"Quote", toneQuote}, "cite": {"Quote", toneQuote},
}

// calloutLabel is what the box of a callout of kind k is titled: its known
// label, else k itself with a capital, cleaned and at most 20 cells.
func calloutLabel(k string) string {
	if c, ok := calloutKinds[strings.ToLower(k)]; ok {
		return c.label
	}
	k = ansi.Truncate(dropTags(clean(k)), 20, "…")
	if r, size := utf8.DecodeRuneInString(k); size > 0 {
		k = string(unicode.ToUpper(r)) + k[size:]
	}
	return k
}

func calloutTone(k string) tone { return calloutKinds[strings.ToLower(k)].tone }

// startsCallout reports whether the line from byte lo to hi holds the next
// callout's "[!type]".
func (t *transformer) startsCallout(lo, hi int) bool {
	for t.nextCallout < len(t.callouts) && t.callouts[t.nextCallout].Span.Start < lo {
		t.nextCallout++
	}
	return t.nextCallout < len(t.callouts) && t.callouts[t.nextCallout].Span.Start < hi
}

// calloutBlock writes the callout starting on the line lo..hi (line ln) as
// a box of its own and a placeholder where it goes; it takes the quoted
// lines after it too and returns the end and number of the last one.
func (t *transformer) calloutBlock(lo, hi, ln int) (int, int) {
	text := t.n.Text()
	p := t.callouts[t.nextCallout]
	t.nextCallout++
	id := t.add(Item{Kind: Box, Index: len(t.boxes), SrcLine: ln})
	outer := t.b
	t.b = new(strings.Builder)
	hasTitle := strings.TrimSpace(text[p.Span.End:hi]) != ""
	if text[p.Inner] == '|' { // "[!type|Title]"
		title := text[p.Inner+1 : p.Inner+strings.LastIndexByte(text[p.Inner:p.Span.End], ']')]
		t.inline(clean(title), ln, true, false)
		t.b.WriteByte(' ')
		hasTitle = hasTitle || strings.TrimSpace(title) != ""
	}
	t.spans(p.Span.End, hi, ln, false)
	t.b.WriteString("\n\n")
	// A callout quoted goes on while its lines are; one written without
	// the ">" is a paragraph.
	_, inQuote := quoted(text[lo:p.Span.Start])
	for hi < len(text) {
		nlo := hi + 1
		nhi := strings.IndexByte(text[nlo:], '\n')
		if nhi < 0 {
			nhi = len(text)
		} else {
			nhi += nlo
		}
		at, ok := quoted(text[nlo:nhi])
		if !inQuote {
			at, ok = 0, strings.TrimSpace(text[nlo:nhi]) != ""
		}
		if !ok || t.startsCallout(nlo, nhi) {
			break
		}
		ln++
		t.line(nlo+at, nhi, ln)
		t.b.WriteByte('\n')
		hi = nhi
	}
	t.boxes = append(t.boxes, box{kind: text[p.Span.Start+2 : p.Inner], title: hasTitle, md: t.b.String()})
	t.b = outer
	t.b.WriteByte('\n') // a paragraph of its own
	appendMarker(t.b, id, true)
	appendMarker(t.b, id, false)
	t.b.WriteByte('\n')
	return hi, ln
}

// quoted reports whether l is a line of a block quote, and where its text
// starts: after blanks, ">" and one blank.
func quoted(l string) (int, bool) {
	i := 0
	for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
		i++
	}
	if i >= len(l) || l[i] != '>' {
		return 0, false
	}
	i++
	if i < len(l) && (l[i] == ' ' || l[i] == '\t') {
		i++
	}
	return i, true
}

// boxAt is the callout whose placeholder is line l of glamour's output.
func (r *Doc) boxAt(l string) (int, bool) {
	if !hasTags(l) {
		return 0, false
	}
	_, ms := scanMarkers(ansi.Strip(l))
	for _, m := range ms {
		if m.id < len(r.Items) && r.Items[m.id].Kind == Box {
			return r.Items[m.id].Index, true
		}
	}
	return 0, false
}

// The box's parts: a margin as glamour's, then the borders.
const (
	boxMargin = "  "
	boxSides  = 2*len(boxMargin) + 4 // margins, "│ " and " │"
	boxLeast  = 12                   // the narrowest body drawn in a box
)

// addBox appends the lines of callout b, its body rendered by sub.
func (r *Doc) addBox(b box, sub *glamour.TermRenderer, st Styles) {
	inner := r.Key.Width - boxSides
	label := calloutLabel(b.kind)
	border := st.Callouts[calloutTone(b.kind)]
	strong, reset := border.Bold(true), "\x1b[m" // glamour's styles end at the border
	if st.Plain {
		strong, reset = border, ""
	}
	out, err := sub.Render(b.md)
	if err != nil {
		out = b.md
	}
	lines := strings.Split(strings.Trim(out, "\n"), "\n")
	lines = trimBlankLines(lines)
	if inner < boxLeast { // too narrow for borders: the label, then the body
		r.addLine(boxMargin + strong.Render(label))
		for _, l := range lines {
			r.addLine(l)
		}
		return
	}
	cut := commonIndent(lines)
	top := "╭─ " + label + " "
	r.addLine(boxMargin + border.Render("╭─ ") + strong.Render(label) +
		border.Render(" "+strings.Repeat("─", max(inner+4-ansi.StringWidth(top)-1, 0))+"╮"))
	inTitle := b.title
	for _, l := range lines {
		if inTitle && strings.TrimSpace(dropTags(ansi.Strip(l))) == "" {
			inTitle = false
		}
		l = dropIndent(l, cut)
		parts := []string{l}
		if ansi.StringWidth(l) > inner { // glamour overflows some list items
			parts = strings.Split(ansi.Wrap(l, inner, " "), "\n")
		}
		for _, l := range parts {
			pad := max(inner-ansi.StringWidth(l), 0)
			r.addLine(boxMargin + border.Render("│") + " " + l + reset + strings.Repeat(" ", pad) + " " + border.Render("│"))
			if inTitle && !st.Plain {
				at := len(r.Lines) - 1
				from := len(boxMargin) + 2
				r.Lines[at] = Overlay(r.Lines[at], r.Plain[at], from, from+inner-pad, st.Title)
			}
		}
	}
	r.addLine(boxMargin + border.Render("╰"+strings.Repeat("─", inner+2)+"╯"))
}

// dropBoxes removes the Box items, which only placed the boxes.
func (r *Doc) dropBoxes() {
	items := r.Items[:0]
	for _, it := range r.Items {
		if it.Kind != Box {
			items = append(items, it)
		}
	}
	r.Items = items
}

// trimBlankLines drops the blank lines at both ends of lines.
func trimBlankLines(lines []string) []string {
	for len(lines) > 0 && strings.TrimSpace(ansi.Strip(lines[0])) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(ansi.Strip(lines[len(lines)-1])) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// commonIndent is the number of spaces every line that is not blank starts
// with (glamour's margin).
func commonIndent(lines []string) int {
	least := -1
	for _, l := range lines {
		p := dropTags(ansi.Strip(l))
		if strings.TrimSpace(p) == "" {
			continue
		}
		n := len(p) - len(strings.TrimLeft(p, " "))
		if least < 0 || n < least {
			least = n
		}
	}
	return max(least, 0)
}

// dropIndent removes the first n spaces of a styled line, keeping its
// escape sequences and the sentinels, which have no width.
func dropIndent(l string, n int) string {
	var b strings.Builder
	for i := 0; i < len(l); {
		switch {
		case l[i] == 0x1b:
			j := i + 1
			if j < len(l) && l[j] == '[' {
				j++
				for j < len(l) && (l[j] < 0x40 || l[j] > 0x7e) {
					j++
				}
			}
			j = min(j+1, len(l))
			b.WriteString(l[i:j])
			i = j
		case l[i] == ' ' && n > 0:
			n--
			i++
		default:
			b.WriteString(l[i:])
			return b.String()
		}
	}
	return b.String()
}

// calloutStyles are the box borders of each tone in palette colours.
func calloutStyles(note, tip, warn, quote lipgloss.Style) [tones]lipgloss.Style {
	return [tones]lipgloss.Style{toneNote: note, toneTip: tip, toneWarn: warn, toneQuote: quote}
}
