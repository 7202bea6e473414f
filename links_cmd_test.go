package main

import (
	"encoding/json"
	"strings"
	"testing"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
	"tubenotes/model/links"
)

const linksVault = "model/links/testdata/vault"

func TestLinksCommand(t *testing.T) {
	code, out, errs := runCmd(t, "links", linksVault, "target")
	want := `Linked from (3)
  ch/a.md:6: A › See target and again.
  ch/a.md:6: A › See target and again.
  ch/a.md:9: A › Later a part.

Mentioned in (2)
  ch/b.md:6: B › We talked about growth loops today.
  ch/c.md:7: C › GROWTH LOOPS matter.
`
	if code != 0 || out != want || errs != "" {
		t.Errorf("exit %d, stderr %q, output\n%s\nwant\n%s", code, errs, out, want)
	}
	code, out, _ = runCmd(t, "links", "--json", "--limit", "1", linksVault, "ch/target.md")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != 0 || len(lines) != 4 {
		t.Fatalf("--json --limit 1: exit %d, %q", code, lines)
	}
	var row map[string]any
	if err := json.Unmarshal([]byte(lines[3]), &row); err != nil {
		t.Fatal(err)
	}
	if len(row) != 4 || row["kind"] != "mention" || row["path"] != "ch/b.md" && row["path"] != "ch/c.md" || row["line"] == nil || row["text"] == nil {
		t.Errorf("a mention row %v", row)
	}
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"links", linksVault, "nothere"}, 1},
		{[]string{"links", linksVault}, 2},
		{[]string{"links", "--limit", "x", linksVault, "target"}, 2},
	} {
		if code, _, errs := runCmd(t, c.args...); code != c.code || strings.Count(errs, "\n") < 1 {
			t.Errorf("%q: exit %d (want %d), stderr %q", c.args, code, c.code, errs)
		}
	}
}

// On the real notes, the links into every note are as many as export's
// resolved links naming it, and the command prints as many for a few.
func TestLinksMatchExport(t *testing.T) {
	dir := loadtest.CorpusDir(t)
	code, out, _ := runCmd(t, "export", dir)
	if code != 0 {
		t.Fatalf("export: exit %d", code)
	}
	into := map[string]int{}
	for _, n := range exportLines(t, out) {
		for _, l := range n["links"].([]any) {
			if r, ok := l.(map[string]any)["resolved"].(string); ok {
				into[r]++
			}
		}
	}
	v, err := loader.Load(loader.Dir(dir), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, n := range v.Notes {
		got := links.Backlinks(v, n)
		total += len(got)
		if len(got) != into[n.Path] {
			t.Errorf("%s: %d backlinks, export names it %d times", n.Path, len(got), into[n.Path])
		}
		for _, m := range got {
			if m.Line < 1 || m.Note.Links[m.Link].Line != m.Line || m.Note.Links[m.Link].Resolved != n.Path {
				t.Errorf("%s: backlink %s:%d is not a link to it", n.Path, m.Note.Path, m.Line)
			}
		}
	}
	if total < 1000 {
		t.Errorf("only %d backlinks in the corpus", total)
	}
	checked := 0
	for path, count := range into {
		if count < 3 || checked == 3 {
			continue
		}
		checked++
		code, out, _ := runCmd(t, "links", "--json", "--limit", "0", dir, path)
		if got := strings.Count(out, `{"kind":"link"`); code != 0 || got != count {
			t.Errorf("links %s: exit %d, %d links, export %d", path, code, got, count)
		}
	}
}
