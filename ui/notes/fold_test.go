package notes

import (
	"os"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"tubenotes/loader/loadtest"
	"tubenotes/model/fold"
	"tubenotes/model/fuzzy"
)

// TestFilterMatchesOnTheFold: the filter matches on the one fold (accents
// dropped, ligatures, Turkish i, ß) and lights the runes of the title as
// written.
func TestFilterMatchesOnTheFold(t *testing.T) {
	for _, c := range []struct {
		query      []string
		want, lit  string // the best match's title, and the runes lit in it
		extraFound string // another title the query finds, "" for none
	}{
		{[]string{"c", "a", "f", "e"}, "Café society", "Café", "Plain cafeteria"},
		{[]string{"f", "i", "n", "a", "n", "c", "e"}, "ﬁnance weekly", "ﬁnance", ""},
		{[]string{"s", "t", "r", "a", "s", "s", "e"}, "Straße and İstanbul", "Straße", ""},
		{[]string{"i", "s", "t", "a", "n", "b", "u", "l"}, "Straße and İstanbul", "İstanbul", ""},
		// a title typed in full, on the fold, is an exact title: first,
		// above a better fuzzy score ("Plain cafeteria" scores less here)
		{[]string{"c", "a", "f", "e", " ", "s", "o", "c", "i", "e", "t", "y"}, "Café society", "Café society", ""},
		{[]string{"s", "t", "r", "a", "s", "s", "e", " "}, "Straße and İstanbul", "Straße", ""},
	} {
		m := newPane(t, mustLoad(t, os.DirFS("testdata/folded")), 60, 12)
		m = press(m, append([]string{"/"}, c.query...)...)
		if m.Selected() == nil || m.Selected().Title != c.want {
			t.Errorf("%q: best match %v, want %q", c.query, m.Selected(), c.want)
			continue
		}
		var found []string
		for _, mt := range m.matches {
			found = append(found, m.targets[mt.target].note.Title)
		}
		if c.extraFound != "" && !strings.Contains(strings.Join(found, "|"), c.extraFound) {
			t.Errorf("%q: found %q, not %q", c.query, found, c.extraFound)
		}
		tg := &m.targets[m.matches[0].target]
		var lit strings.Builder
		for _, at := range tg.matchedOffsets(strings.Join(c.query, "")) {
			lit.WriteString(tg.String()[at : at+len(string([]rune(tg.String()[at:])[0]))])
		}
		if lit.String() != c.lit {
			t.Errorf("%q: lights %q, want %q", c.query, lit.String(), c.lit)
		}
		// the row shows the title as written, its matched runes styled
		view := m.View()
		if !strings.Contains(ansi.Strip(view), c.want) {
			t.Errorf("%q: the row does not show %q:\n%s", c.query, c.want, ansi.Strip(view))
		}
		if hit := m.c.Styles.Match.Inherit(lipgloss.NewStyle()); !strings.Contains(view, hit.Render(c.lit)) && !strings.Contains(view, m.c.Styles.Match.Inherit(m.c.Styles.CursorFocused).Render(c.lit)) {
			t.Errorf("%q: %q not highlighted:\n%q", c.query, c.lit, view)
		}
	}
}

// TestTitleTierOnTheFold: a title typed in full, or its start, ranks first
// when it is typed folded ("cafe society" for "Café society").
func TestTitleTierOnTheFold(t *testing.T) {
	ts := buildTargets(buildTree(mustLoad(t, os.DirFS("testdata/folded"))))
	tierOf := func(title, query string) tier {
		for i := range ts {
			if ts[i].note.Title == title {
				folded, _ := fold.Cased(query)
				return ts[i].titleTier(fuzzy.ASCIILower(folded))
			}
		}
		t.Fatalf("no target %q", title)
		return fuzzyOnly
	}
	for _, c := range []struct {
		title, query string
		want         tier
	}{
		{"Café society", "cafe society", exactTitle},
		{"Café society", "CAFÉ SOCIETY", exactTitle},
		{"Café society", "cafe", titlePrefix},
		{"ﬁnance weekly", "finance", titlePrefix},
		{"Straße and İstanbul", "strasse and istanbul", exactTitle},
		{"Café society", "society", fuzzyOnly},
	} {
		if got := tierOf(c.title, c.query); got != c.want {
			t.Errorf("%q for %q: tier %d, want %d", c.title, c.query, got, c.want)
		}
	}
}

// BenchmarkFilterKeystrokeAccented is BenchmarkFilterKeystroke's query on
// 20,000 targets that all need folding (an "é" in every title), the
// worst case for the fold: every match's letters are mapped back.
func BenchmarkFilterKeystrokeAccented(b *testing.B) {
	m := newPane(b, mustLoad(b, loadtest.Generate(20000, 1)), 60, 30)
	ts := make([]target, len(m.targets))
	for i, t := range m.targets {
		text := strings.Replace(t.String(), "e", "é", 1)
		ts[i] = newTarget(t.note, text, fuzzy.ASCIILower(text), t.titleEnd+len(text)-len(t.String()))
	}
	for _, q := range []string{"m", "market predi", "márket prédi"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				ms := filter(ts, nil, q)
				for _, mt := range ms[:min(30, len(ms))] { // and a screen of highlights
					ts[mt.target].matchedOffsets(q)
				}
			}
		})
	}
}
