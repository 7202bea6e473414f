package reader

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"tubenotes/loader"
	"tubenotes/loader/demo"
	"tubenotes/model"
	"tubenotes/model/fold"
	"tubenotes/ui/common"
	"tubenotes/ui/render"
)

// sampleVault holds testdata/sample.md and other_note.md in folder chan.
func sampleVault(t *testing.T) (*model.Vault, *model.Note) {
	t.Helper()
	_, a := testdataNote(t, "sample.md")
	_, b := testdataNote(t, "other_note.md")
	v := vaultOf(a, b)
	return v, v.Note("chan/sample.md")
}

// allLines is every rendered line of m, scrolled through with View.
func allLines(m Model) []string {
	var out []string
	for y := 0; y < len(m.doc.Lines); y += m.height {
		m.yOffset = y
		out = append(out, strings.Split(m.View(), "\n")...)
	}
	return out
}

func plainView(m Model) string { return ansi.Strip(m.View()) }

func TestGoldenSampleNotty(t *testing.T) {
	v, n := sampleVault(t)
	m := open(t, Options{Style: "notty"}, v, n, 72, 60)
	golden.RequireEqual(t, m.View())
}

func TestGoldenSeedNotty(t *testing.T) {
	v, n := seedNote(t)
	m := open(t, Options{Style: "notty"}, v, n, 80, 40)
	golden.RequireEqual(t, m.View())
}

func TestGoldenSeedDarkSelected(t *testing.T) {
	v, n := seedNote(t)
	m := open(t, Options{Style: "dark"}, v, n, 80, 24)
	m.NextTimestamp()
	m.NextTimestamp()
	golden.RequireEqual(t, m.View())
}

func TestViewIsExactlyTheSize(t *testing.T) {
	v, n := sampleVault(t)
	for _, sz := range [][2]int{{1, 1}, {5, 2}, {20, 6}, {40, 10}, {80, 24}, {150, 50}} {
		for _, style := range []string{"notty", "dark"} {
			m := open(t, Options{Style: style}, v, n, sz[0], sz[1])
			for _, view := range []string{m.View(), func() string { m.GotoBottom(); return m.View() }()} {
				lines := strings.Split(view, "\n")
				if len(lines) != sz[1] {
					t.Fatalf("%s %v: %d lines", style, sz, len(lines))
				}
				for i, l := range lines {
					if w := ansi.StringWidth(l); w != sz[0] {
						t.Fatalf("%s %v: line %d is %d cells: %q", style, sz, i, w, l)
					}
				}
			}
		}
	}
	if New(Options{}).View() != "" {
		t.Error("a reader without a size draws something")
	}
}

func TestMarkupTransformed(t *testing.T) {
	v, n := sampleVault(t)
	m := open(t, Options{Style: "notty"}, v, n, 100, 200)
	view := plainView(m)
	for _, want := range []string{
		"Café culture in İstanbul", "chan · abcdefghijk", // header
		"▶ 0:05", "▶ 1:02:03", "▶ ✗HH:MM:SS", "▶ 1:05", "▶ 2:10", "▶ 3:00", "▶ 4:00", "before its anchor ▶ 5:00 reads once", // badges
		"the other note", "missing note", "label in a table", "a footnote", "A div that is dropped",
		"A second line after a break.",
	} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q", want)
		}
	}
	for _, raw := range []string{"<a", "data-t", "[[", "]]", "<br", "<sup", "<div", "title:", "videoId", "tags:", "](", "[00:04:00]", "[00:05:00]"} {
		if strings.Contains(view, raw) {
			t.Errorf("view shows raw %q", raw)
		}
	}
	// <br/> broke the line: the text after it starts a line of its own.
	if !regexp.MustCompile(`(?m)^\s*A second line after a break\.`).MatchString(view) {
		t.Errorf("<br/> did not break the line:\n%s", view)
	}
}

