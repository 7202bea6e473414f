package searchview

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tubenotes/loader"
	"tubenotes/model"
	engine "tubenotes/model/search"
	"tubenotes/ui/common"
)

func parse(t testing.TB, path, text string) *model.Note {
	t.Helper()
	n, _ := loader.ParseNote(path, []byte(text), loader.TimestampMode(0))
	if n == nil {
		t.Fatalf("%s did not parse", path)
	}
	return n
}

func testNotes(t *testing.T) []*model.Note {
	return []*model.Note{
		parse(t, "cooking/coffee.md", "---\ntitle: Café culture\nvideoId: abcdefghijk\n---\n\nFrom: [[cooking]] <br/>\n\n## Brewing\n\nThe barista <a class=\"yt-timestamp\" data-t=\"00:01:05\">[00:01:05]</a> pulls an espresso shot.\n\nMore about the grinder and espresso.\n"),
		parse(t, "cooking/tea.md", "---\ntitle: Tea\nvideoId: bcdefghijkl\n---\n\nMatcha, not espresso. Grinder stones.\n"),
		parse(t, "evil/x.md", "---\ntitle: \"Evil \\e[31mtitle\\u009b\"\n---\n\n## Head \x1b]8;;http://x\x07line\n\nespresso \x1b[2J wipes the screen\n"),
	}
}

func press(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "ctrl+n", "ctrl+p", "ctrl+o":
		return tea.KeyPressMsg{Code: rune(s[len(s)-1]), Mod: tea.ModCtrl}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

// results runs cmd and every command it batches, and returns the search
// answers among their messages.
func results(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, results(c)...)
		}
		return out
	case resultMsg:
		return []tea.Msg{msg}
	}
	return nil
}

// typed types s into m, each key's search answered before the next key.
func typed(t testing.TB, m Model, s string) Model {
	t.Helper()
	for _, r := range s {
		var cmd tea.Cmd
		m, cmd = m.Update(press(string(r)))
		for _, msg := range results(cmd) {
			m, _ = m.Update(msg)
		}
	}
	return m
}

// keyed presses the named keys, each key's search answered before the
// next key.
func keyed(t *testing.T, m Model, keys ...string) Model {
	t.Helper()
	for _, k := range keys {
		var cmd tea.Cmd
		m, cmd = m.Update(press(k))
		for _, msg := range results(cmd) {
			m, _ = m.Update(msg)
		}
	}
	return m
}

func newView(t *testing.T) Model {
	m := New(common.New(true))
	m.SetIndex(engine.Build(testNotes(t)))
	m.SetSize(80, 12)
	m.Focus()
	return m
}

func TestStaleResultsDropped(t *testing.T) {
	m := newView(t)
	m, first := m.Update(press("g")) // "g": matches nothing alone
	if len(results(first)) != 1 {
		t.Fatal("the first key started no search")
	}
	for _, k := range "rin" { // typed while "g" is searched: no pile-up
		var cmd tea.Cmd
		m, cmd = m.Update(press(string(k)))
		if len(results(cmd)) != 0 {
			t.Fatalf("%q started a second search while one runs", k)
		}
	}
	if !m.Pending() {
		t.Fatal("a query waits, but the view is not pending")
	}
	// The answer for "g" arrives: stale, dropped, and "grin" is searched.
	stale := results(first)[0].(resultMsg)
	stale.result = engine.Result{Hits: []engine.Hit{{Note: testNotes(t)[0], Line: 1}}, Notes: 1}
	m, next := m.Update(stale)
	if len(m.Result().Hits) != 0 {
		t.Fatalf("a stale answer was shown: %d hits", len(m.Result().Hits))
	}
	latest := results(next)
	if len(latest) != 1 || latest[0].(resultMsg).query.Terms[0].Words[0] != "grin" {
		t.Fatalf("after the stale answer, searched %v, want grin", latest)
	}
	m, _ = m.Update(latest[0])
	if m.Pending() || len(m.Result().Hits) != 2 || m.Query() != "grin" {
		t.Errorf("after the answer for grin: pending %v, %d hits for %q", m.Pending(), len(m.Result().Hits), m.Query())
	}
	// An answer with an old generation never replaces the shown one.
	m, _ = m.Update(resultMsg{gen: stale.gen, query: stale.query})
	if len(m.Result().Hits) != 2 {
		t.Errorf("an old generation's answer replaced the results")
	}
}

