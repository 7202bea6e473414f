// Package timeline merges every note of one video into one chronological
// list of its moments. It does no I/O.
package timeline

import (
	"slices"
	"strings"

	"tubenotes/model"
	"tubenotes/model/search"
)

// GapMin is the shortest stretch between two moments reported as a gap:
// more than five minutes no note covers.
const GapMin = 5 * 60

// Timeline is one video as all its notes tell it.
type Timeline struct {
	ID      string // the video id
	Title   string // from a channel page, as plain text; "" when none lists it
	Channel string
	Notes   []*model.Note // every note made from the video
	// Groups are the rows of valid, plausible timestamps by time, the
	// rows at the same second together.
	Groups []Group
	// Apart are the rows of invalid and doubtful timestamps, in note then
	// line order: doubtful in their note, or past model.PlausibleBound of
	// the median of the video's rows.
	Apart      []Row
	Start, End int   // the first and last second of Groups (0, 0 when none)
	Gaps       []Gap // stretches of more than GapMin between two moments
}

// Group is the rows at one second.
type Group struct {
	Seconds int
	Rows    []Row
}

// Row is one timestamp of one note.
type Row struct {
	Note    *model.Note
	Index   int // into Note.Timestamps
	Seconds int // -1 when invalid
	Line    int
	Section string // the section's title as plain text, "" in the intro
	Text    string // the sentence the anchor closes, as plain text
	URL     string // the video at Seconds, "" when invalid or the id can't make one
	// Doubtful: valid, but implausible beside the note's other times or
	// the video's (still openable).
	Doubtful bool
}

// Gap is a stretch no note covers, between two moments.
type Gap struct{ From, To int }

// Of is the timeline of the video with id, nil when no note names it.
func Of(v *model.Vault, id string) *Timeline {
	notes := v.NotesOfVideo(id)
	if len(notes) == 0 {
		return nil
	}
	t := &Timeline{ID: id, Notes: notes}
	if vid := v.Video(id); vid != nil {
		t.Title, t.Channel = search.Plain(vid.Title), vid.Channel
	}
	// The rows are made in one slice, sorted in it, and each group's are a
	// part of it: a video of a million moments made three copies of them,
	// each grown by doubling, and a slice a group (1.7 GB for a 65 MB note).
	total := 0
	for _, n := range notes {
		total += len(n.Timestamps)
	}
	rows := make([]Row, 0, total)
	for _, n := range notes {
		rows = appendRows(rows, n, id)
	}
	main := rows[:0] // filtered in place: a row is written where one was read
	for _, r := range rows {
		if r.Seconds >= 0 && !r.Doubtful {
			main = append(main, r)
		} else {
			t.Apart = append(t.Apart, r)
		}
	}
	slices.SortStableFunc(main, func(a, b Row) int { return a.Seconds - b.Seconds })
	// Each note's times are plausible beside its own; a note read the other
	// way from the rest (h:mm:ss against mm:ss:00) stands out beside the
	// video's other notes.
	if len(main) > 0 {
		bound := int(model.PlausibleBound(int32(main[len(main)/2].Seconds)))
		keep := len(main)
		for keep > 0 && main[keep-1].Seconds > bound {
			keep--
			main[keep].Doubtful = true
		}
		if keep < len(main) {
			t.Apart = append(t.Apart, main[keep:]...)
			main = main[:keep]
			order := make(map[*model.Note]int, len(notes))
			for i, n := range notes {
				order[n] = i
			}
			slices.SortStableFunc(t.Apart, func(a, b Row) int {
				if a.Note != b.Note {
					return order[a.Note] - order[b.Note]
				}
				return a.Index - b.Index
			})
		}
	}
	for i := 0; i < len(main); {
		j := i + 1
		for j < len(main) && main[j].Seconds == main[i].Seconds {
			j++
		}
		t.Groups = append(t.Groups, Group{Seconds: main[i].Seconds, Rows: main[i:j:j]})
		i = j
	}
	if len(t.Groups) > 0 {
		t.Start, t.End = t.Groups[0].Seconds, t.Groups[len(t.Groups)-1].Seconds
	}
	for i := 1; i < len(t.Groups); i++ {
		if from, to := t.Groups[i-1].Seconds, t.Groups[i].Seconds; to-from > GapMin {
			t.Gaps = append(t.Gaps, Gap{from, to})
		}
	}
	return t
}