func TestBadgesAndLinksStyled(t *testing.T) {
	v, n := sampleVault(t)
	m := open(t, Options{Style: "dark"}, v, n, 100, 200)
	st := render.NewStyles("dark", true)
	view := m.View()
	for _, c := range []struct{ text, styled string }{
		{"▶ 0:05", st.Badge.Render("▶ 0:05")},
		{"▶ ✗HH:MM:SS", st.BadgeDim.Render("▶ ✗HH:MM:SS")},
		{"the other note", st.Link.Render("the other note")},
		{"missing note", st.LinkDim.Render("missing note")},
	} {
		if !strings.Contains(view, c.styled) {
			t.Errorf("%q is not styled as %q", c.text, c.styled)
		}
	}
}

func TestHostileNoteNotty(t *testing.T) {
	_, n := testdataNote(t, "hostile.md")
	_, other := testdataNote(t, "other_note.md")
	v := vaultOf(n, other)
	for _, w := range []int{30, 80} {
		m := open(t, Options{Style: "notty"}, v, n, w, 12)
		for _, l := range allLines(m) {
			if strings.ContainsAny(l, "\x1b\x07\u009b\u202e\ufffe") || strings.ContainsRune(l, 0) {
				t.Fatalf("width %d: unsafe character in %q", w, l)
			}
			if hasTagChar(l) {
				t.Fatalf("width %d: a tag character (forged sentinel) in %q", w, l)
			}
		}
		if got := len(m.doc.Items); got == 0 {
			t.Fatal("no items in the hostile note")
		}
		for _, it := range m.doc.Items {
			if !it.Found {
				t.Errorf("an item of the hostile note was not located: %+v", it)
			}
		}
	}
}

var sgr = regexp.MustCompile(`^\x1b\[[0-9;:]*m`)

