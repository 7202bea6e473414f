package main

import (
	"encoding/json"
	"os"
	"path/filepath"
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

// Hostile names reach the terminal cleaned and JSON exactly; the paths in
// search --json are the real ones too, byte for byte.
func TestLinksAndSearchHostileNames(t *testing.T) {
	dir := t.TempDir()
	folder := "ch\u200f"
	target := folder + "/tar\x1b[2Jget.md"
	if err := os.MkdirAll(filepath.Join(dir, folder), 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(p, text string) {
		if err := os.WriteFile(filepath.Join(dir, p), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(target, "---\ntitle: \"Zebra \\e[2J\"\n---\nHorses.\n")
	write(folder+"/new\nline.md", "---\ntitle: Newline\n---\nStripes.\n")
	write(folder+"/from.md", "---\ntitle: From\n---\nSee [[tar\x1b[2Jget]] and zebra \x1b[2J.\n")
	write(folder+"/other.md", "---\ntitle: Other\n---\nA zebra \x1b[2J \u202eline.\n")

	code, out, _ := runCmd(t, "links", dir, target)
	if code != 0 || strings.ContainsAny(out, "\x1b\u200f\u202e") || !strings.Contains(out, "Mentioned in (") {
		t.Errorf("links: exit %d, %q", code, out)
	}
	code, out, _ = runCmd(t, "links", "--json", dir, target)
	if code != 0 || strings.ContainsAny(out, "\x1b\u200f\u202e") {
		t.Fatalf("links --json: exit %d, %q", code, out)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		got = append(got, m["kind"].(string)+" "+m["path"].(string)+" "+m["text"].(string))
	}
	want := []string{"link " + folder + "/from.md See tar\x1b[2Jget and zebra \x1b[2J.", "mention " + folder + "/other.md A zebra \x1b[2J \u202eline."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("links --json\n%q\nwant\n%q", got, want)
	}
	code, out, _ = runCmd(t, "search", "--json", dir, "stripes")
	var hit searchHit
	if code != 0 || json.Unmarshal([]byte(out), &hit) != nil || string(hit.Path) != folder+"/new\nline.md" || strings.ContainsAny(out, "\x1b\u200f") {
		t.Errorf("search --json: exit %d, %q", code, out)
	}
	code, out, _ = runCmd(t, "search", dir, "stripes")
	if code != 0 || strings.ContainsAny(out, "\x1b\u200f") || strings.Count(out, "\n") != 1 {
		t.Errorf("search: exit %d, %q", code, out)
	}
}

func TestLinksRefusesANegativeLimit(t *testing.T) {
	code, out, errs := runCmd(t, "links", "--limit", "-1", linksVault, "target")
	if code != 2 || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "--limit -1") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}