// appendRows adds a row for every timestamp of n, reading its text once.
func appendRows(rows []Row, n *model.Note, id string) []Row {
	stamps := n.Timestamps
	var spans [][2]int
	sections := make([]string, len(n.Sections)) // plain titles, made once a section
	for i, sec := range n.Sections {
		sections[i] = search.Plain(sec.Title)
	}
	off, line := 0, 1
	for i := 0; i < len(stamps); {
		want := int(stamps[i].Line)
		for line < want && off < len(n.Text()) { // to the start of the line
			j := strings.IndexByte(n.Text()[off:], '\n')
			if j < 0 {
				off = len(n.Text())
				break
			}
			off += j + 1
			line++
		}
		text := n.Text()[off:]
		if j := strings.IndexByte(text, '\n'); j >= 0 {
			text = text[:j]
		}
		end := i
		spans = spans[:0]
		for ; end < len(stamps) && int(stamps[end].Line) == want; end++ {
			s := n.TimestampSpan(end) // the loader's span, made relative to the line
			spans = append(spans, [2]int{s.Start - off, s.End - off})
		}
		for k := i; k < end; k++ {
			rows = append(rows, row(n, k, id, off, len(text), spans, k-i, sections))
		}
		i = end
	}
	return rows
}

// row is timestamp k of n, the nth of the anchors of its line (lineLen
// bytes from off), which spans locate; sections are the note's section
// titles as plain text.
func row(n *model.Note, k int, id string, off, lineLen int, spans [][2]int, nth int, sections []string) Row {
	ts := n.Timestamps[k]
	r := Row{Note: n, Index: k, Seconds: -1, Line: int(ts.Line), Doubtful: ts.Doubtful}
	if ts.Valid {
		r.Seconds = int(ts.Seconds)
		r.URL = model.VideoURL(id, r.Seconds)
	}
	if ts.Section >= 0 && int(ts.Section) < len(sections) {
		r.Section = sections[ts.Section]
	}
	r.Text = sentence(n, off, lineLen, spans, nth)
	return r
}

// sentence is the text anchor nth of the line of n at off (lineLen bytes)
// closes: from the anchor before it (or the line's start) to it, spans
// being where the line's anchors are. An anchor that opens its line closes
// nothing before it, so it takes the text after it instead. A note the
// loader did not read has no spans: the whole line.
func sentence(n *model.Note, off, lineLen int, spans [][2]int, nth int) string {
	for _, s := range spans {
		if s[0] < 0 || s[0] > s[1] || s[1] > lineLen {
			return clean(n, off, off+lineLen)
		}
	}
	from := 0
	if nth > 0 {
		from = spans[nth-1][1]
	}
	if s := clean(n, off+from, off+spans[nth][0]); s != "" {
		return s
	}
	to := lineLen
	if nth+1 < len(spans) {
		to = spans[nth+1][0]
	}
	return clean(n, off+spans[nth][1], off+to)
}

// clean is bytes lo to hi of n as plain text (read along the loader's
// spans: search.NotePlain), without the list marker or the end of the
// sentence before that lead it.
func clean(n *model.Note, lo, hi int) string {
	s := n.Text()[lo:hi]
	s = strings.TrimLeft(s, "#>-*+ \t")
	if digits := len(s) - len(strings.TrimLeft(s, "0123456789")); digits > 0 && digits < len(s) && (s[digits] == '.' || s[digits] == ')') {
		if rest := s[digits+1:]; rest == "" || rest[0] == ' ' || rest[0] == '\t' {
			s = rest // an ordered list's marker
		}
	}
	return strings.TrimLeft(search.NotePlain(n, hi-len(s), hi), ".,;:!? ")
}
