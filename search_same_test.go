package main

import (
	"encoding/json"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
	engine "tubenotes/model/search"
	"tubenotes/ui/common"
	uisearch "tubenotes/ui/searchview"
)

// runUntilQuiet runs cmd and feeds every message it gives back to m, so a
// search started by a key lands in the view.
func runUntilQuiet(m uisearch.Model, cmd tea.Cmd) uisearch.Model {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			var next tea.Cmd
			m, next = m.Update(msg)
			queue = append(queue, next)
		}
	}
	return m
}

// The browser's search view and `tubenotes search` rank alike: for several
// queries on the real notes, the view's selected first hit is the
// command's first line, moment included.
func TestSearchSameFirstHit(t *testing.T) {
	dir := loadtest.CorpusDir(t)
	v, err := loader.Load(loader.Dir(dir), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix := engine.Build(v.Notes)
	for _, query := range []string{"retention cohort", "bitcoin", `"product market fit"`, "policy -growth", "channel:nisanyans istanbul", "title:growth loops", "learn", "deep learning gpu"} {
		_, lines, _ := searchLines(t, dir, "--json", "--limit", "1", query)
		var cli searchHit
		if len(lines) != 1 || json.Unmarshal([]byte(lines[0]), &cli) != nil {
			t.Fatalf("%s: the command printed %q", query, lines)
		}

		m := uisearch.New(common.New(true))
		m.SetSize(100, 20)
		m.SetIndex(ix)
		m = runUntilQuiet(m, m.Focus())
		var cmd tea.Cmd
		m, cmd = m.Update(tea.PasteMsg{Content: query})
		m = runUntilQuiet(m, cmd)
		i := m.Selected()
		if i < 0 {
			t.Fatalf("%s: the view shows no hit", query)
		}
		h := m.Result().Hits[i]
		q, _ := engine.Parse(query)
		seconds := -1
		if ts := engine.Moment(h.Note, h.Line, q); ts >= 0 {
			seconds = int(h.Note.Timestamps[ts].Seconds)
		}
		cliSeconds := -1
		if cli.Seconds != nil {
			cliSeconds = *cli.Seconds
		}
		if h.Note.Path != string(cli.Path) || h.Line != cli.Line || seconds != cliSeconds {
			t.Errorf("%s: the view's first hit %s:%d (%d s), the command's %s:%d (%d s)", query, h.Note.Path, h.Line, seconds, cli.Path, cli.Line, cliSeconds)
		}
	}
}
