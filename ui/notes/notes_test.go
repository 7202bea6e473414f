package notes

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	sahilm "github.com/sahilm/fuzzy"

	"tubenotes/loader"
	"tubenotes/loader/demo"
	"tubenotes/loader/loadtest"
	"tubenotes/model"
	"tubenotes/model/fuzzy"
	"tubenotes/ui/common"
	"tubenotes/ui/safe"
)

func demoVault(t testing.TB) *model.Vault {
	t.Helper()
	v, err := loader.Load(demo.FS(), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func newPane(t testing.TB, v *model.Vault, w, h int) Model {
	m := New(common.New(true))
	m.SetVault(v)
	m.SetSize(w, h)
	m.SetFocused(true)
	return m
}

// press sends keys as the root does: in browse mode to Update, and once
// the pane asks for the filter (common.StartFilter), to the filter's API
// the root's filter mode calls (enter accepts, esc clears, others edit).
func press(m Model, keys ...string) Model {
	for _, k := range keys {
		var msg tea.KeyPressMsg
		switch k {
		case "enter":
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		case "esc":
			msg = tea.KeyPressMsg{Code: tea.KeyEscape}
		case "backspace":
			msg = tea.KeyPressMsg{Code: tea.KeyBackspace}
		case "down":
			msg = tea.KeyPressMsg{Code: tea.KeyDown}
		default:
			msg = tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
		}
		var cmd tea.Cmd
		switch {
		case !m.filter.Focused():
			m, cmd = m.Update(msg)
			if slices.Contains(m.Take(), common.Action(common.StartFilter{})) {
				cmd = m.StartFilter()
			}
		case k == "enter":
			m.AcceptFilter()
		case k == "esc":
			m.ClearFilter()
		default:
			cmd = m.EditFilter(msg)
		}
		m = deliver(m, cmd)
	}
	return m
}

// deliver runs cmd and gives the pane the filter results it makes.
func deliver(m Model, cmd tea.Cmd) Model {
	if cmd == nil {
		return m
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			m = deliver(m, c)
		}
	case filteredMsg:
		m, _ = m.Update(msg)
	}
	return m
}

func (m Model) typing() bool { return m.filter.Focused() }

func TestTreeGroupsByChannelAndVideo(t *testing.T) {
	m := newPane(t, demoVault(t), 60, 30)
	got := ansi.Strip(m.View())
	want := []string{
		"Notes 8",
		" Welcome to tubenotes",
		" ▾ 3blue1brown                                            2",
		"   3blue1brown",
		"   ▾ The most unexpected answer to a counting puzzle      1",
		"     Counting puzzle involving pi",
		" ▾ bankless                                               5",
		"   bankless",
		"   ▾ Shaun Maguire: Why Hardware Always Comes Before Sof… 2",
		"     Importance of GPUs for deep learning",
		"     Cloud computing and commodity hardware",
		"   ▾ Can Ethereum Still Win Against Bitcoin & ALT Layer1… 1",
		"     Ethereum's competitive position",
		"   Reading list",
	}
	lines := strings.Split(got, "\n")
	for i, w := range want {
		if strings.TrimRight(lines[i], " ") != w {
			t.Errorf("line %d = %q, want %q", i, strings.TrimRight(lines[i], " "), w)
		}
	}
	if len(m.targets) != 8 {
		t.Errorf("%d notes listed", len(m.targets))
	}
}

func TestEveryNoteListedOnceOnTheCorpus(t *testing.T) {
	dir := loadtest.CorpusDir(t)
	v, err := loader.Load(dirFS(dir), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tree := buildTree(v)
	seen := map[*model.Note]int{}
	for _, n := range tree {
		if n.kind == noteRow {
			seen[n.note]++
			channel := n.parent
			for channel >= 0 && tree[channel].kind != channelRow {
				channel = tree[channel].parent
			}
			if channel < 0 && n.note.Channel != "" || channel >= 0 && tree[channel].label != safe.Line(n.note.Channel) {
				t.Errorf("%s (channel %q) is listed under another channel", n.note.Path, n.note.Channel)
			}
			var under *model.Video
			if n.parent >= 0 {
				under = tree[n.parent].video
			}
			if vid := v.VideoOf(n.note); under != vid && !(n.depth == 1 && n.note == v.Channel(n.note.Channel).Page) {
				t.Errorf("%s: under video %v, the model's is %v", n.note.Path, under, vid)
			}

		}
		if n.group() && n.count == 0 {
			t.Errorf("empty group %q", n.label)
		}
	}
	for _, n := range v.Notes {
		if seen[n] != 1 {
			t.Errorf("%s listed %d times", n.Path, seen[n])
		}
	}
}

func TestFoldingAndBigVaults(t *testing.T) {
	m := newPane(t, demoVault(t), 60, 30)
	m = press(m, "j", "enter") // fold 3blue1brown
	if strings.Contains(ansi.Strip(m.View()), "Counting puzzle") || !strings.Contains(ansi.Strip(m.View()), "▸ 3blue1brown") {
		t.Errorf("fold failed:\n%s", ansi.Strip(m.View()))
	}
	big := newPane(t, mustLoad(t, loadtest.Generate(300, 1)), 60, 30)
	if !strings.Contains(ansi.Strip(big.View()), "▸ ") {
		t.Error("a vault of 300 notes should start with its videos folded")
	}
	n := big.targets[len(big.targets)-1].note
	big.SetOpen(n)
	if big.Selected() != n || !strings.Contains(ansi.Strip(big.View()), "▌") {
		t.Errorf("SetOpen did not reveal the note:\n%s", ansi.Strip(big.View()))
	}
}

func TestFilterRanksAndHighlights(t *testing.T) {
	m := newPane(t, demoVault(t), 60, 30)
	m = press(m, "/", "g", "p", "u", "s")
	if !m.typing() || !m.Filtering() {
		t.Fatal("not filtering")
	}
	if m.Selected() == nil || m.Selected().Title != "Importance of GPUs for deep learning" {
		t.Fatalf("best match %v", m.Selected())
	}
	row := strings.Join(m.matchRow(0), "\n")
	if !strings.Contains(row, m.c.Styles.Match.Inherit(m.c.Styles.CursorFocused).Render("GPUs")) {
		t.Errorf("matched letters not highlighted: %q", row)
	}
	// channel and video titles are matched too
	m = press(m, "backspace", "backspace", "backspace", "backspace", "c", "o", "u", "n", "t", "i", "n", "g", " ", "p", "u", "z")
	if m.Selected() == nil || m.Selected().Path != "3blue1brown/counting_puzzle_involving_pi.md" {
		t.Errorf("counting puzz: %v", m.Selected())
	}
	m = press(m, "esc")
	if m.Filtering() || m.typing() {
		t.Error("esc did not clear")
	}
}

// TestFilterRanksTitlesFirst: fuzzy alone puts the short root notes first
// (fewer unmatched letters); the exact title, then the title that starts
// with the query, go before them.
func TestFilterRanksTitlesFirst(t *testing.T) {
	ts := buildTargets(buildTree(mustLoad(t, fstest.MapFS{
		"bankless/bankless.md": file("---\ntitle: bankless\n---\nFrom: [[bankless]]\n"),
		"bankless/picks.md":    file("---\ntitle: BANKLESS picks of the week\n---\nFrom: [[bankless]]\n"),
		"bnklss.md":            file("---\ntitle: b a n k l e s s\n---\n"),
		"ibankless.md":         file("---\ntitle: iBankless\n---\n"),
	})))
	const q = "Bankless"
	texts := make([]string, len(ts))
	for i := range ts {
		texts[i] = ts[i].String()
	}
	var got, byFuzzy []string
	for _, m := range filter(ts, nil, q) {
		got = append(got, ts[m.target].note.Path)
	}
	for _, m := range sahilm.Find(q, texts) {
		byFuzzy = append(byFuzzy, ts[m.Index].note.Path)
	}
	want := []string{"bankless/bankless.md", "bankless/picks.md"}
	if len(got) != 4 || !slices.Equal(got[:2], want) {
		t.Errorf("ranked %q, want %q first", got, want)
	}
	if slices.Equal(byFuzzy[:2], want) {
		t.Errorf("fuzzy alone ranks %q: the test shows nothing", byFuzzy)
	}
}

func TestFilterEnterRequestsTheNote(t *testing.T) {
	m := newPane(t, demoVault(t), 60, 30)
	m = press(m, "/")
	// type without delivering the filter's result: enter must still open the best match
	for _, r := range "ethereum" {
		m.EditFilter(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	m.AcceptFilter()
	reqs := m.Take()
	if len(reqs) != 1 {
		t.Fatalf("requests %v", reqs)
	}
	r := reqs[0].(common.OpenNote)
	if r.Note.Path != "bankless/ethereums_competitive_position.md" || !r.FocusReader {
		t.Errorf("enter asked for %+v", r)
	}
	if m.typing() || !m.Filtering() {
		t.Error("enter should stop typing and keep the filter")
	}
}

func TestStaleFilterResultsAreDropped(t *testing.T) {
	m := newPane(t, demoVault(t), 60, 30)
	m = press(m, "/")
	old := m.EditFilter(tea.KeyPressMsg{Code: 'z', Text: "z"})
	m.EditFilter(tea.KeyPressMsg{Code: tea.KeyBackspace})
	newer := m.EditFilter(tea.KeyPressMsg{Code: 'c', Text: "c"})
	m, _ = m.Update(newer())
	m, _ = m.Update(old()) // "z" arrives late
	if m.query != "c" || len(m.matches) == 0 {
		t.Errorf("stale result applied: query %q, %d matches", m.query, len(m.matches))
	}
}

func TestViewIsExactlyTheSize(t *testing.T) {
	v := demoVault(t)
	for _, sz := range [][2]int{{0, 0}, {1, 1}, {5, 3}, {30, 4}, {80, 50}} {
		m := newPane(t, v, sz[0], sz[1])
		m = press(m, "G", "/", "e")
		s := m.View()
		if sz[1] == 0 || sz[0] == 0 {
			if s != "" {
				t.Errorf("%v: %q", sz, s)
			}
			continue
		}
		lines := strings.Split(s, "\n")
		if len(lines) != sz[1] {
			t.Errorf("%v: %d lines", sz, len(lines))
		}
		for _, l := range lines {
			if ansi.StringWidth(l) != sz[0] {
				t.Errorf("%v: line %q is %d cells", sz, ansi.Strip(l), ansi.StringWidth(l))
			}
		}
	}
}

func TestClickAndScroll(t *testing.T) {
	m := newPane(t, demoVault(t), 60, 5)
	m.Scroll(3)
	if m.cur.Offset != 3 {
		t.Errorf("scroll offset %d", m.cur.Offset)
	}
	m.Click(1) // the first row in the window: 3blue1brown's video group
	if m.Selected() != nil || len(m.Take()) != 0 {
		t.Error("click on a group should fold it, not open")
	}
	m.Scroll(-10)
	m.Click(1)
	reqs := m.Take()
	if len(reqs) != 1 || reqs[0].(common.OpenNote).Note.Path != "index.md" || reqs[0].(common.OpenNote).FocusReader {
		t.Errorf("click on the first note asked for %v", reqs)
	}
}

// BenchmarkFilterKeystroke is one keystroke of the notes filter on a
// 20,000-note vault (it runs in a command, off the update loop): a whole
// query at once, one first letter (the most matches), and the mean of the
// keystrokes of typing a query, where each narrows the last one's matches.
func BenchmarkFilterKeystroke(b *testing.B) {
	m := newPane(b, mustLoad(b, loadtest.Generate(20000, 1)), 60, 30)
	b.Run("query", func(b *testing.B) {
		for b.Loop() {
			if len(filter(m.targets, nil, "market predi")) == 0 {
				b.Fatal("no match")
			}
		}
	})
	b.Run("first-letter", func(b *testing.B) {
		for b.Loop() {
			filter(m.targets, nil, "m")
		}
	})
	b.Run("typing", func(b *testing.B) {
		const query = "market predi"
		for b.Loop() {
			p := m
			p.StartFilter()
			for _, r := range query {
				cmd := p.EditFilter(tea.KeyPressMsg{Code: r, Text: string(r)})
				p = deliver(p, cmd)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len("market predi")), "ns/keystroke")
	})
}

func TestSubsequenceAgreesWithFuzzy(t *testing.T) {
	texts := []string{"Importance of GPUs", "café au lait", "KELVIN \u212a scale", "a_b-c d", "ſtraße", "", "ÀÉÎ", "x[y]z", "Growth  channel › data ſ", "\u212a"}
	queries := []string{"gpus", "GPU", "cafe", "café", "k", "kk", "\u212a", "ab", "a_b", "s", "ſ", "ß", "àéî", "[]", "]", "zz", "gd", "gds", "›"}
	var ts []target
	for _, s := range texts {
		ts = append(ts, newTarget(nil, s, fuzzy.ASCIILower(s), len(s)))
	}
	for _, q := range queries {
		p := fuzzy.NewPattern(q)
		fast := map[int]bool{}
		for _, mt := range filter(ts, nil, q) {
			fast[mt.target] = true
		}
		for i, s := range texts {
			want := len(sahilm.Find(q, []string{s})) == 1
			if fast[i] != want || ts[i].Holds(&p) != want {
				t.Errorf("%q in %q: filter %v, holds %v, fuzzy %v", q, s, fast[i], ts[i].Holds(&p), want)
			}
		}
	}
}

func TestQueryTypedWhileLoadingIsRankedOnLoad(t *testing.T) {
	m := New(common.New(true))
	m.SetSize(60, 10)
	m.SetFocused(true)
	m = press(m, "/", "g", "p", "u", "s")
	if len(m.matches) != 0 {
		t.Fatal("matches before the vault")
	}
	cmd := m.SetVault(demoVault(t))
	if cmd == nil {
		t.Fatal("no ranking for the typed query")
	}
	m, _ = m.Update(cmd())
	if m.Selected() == nil || m.Selected().Title != "Importance of GPUs for deep learning" {
		t.Errorf("best match after load: %v", m.Selected())
	}
}

// TestFilterRanksAsFuzzy holds the filter to the library it stands in for:
// the same matches in the same order (fuzzy.Find sorts stably by score) and
// the same letters highlighted, broad queries included.
func TestFilterRanksAsFuzzy(t *testing.T) {
	m := newPane(t, mustLoad(t, loadtest.Generate(6000, 2)), 60, 30)
	rankedAsFuzzy(t, m.targets, []string{"e", "E", "ma", "market predi", "Gpu", "c 1", "l03 › ", "thedata", "zzz", "é"})
}

func TestFilterRanksAsFuzzyOnTheCorpus(t *testing.T) {
	v, err := loader.Load(dirFS(loadtest.CorpusDir(t)), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rankedAsFuzzy(t, buildTargets(buildTree(v)), []string{"a", "s", "k", "ai", "Bitcoin", "bankless › ", "how to", "über", "ml ops"})
}

func rankedAsFuzzy(t *testing.T, ts []target, queries []string) {
	t.Helper()
	texts := make([]string, len(ts))
	for i, tg := range ts {
		texts[i] = tg.String()
	}
	for _, q := range queries {
		got, want := filter(ts, nil, q), titlesFirst(ts, sahilm.Find(strings.TrimSpace(q), texts), strings.TrimSpace(q))
		if len(got) != len(want) {
			t.Errorf("%q: %d matches, fuzzy %d", q, len(got), len(want))
			continue
		}
		for i, w := range want {
			g := got[i]
			if g.target != w.Index || g.score != w.Score || !slices.Equal(ts[g.target].matchedOffsets(q), w.MatchedIndexes) {
				t.Errorf("%q: row %d is %q (%d, %v), fuzzy %q (%d, %v)", q, i, texts[g.target], g.score,
					ts[g.target].matchedOffsets(q), w.Str, w.Score, w.MatchedIndexes)
				break
			}
		}
	}
}

// titlesFirst is fuzzy's ranking with exact titles moved first, then
// titles that start with q, each group in fuzzy's order.
func titlesFirst(ts []target, ms sahilm.Matches, q string) sahilm.Matches {
	rank := func(m sahilm.Match) int {
		title := strings.ToLower(ts[m.Index].String()[:ts[m.Index].titleEnd])
		switch q := strings.ToLower(q); {
		case title == q:
			return 0
		case strings.HasPrefix(title, q):
			return 1
		}
		return 2
	}
	slices.SortStableFunc(ms, func(a, b sahilm.Match) int { return rank(a) - rank(b) })
	return ms
}

// BenchmarkFilterKeystroke100k is the first letter and a whole query on a
// 100,000-note vault's targets.
func BenchmarkFilterKeystroke100k(b *testing.B) {
	var ts []target
	for len(ts) < 100000 {
		ts = append(ts, buildTargets(buildTree(mustLoad(b, loadtest.Generate(20000, int64(len(ts))))))...)
	}
	b.Run("first-letter", func(b *testing.B) {
		for b.Loop() {
			filter(ts, nil, "m")
		}
	})
	b.Run("query", func(b *testing.B) {
		for b.Loop() {
			filter(ts, nil, "market predi")
		}
	})
}