func TestOpenHitAndVideo(t *testing.T) {
	m := typed(t, newView(t), "espresso")
	if got := Header(m.Result()); got != "4 matches in 3 notes" {
		t.Fatalf("header %q", got)
	}
	if !strings.Contains(m.View(), "4 matches in 3 notes") {
		t.Errorf("the view lacks the header:\n%s", m.View())
	}
	// The note with two body hits ranks first; its first hit is selected.
	m, _ = m.Update(press("enter"))
	reqs := m.Take()
	if len(reqs) != 1 {
		t.Fatalf("requests %v", reqs)
	}
	got := reqs[0].(common.OpenHit)
	if got.Note == nil || got.Note.Path != "cooking/coffee.md" {
		t.Fatalf("OpenHit note %v", got.Note)
	}
	got.Note = nil
	if want := (common.OpenHit{Line: 10, Query: "espresso", FindTerms: []string{"espresso"}}); !reflect.DeepEqual(got, want) {
		t.Fatalf("enter asked for %+v, want %+v", got, want)
	}
	// ↓ (or ctrl+n) moves while the query stays editable; ctrl+o plays
	// the hit's moment.
	m, _ = m.Update(press("down"))
	sel := m.Result().Hits[m.Selected()]
	m, _ = m.Update(press("ctrl+o"))
	reqs = m.Take()
	if m.Selected() != 1 {
		t.Fatalf("↓ did not move: selected %d", m.Selected())
	}
	if sel.Line != 12 || len(reqs) != 1 || videoURL(reqs[0]) != "https://www.youtube.com/watch?v=abcdefghijk&t=65s" {
		t.Errorf("ctrl+o on line %d asked for %v, want the moment before it in its section", sel.Line, reqs)
	}
	m, _ = m.Update(press("ctrl+n"))
	m, _ = m.Update(press("ctrl+p"))
	if m.Selected() != 1 {
		t.Errorf("ctrl+n, ctrl+p: selected %d, want 1", m.Selected())
	}
	m = typed(t, m, "s")
	if m.Query() != "espressos" {
		t.Errorf("typing after moving gave the query %q", m.Query())
	}
	m = keyed(t, m, "backspace")
	// enter opens the selected hit; esc leaves.
	m, _ = m.Update(press("down"))
	sel = m.Result().Hits[m.Selected()]
	m, _ = m.Update(press("enter"))
	if r := m.Take(); len(r) != 1 || r[0].(common.OpenHit).Line != sel.Line || r[0].(common.OpenHit).Note != sel.Note {
		t.Errorf("enter asked for %v, want line %d of %s", r, sel.Line, sel.Note.Path)
	}
	m, _ = m.Update(press("esc"))
	if r := m.Take(); len(r) != 1 || r[0] != (common.CloseSearch{}) {
		t.Errorf("esc asked for %v", r)
	}
}

func TestOpenVideoURL(t *testing.T) {
	m := typed(t, newView(t), `"espresso shot"`)
	if len(m.Result().Hits) != 1 {
		t.Fatalf("%d hits", len(m.Result().Hits))
	}
	m, _ = m.Update(press("ctrl+o"))
	r := m.Take()
	if len(r) != 1 || videoURL(r[0]) != "https://www.youtube.com/watch?v=abcdefghijk&t=65s" {
		t.Errorf("ctrl+o asked for %v", r)
	}
	if !strings.Contains(ansi.Strip(m.View()), "1:05  The barista") {
		t.Errorf("the hit does not show its moment:\n%s", ansi.Strip(m.View()))
	}
}

func TestQueryError(t *testing.T) {
	m := typed(t, newView(t), `"open`)
	if !strings.Contains(ansi.Strip(m.View()), "unclosed quote") {
		t.Errorf("no error shown:\n%s", m.View())
	}
	m = typed(t, m, `"`)
	if strings.Contains(m.View(), "unclosed quote") || len(m.Result().Hits) != 0 {
		t.Errorf("closing the quote kept the error:\n%s", m.View())
	}
}

func TestIndexArrivesLater(t *testing.T) {
	m := New(common.New(true))
	m.SetSize(60, 10)
	m.Focus()
	m = typed(t, m, "matcha")
	if !strings.Contains(m.View(), "indexing") {
		t.Errorf("no indexing notice:\n%s", m.View())
	}
	msg := BuildIndex(testNotes(t))()
	m, cmd := m.Update(msg)
	for _, r := range results(cmd) {
		m, _ = m.Update(r)
	}
	if len(m.Result().Hits) != 1 {
		t.Errorf("the query typed before the index got %d hits", len(m.Result().Hits))
	}
}

func TestViewSafeAndSized(t *testing.T) {
	m := typed(t, newView(t), "espresso")
	for _, size := range [][2]int{{80, 12}, {30, 5}, {10, 3}, {1, 1}, {0, 0}, {200, 40}} {
		m.SetSize(size[0], size[1])
		v := m.View()
		if size[1] == 0 {
			if v != "" {
				t.Errorf("%v: view %q", size, v)
			}
			continue
		}
		lines := strings.Split(v, "\n")
		if len(lines) != size[1] {
			t.Errorf("%v: %d lines", size, len(lines))
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > size[0] {
				t.Errorf("%v: line %q is %d cells", size, ansi.Strip(l), w)
			}
			plain := ansi.Strip(l)
			if strings.ContainsAny(plain, "\x1b\x07\u009b") {
				t.Errorf("%v: an escape from a note reached the screen: %q", size, plain)
			}
		}
	}
}