func TestHostileNoteColourOnlySGR(t *testing.T) {
	_, n := testdataNote(t, "hostile.md")
	_, other := testdataNote(t, "other_note.md")
	v := vaultOf(n, other)
	m := open(t, Options{Style: "dark"}, v, n, 60, 10)
	m.NextLink()
	m.SetFind("link")
	text := strings.Join(allLines(m), "\n")
	for i := strings.IndexByte(text, 0x1b); i >= 0; {
		if !sgr.MatchString(text[i:]) {
			t.Fatalf("escape sequence that is not SGR at %d: %q", i, text[i:min(i+20, len(text))])
		}
		j := strings.IndexByte(text[i+1:], 0x1b)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	plain := ansi.Strip(text)
	if strings.ContainsAny(plain, "\x07\u009b\u202e") || hasTagChar(plain) {
		t.Errorf("unsafe character in the coloured view: %q", plain)
	}
	if !strings.Contains(plain, "Evil") || !strings.Contains(plain, "blink") {
		t.Errorf("hostile note's text lost: %q", plain)
	}
}

func TestTimestampSelection(t *testing.T) {
	v, n := seedNote(t)
	m := open(t, Options{Style: "notty"}, v, n, 80, 8)
	if m.Selection().Kind != None {
		t.Fatal("a selection right after Open")
	}
	if got := m.TimestampForOpen(); got != -1 {
		t.Errorf("TimestampForOpen at the top with no timestamp above = %d, want -1", got)
	}
	m.NextTimestamp()
	if s := m.Selection(); s != (Selection{TimestampSel, 0}) {
		t.Fatalf("first NextTimestamp selected %+v, want timestamp 0", s)
	}
	if m.TimestampForOpen() != 0 {
		t.Errorf("TimestampForOpen = %d, want the selected 0", m.TimestampForOpen())
	}
	for want := 1; want < len(n.Timestamps); want++ {
		m.NextTimestamp()
		if s := m.Selection(); s.Index != want {
			t.Fatalf("NextTimestamp #%d selected %d", want, s.Index)
		}
		it, _ := m.selectedItem()
		if it.Start.Line < m.YOffset() || it.End.Line >= m.YOffset()+8 {
			t.Fatalf("timestamp %d at line %d not scrolled into view (top %d)", want, it.Start.Line, m.YOffset())
		}
		if !strings.Contains(m.View(), "\x1b[7m") {
			t.Fatalf("selected timestamp %d not highlighted", want)
		}
	}
	m.NextTimestamp()
	if m.Selection().Index != 0 {
		t.Errorf("NextTimestamp at the end went to %d, want to wrap to 0", m.Selection().Index)
	}
	m.PrevTimestamp()
	if m.Selection().Index != len(n.Timestamps)-1 {
		t.Errorf("PrevTimestamp from the first went to %d, want the last", m.Selection().Index)
	}
	m.ClearSelection()
	m.GotoBottom()
	if got, want := m.TimestampForOpen(), sectionMoment(n, "GPUs and Deep Learning"); got != want || got < 0 {
		t.Errorf("TimestampForOpen with a heading on the top line = %d, want the heading's moment %d", got, want)
	}
}

func sectionMoment(n *model.Note, title string) int {
	for s, sec := range n.Sections {
		if sec.Title == title {
			return n.SectionMoments()[s]
		}
	}
	return -2
}

// TestOpenTakesTheMomentOfTheTopLine: with no badge selected, o means the
// moment of the line at the top (the anchor closing its sentence), or of
// the current find match when it is on screen.
func TestOpenTakesTheMomentOfTheTopLine(t *testing.T) {
	v, n := seedNote(t)
	m := open(t, Options{Style: "notty"}, v, n, 80, 8)
	// The rendered lines of the paragraph under "GPUs and Deep Learning":
	// "... is evident ▶ 0:28. The progression of deep", then "learning
	// capabilities ... the Graphics", "Processing Unit (GPU) ▶ 0:28. ...".
	at := func(s string) int {
		for i, l := range m.doc.Plain {
			if strings.Contains(l, s) {
				return i
			}
		}
		t.Fatalf("%q not rendered", s)
		return 0
	}
	raw := func(i int) string {
		if i < 0 {
			return "none"
		}
		return n.Timestamps[i].Raw + "@" + strconv.Itoa(int(n.Timestamps[i].Line))
	}
	first := sectionMoment(n, "GPUs and Deep Learning")
	for _, c := range []struct {
		top  string
		want int
	}{
		{"necessity of specific hardware", first},        // its own line's anchor
		{"learning capabilities is directly", first + 1}, // mid-sentence: the anchor closing it
		{"Processing Unit (GPU)", first + 1},
	} {
		m.yOffset = at(c.top)
		if got := m.TimestampForOpen(); got != c.want {
			t.Errorf("top line %q: %s, want %s", c.top, raw(got), raw(c.want))
		}
	}
	m.yOffset = 0
	if n := m.SetFind("Graphics"); n == 0 {
		t.Fatal("no match for Graphics")
	}
	if got := m.TimestampForOpen(); got != first+1 {
		t.Errorf("with the find match on screen: %s, want %s", raw(got), raw(first+1))
	}
}

func TestLinkSelectionAndHits(t *testing.T) {
	v, n := sampleVault(t)
	m := open(t, Options{Style: "notty"}, v, n, 100, 200)
	var got []string
	for range n.Links {
		m.NextLink()
		got = append(got, n.Links[m.Selection().Index].Label)
	}
	want := []string{"the other note", "missing note", "other_note", "label in a table"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("links in order = %q, want %q", got, want)
	}
	m.PrevLink()
	if n.Links[m.Selection().Index].Label != "other_note" {
		t.Errorf("PrevLink went to %q", n.Links[m.Selection().Index].Label)
	}

	lines := strings.Split(plainView(m), "\n")
	hit := func(text string) (Selection, bool) {
		for y, l := range lines {
			if i := strings.Index(l, text); i >= 0 {
				return m.HitAt(ansi.StringWidth(l[:i])+1, y)
			}
		}
		t.Fatalf("%q not on screen", text)
		return Selection{}, false
	}
	if s, ok := hit("▶ 1:02:03"); !ok || s.Kind != TimestampSel || n.Timestamps[s.Index].Raw != "01:02:03" {
		t.Errorf("click on ▶ 1:02:03 = %+v %v", s, ok)
	}
	if s, ok := hit("the other note"); !ok || s.Kind != LinkSel || n.Links[s.Index].Resolved != "chan/other_note.md" {
		t.Errorf("click on the other note = %+v %v", s, ok)
	}
	if s, ok := hit("missing note"); !ok || !n.Links[s.Index].Dangling() {
		t.Errorf("click on a dangling link = %+v %v", s, ok)
	}
	if _, ok := hit("▶ ✗HH:MM:SS"); ok {
		t.Error("an invalid timestamp is clickable")
	}
	if _, ok := hit("Turkish"); ok {
		t.Error("plain text is a hit")
	}
	if _, ok := m.HitAt(0, 500); ok {
		t.Error("a hit below the pane")
	}
}

func TestFindInNote(t *testing.T) {
	v, n := sampleVault(t)
	m := open(t, Options{Style: "notty"}, v, n, 60, 200)
	cases := []struct {
		query string
		want  int
	}{
		{"cafe", 2},               // Café in the title, cafe in the list
		{"CAFÉ", 2},               // accents and case both ways
		{"istanbul", 1},           // İ
		{"isik", 1},               // ışık: dotless ı
		{"IZMIR", 1},              // İzmir
		{"isparta", 1},            // ISPARTA
		{"mission and vision", 1}, // across a line break in the source and maybe the wrap
		{"  coffee  ", 2},         // spaces trimmed; coffee and Coffee
		{"nothing-like-this", 0},
	}
	for _, c := range cases {
		if got := m.SetFind(c.query); got != c.want {
			t.Errorf("SetFind(%q) = %d, want %d", c.query, got, c.want)
		}
		cur, total := m.FindStatus()
		if total != c.want || (total > 0) != (cur == 1) {
			t.Errorf("FindStatus after %q = %d/%d", c.query, cur, total)
		}
	}
	if m.SetFind("") != 0 {
		t.Error("an empty query matches")
	}
	if _, total := m.FindStatus(); total != 0 {
		t.Error("clearing left matches")
	}
}

func TestFindAcrossWrappedLines(t *testing.T) {
	v, n := seedNote(t)
	m := open(t, Options{Style: "notty"}, v, n, 40, 10)
	// At 40 columns "typically precede software revolutions" wraps.
	if got := m.SetFind("typically precede software revolutions"); got != 1 {
		t.Fatalf("phrase found %d times", got)
	}
	mt := m.matches[0]
	if mt.start.Line == mt.end.Line {
		t.Fatalf("the phrase does not wrap at 40 columns: the test is not testing wrapping")
	}
	if !strings.Contains(m.View(), render.NewStyles("notty", true).Current.Render("typically")) {
		t.Errorf("current match not highlighted: %q", m.View())
	}
}

func TestFindNextPrevScrolls(t *testing.T) {
	v, n := seedNote(t)
	m := open(t, Options{Style: "notty"}, v, n, 60, 6)
	total := m.SetFind("hardware")
	if total < 5 {
		t.Fatalf("hardware found %d times", total)
	}
	for i := 2; i <= total; i++ {
		m.FindNext()
		cur, _ := m.FindStatus()
		if cur != i {
			t.Fatalf("FindNext: current %d, want %d", cur, i)
		}
		mt := m.matches[cur-1]
		if mt.start.Line < m.YOffset() || mt.start.Line >= m.YOffset()+6 {
			t.Fatalf("match %d at line %d not on screen (top %d)", cur, mt.start.Line, m.YOffset())
		}
	}
	m.FindNext()
	if cur, _ := m.FindStatus(); cur != 1 {
		t.Errorf("FindNext at the end: %d, want 1", cur)
	}
	m.FindPrev()
	if cur, _ := m.FindStatus(); cur != total {
		t.Errorf("FindPrev at the start: %d, want %d", cur, total)
	}
}

func TestSectionsAndSourceLines(t *testing.T) {
	v, n := sampleVault(t)
	m := open(t, Options{Style: "notty"}, v, n, 80, 6)
	if m.CurrentSection() != -1 {
		t.Errorf("CurrentSection at the top = %d", m.CurrentSection())
	}
	for i, s := range n.Sections {
		m.ScrollToSection(i)
		top := strings.Split(plainView(m), "\n")[0]
		if !strings.Contains(top, strings.Fields(s.Title)[0]) {
			t.Errorf("ScrollToSection(%d): top line %q, want the heading %q", i, top, s.Title)
		}
		if m.CurrentSection() != i {
			t.Errorf("CurrentSection after ScrollToSection(%d) = %d", i, m.CurrentSection())
		}
	}
	line := sourceLine(t, n, "Kahve") // the table row
	m.ScrollToSourceLine(line)
	if !strings.Contains(plainView(m), "Kahve") {
		t.Errorf("ScrollToSourceLine(%d) does not show the line:\n%s", line, plainView(m))
	}
}

func TestScrolling(t *testing.T) {
	v, n := sampleVault(t)
	m := open(t, Options{Style: "notty"}, v, n, 60, 5)
	last := len(m.doc.Lines) - 5
	m.PageDown()
	if m.YOffset() != 4 {
		t.Errorf("PageDown: %d", m.YOffset())
	}
	m.HalfPageDown()
	if m.YOffset() != 6 {
		t.Errorf("HalfPageDown: %d", m.YOffset())
	}
	m.HalfPageUp()
	m.PageUp()
	if m.YOffset() != 0 {
		t.Errorf("back up: %d", m.YOffset())
	}
	m.ScrollBy(-10)
	if m.YOffset() != 0 {
		t.Errorf("scrolled above the top: %d", m.YOffset())
	}
	m.GotoBottom()
	if m.YOffset() != last {
		t.Errorf("GotoBottom: %d, want %d", m.YOffset(), last)
	}
	m.ScrollBy(10)
	if m.YOffset() != last {
		t.Errorf("scrolled past the end: %d", m.YOffset())
	}
	m.GotoTop()
	if m.YOffset() != 0 {
		t.Errorf("GotoTop: %d", m.YOffset())
	}
}

func TestOpenRestoresOffsetAndDropsStaleRenders(t *testing.T) {
	v, n := sampleVault(t)
	other := v.Note("chan/other_note.md")
	m := New(Options{Style: "notty"})
	m.SetSize(60, 5)
	cmdA := m.Open(v, n, 7)
	if !m.Rendering() || !strings.Contains(m.View(), "rendering") {
		t.Error("no spinner while rendering")
	}
	if m.YOffset() != 7 {
		t.Errorf("YOffset before the render = %d, want the restored 7", m.YOffset())
	}
	cmdB := m.Open(v, other, 0)
	m = drain(m, cmdA) // the stale rendering of n arrives first
	if m.Note() != other {
		t.Fatal("the note changed")
	}
	m = settle(t, m, cmdB)
	if !strings.Contains(plainView(m), "Other note") {
		t.Errorf("stale rendering shown:\n%s", plainView(m))
	}
	m = settle(t, m, m.Open(v, n, 7)) // cached now: shown at once
	if m.YOffset() != 7 || !strings.Contains(plainView(m), "") || m.Rendering() {
		t.Errorf("reopening: offset %d, rendering %v", m.YOffset(), m.Rendering())
	}
}

func TestResizeAndStyleRerender(t *testing.T) {
	v, n := sampleVault(t)
	m := open(t, Options{}, v, n, 60, 10)
	if m.doc.Key.Style != "dark" {
		t.Errorf("auto style before SetDark = %q, want dark", m.doc.Key.Style)
	}
	m = settle(t, m, m.SetDark(false))
	if m.doc.Key.Style != "light" {
		t.Errorf("auto style after SetDark(false) = %q", m.doc.Key.Style)
	}
	m = settle(t, m, m.SetSize(90, 10))
	if m.doc.Key.Width != 90 {
		t.Errorf("width after resize = %d", m.doc.Key.Width)
	}
	m = settle(t, m, m.SetSize(300, 10))
	if m.doc.Key.Width != DefaultMaxWidth {
		t.Errorf("wrap width at 300 columns = %d, want the cap %d", m.doc.Key.Width, DefaultMaxWidth)
	}
	fixed := open(t, Options{Style: "notty"}, v, n, 60, 10)
	if cmd := fixed.SetDark(false); cmd != nil || fixed.doc.Key.Style != "notty" {
		t.Error("a forced style follows the background")
	}
}

func TestCurrentSectionNearTheEnd(t *testing.T) {
	v, n := sampleVault(t)
	m := open(t, Options{Style: "notty"}, v, n, 80, 12)
	last := len(n.Sections) - 1
	m.ScrollToSection(last)
	if m.doc.Headings[last] <= m.YOffset() {
		t.Fatal("the last section reaches the top line: the test tests nothing")
	}
	if m.CurrentSection() != last {
		t.Errorf("CurrentSection after ScrollToSection(%d) near the end = %d", last, m.CurrentSection())
	}
	if m.YOffset() == 0 {
		t.Fatal("the note does not scroll at this height: the test tests nothing")
	}
	m.ScrollBy(-1)
	if m.CurrentSection() == last {
		t.Error("CurrentSection stuck on the last section after scrolling away")
	}
}

func TestFindTerms(t *testing.T) {
	v, n := sampleVault(t)
	m := open(t, Options{Style: "notty"}, v, n, 60, 200)
	cafe, izmir := m.SetFind("cafe"), m.SetFind("izmir")
	if got := m.SetFindTerms([]string{"izmir", "", "CAFÉ"}); got != cafe+izmir {
		t.Fatalf("SetFindTerms = %d, want %d", got, cafe+izmir)
	}
	for i := 1; i < len(m.matches); i++ {
		a, b := m.matches[i-1].start, m.matches[i].start
		if !a.Before(b) {
			t.Fatalf("matches out of order: %+v then %+v", a, b)
		}
	}
	if got := m.SetFindTerms([]string{"section", "second section"}); got != 2 {
		t.Errorf("overlapping terms counted %d matches, want 2 (First section, Second section)", got)
	}
}

func TestSearchHandOffBeforeRender(t *testing.T) {
	v, n := sampleVault(t)
	m := New(Options{Style: "notty"})
	m.SetSize(60, 6)
	cmd := m.Open(v, n, 0)
	line := sourceLine(t, n, "Kahve") // the table row
	m.ScrollToSourceLine(line)
	if got := m.SetFind("kahve"); got != 0 {
		t.Errorf("SetFind before the render = %d, want 0 (nothing to look in yet)", got)
	}
	m = settle(t, m, cmd)
	if cur, total := m.FindStatus(); cur != 1 || total != 1 {
		t.Fatalf("FindStatus after the render = %d/%d, want 1/1", cur, total)
	}
	if mt := m.matches[0]; mt.start.Line < m.YOffset() || mt.start.Line >= m.YOffset()+6 {
		t.Errorf("the hit (line %d) is not on screen (top %d)", mt.start.Line, m.YOffset())
	}

	// A kept query does not move a position restored from the history.
	m.SetFind("cafe")
	m = settle(t, m, m.Open(v, n, 3))
	if m.YOffset() != 3 {
		t.Errorf("restored offset moved to %d by the find query", m.YOffset())
	}
}

func TestFindColumnsWithWideCharacters(t *testing.T) {
	n := parse(t, "c/wide.md", "---\ntitle: Wide\n---\n\n日本語のテキスト café and 한국어 CAFE, emoji 👍 then Café.\n")
	m := open(t, Options{Style: "notty"}, vaultOf(n), n, 60, 10)
	if got := m.SetFind("cafe"); got != 3 {
		t.Fatalf("found %d, want 3", got)
	}
	for _, mt := range m.matches {
		if mt.start.Line != mt.end.Line {
			t.Fatalf("match wraps: %+v", mt)
		}
		got := ansi.Cut(m.doc.Plain[mt.start.Line], mt.start.Col, mt.end.Col)
		if fold.Text(got) != "cafe" {
			t.Errorf("match at %+v..%+v covers %q", mt.start, mt.end, got)
		}
	}
}

// TestStyleFromJSONFile: a style file's contents, read by the caller,
// style the note; the reader never opens the file itself, so a style
// without its contents is an error, and the note still shows.
func TestStyleFromJSONFile(t *testing.T) {
	v, n := sampleVault(t)
	data, err := os.ReadFile("testdata/style.json")
	if err != nil {
		t.Fatal(err)
	}
	m := open(t, Options{Style: "testdata/style.json", StyleJSON: data}, v, n, 80, 40)
	if m.Err() != nil {
		t.Fatalf("style file: %v", m.Err())
	}
	view := plainView(m)
	if !strings.Contains(view, "▌ First section") || !strings.Contains(view, "▶ 1:02:03") {
		t.Errorf("the JSON style is not used:\n%s", view)
	}
	missing := open(t, Options{Style: "testdata/style.json"}, v, n, 80, 40)
	if missing.Err() == nil {
		t.Error("a style file's name without its contents is no error")
	}
	if !strings.Contains(plainView(missing), "▶ 1:02:03") {
		t.Error("nothing rendered without the style file")
	}
}

func TestCodeSpansAndHeadingBreaks(t *testing.T) {
	n := parse(t, "c/code.md", "---\ntitle: Code\n---\n\n## A heading<br/>on one line <a class=\"yt-timestamp\" data-t=\"00:01:00\">[00:01:00]</a>\n\nUse `Vec<T>` and ``a ` b<br>`` here, but `[[x]]` is a link.\n")
	m := open(t, Options{Style: "notty"}, vaultOf(n), n, 80, 20)
	view := plainView(m)
	for _, want := range []string{"A heading on one line ▶ 1:00", "Vec<T>", "a ` b<br>", "x is a link"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
	if m.doc.Headings[0] < 0 || !strings.Contains(m.doc.Plain[m.doc.Headings[0]], "on one line") {
		t.Error("the heading with a <br/> is not one heading line")
	}
}

func TestFencedCode(t *testing.T) {
	n := parse(t, "c/fence.md", "---\ntitle: Fence\n---\n\n```go\nif a < b && c[i] == `x` { *p = \\n }\n```\n\n~~~\nprose by mistake <a class=\"yt-timestamp\" data-t=\"00:01:00\">[00:01:00]</a> and [[x|a link]]\n~~~\n")
	m := open(t, Options{Style: "notty"}, vaultOf(n), n, 80, 20)
	view := plainView(m)
	for _, want := range []string{"if a < b && c[i] == `x` { *p = \\n }", "prose by mistake ▶ ✗00:01:00 and a link"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
	for _, raw := range []string{"```", "~~~", "<a", "[["} {
		if strings.Contains(view, raw) {
			t.Errorf("view shows %q:\n%s", raw, view)
		}
	}
}

// TestDoubtfulBadge: a doubtful time shows with "?" on its badge and can
// still be selected and opened.
func TestDoubtfulBadge(t *testing.T) {
	v, seed := seedNote(t)
	n := *seed
	n.Timestamps = append([]model.Timestamp(nil), seed.Timestamps...)
	n.Timestamps[0].Doubtful = true
	m := open(t, Options{Style: "notty"}, v, &n, 80, 40)
	want := "▶ " + common.Clock(int(n.Timestamps[0].Seconds)) + "?"
	if !strings.Contains(ansi.Strip(m.View()), want) {
		t.Errorf("the view lacks %q:\n%s", want, ansi.Strip(m.View()))
	}
	m.NextTimestamp()
	if m.Selection() != (Selection{TimestampSel, 0}) || m.TimestampForOpen() != 0 {
		t.Errorf("the doubtful badge is not selectable: %+v", m.Selection())
	}
}

// TestHeaderKeepsTheVideoID: at 80 columns the reader is 51 wide; the
// channel › video title is cut, never the id after it.
func TestHeaderKeepsTheVideoID(t *testing.T) {
	v, err := loader.Load(demo.FS(), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := v.Note("bankless/importance_of_gpus_for_deep_learning.md")
	m := open(t, Options{Style: "notty"}, v, n, 51, 10)
	meta := strings.TrimSpace(strings.Split(plainView(m), "\n")[2])
	if !strings.HasPrefix(meta, "bankless › Shaun Maguire") || !strings.HasSuffix(meta, "…"+" · "+n.VideoID) {
		t.Errorf("header meta line %q, want the title cut before · %s", meta, n.VideoID)
	}
}

// TestMomentOfAParagraphsFirstLines: a cell on the first rendered lines of
// a paragraph, above its first badge, has that paragraph's moment (the
// anchor closing its sentence), not the one of the source line as many
// lines above as it is rendered above the badge (the blank line before the
// paragraph, or the paragraph before: "no moment here" for a search hit's
// match, as on the corpus's mathematician_gregory_galperins_discovery.md).
func TestMomentOfAParagraphsFirstLines(t *testing.T) {
	ts := func(s string) string { return `<a class="yt-timestamp" data-t="` + s + `">[` + s + `]</a>` }
	text := "---\ntitle: Galperin\nvideoId: HEfHFsfGXjs\n---\n\nFrom: [[3blue1brown]] <br/>\n\n" +
		"Mathematician Gregory Galperin discovered a surprising relationship between the collisions of idealized blocks and the mathematical constant pi " + ts("00:02:35") + ". This fact was originally discovered by Galperin in 1995 " + ts("00:02:39") + ".\n\n" +
		"A second paragraph that runs on for a good many words before it reaches the moment it is about, so that it wraps " + ts("00:03:10") + ".\n"
	n := parse(t, "c/galperin.md", text)
	m := open(t, Options{Style: "notty"}, vaultOf(n), n, 40, 30)
	at := func(s string) int {
		for i, l := range m.doc.Plain {
			if strings.Contains(l, s) {
				return i
			}
		}
		t.Fatalf("%q not rendered:\n%s", s, strings.Join(m.doc.Plain, "\n"))
		return 0
	}
	for _, c := range []struct {
		top  string
		want int
	}{
		{"Mathematician Gregory", 0}, // the intro, under the header
		{"A second paragraph", 2},    // after a paragraph with badges
	} {
		m.yOffset = at(c.top)
		if got := m.TimestampForOpen(); got != c.want {
			t.Errorf("top line %q: timestamp %d, want %d", c.top, got, c.want)
		}
	}
	m.yOffset = 0
	total := m.SetFind("galperin")
	for i := 0; i < total && m.matches[m.current].start.Line != at("Mathematician Gregory"); i++ {
		m.FindNext()
	}
	if m.matches[m.current].start.Line != at("Mathematician Gregory") {
		t.Fatalf("no match of galperin on the intro's first line (%d matches)", total)
	}
	if got := m.FindMoment(); got != 0 {
		t.Errorf("the match on the intro's first line: moment %d, want 0 (2:35)", got)
	}
}