func TestFindTermsAreTheQueryWordsAndPhrases(t *testing.T) {
	q, err := engine.Parse(`espresso "Crema Layer" -milk channel:cooking title:coffee`)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := findTerms(q), []string{"espresso", "crema layer"}; !reflect.DeepEqual(got, want) {
		t.Errorf("findTerms = %q, want %q: exclusions and filters are not highlighted", got, want)
	}
}

// videoURL is the URL an OpenVideo action opens: built from the note, as
// the root builds it.
func videoURL(a common.Action) string {
	v, ok := a.(common.OpenVideo)
	if !ok || v.Copy {
		return ""
	}
	return v.Note.TimestampURL(v.Timestamp)
}

// TestGroupedHitsAndPreview: one header line a note (channel › title),
// then its lines with their moments; a preview of the chosen hit in
// context beside the list at 100 columns and more, none below.
func TestGroupedHitsAndPreview(t *testing.T) {
	m := typed(t, newView(t), "espresso")
	m.SetSize(120, 14)
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	headers := 0
	for _, l := range lines {
		if strings.HasPrefix(l, " cooking › ") || strings.HasPrefix(l, " evil › ") {
			headers++
		}
	}
	if headers != 3 {
		t.Errorf("%d note headers, want 3 (coffee, tea, evil):\n%s", headers, strings.Join(lines, "\n"))
	}
	if !strings.HasPrefix(lines[2], " cooking › Café culture") || !strings.Contains(lines[3], "▶      1:05  The barista pulls an") {
		t.Errorf("the first note's header and its chosen first hit:\n%s\n%s", lines[2], lines[3])
	}
	if !strings.Contains(lines[2], "│ ▶ 1:05  Brewing") || !strings.Contains(lines[5], "│ ▌ The barista pulls an espresso shot.") {
		t.Errorf("no preview of the hit in its section at 120 columns:\n%s", strings.Join(lines, "\n"))
	}
	m = keyed(t, m, "down")
	if v := ansi.Strip(m.View()); !strings.Contains(v, "│ ▌ More about the grinder and espresso.") {
		t.Errorf("the preview does not follow the selection:\n%s", v)
	}
	m.SetSize(80, 14)
	if v := ansi.Strip(m.View()); strings.Contains(v, "│") {
		t.Errorf("a preview at 80 columns:\n%s", v)
	}
}

// TestSnippetsShowLinkLabels: a snippet shows what a reader sees of a
// link, never its [target] or URL.
func TestSnippetsShowLinkLabels(t *testing.T) {
	n := parse(t, "x/links.md", "---\ntitle: Links\n---\n\nSee [the espresso guide](https://example.com/guide) and [[coffee|espresso notes]] and [[espresso basics]].\n")
	m := New(common.New(true))
	m.SetIndex(engine.Build([]*model.Note{n}))
	m.SetSize(120, 8)
	m.Focus()
	m = typed(t, m, "espresso")
	v := ansi.Strip(m.View())
	for _, bad := range []string{"](", "[[", "https://", "[coffee", "|"} {
		if strings.Contains(strings.ReplaceAll(v, "│", ""), bad) {
			t.Errorf("the view shows %q:\n%s", bad, v)
		}
	}
	if !strings.Contains(v, "See the espresso guide and espresso notes and espresso") || !strings.Contains(v, "▌ espresso basics.") {
		t.Errorf("the labels are not shown:\n%s", v)
	}
}

// TestDamagedIndexAsksForAnother: an index that could not read part of
// itself (a damaged cache) shows no hits, which may miss notes, and asks
// the root to build the index again.
func TestDamagedIndexAsksForAnother(t *testing.T) {
	head, _ := engine.Build(testNotes(t)).AppendParts(engine.DefaultBlockSize)
	ix, err := engine.Open(head, testNotes(t), func(int) ([]byte, error) { return nil, errors.New("damaged") })
	if err != nil {
		t.Fatal(err)
	}
	m := New(common.New(true))
	m.SetIndex(ix)
	m.SetSize(80, 12)
	m.Focus()
	m = typed(t, m, "grin")
	asked := m.Take()
	for _, a := range asked {
		if a != (common.IndexDamaged{}) {
			t.Errorf("asked %#v", a)
		}
	}
	if len(asked) == 0 {
		t.Error("the index was not asked to be built again")
	}
	if len(m.result.Hits) != 0 {
		t.Errorf("%d hits shown from a damaged index", len(m.result.Hits))
	}
}
