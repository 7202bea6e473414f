package loader

import (
	"os"
	"testing"

	"tubenotes/loader/loadtest"
)

// checkSpansConsistent: every note the loader makes of dir passes the
// check the cache applies to the spans it reads
// (model.Note.SpansConsistent), so a good cache is never refused.
// FuzzParseNote checks the same of any input.
func checkSpansConsistent(t *testing.T, dir string) {
	t.Helper()
	v, err := Load(os.DirFS(dir), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Notes) == 0 {
		t.Fatalf("%s: no notes", dir)
	}
	for _, n := range v.Notes {
		if !n.SpansConsistent() {
			t.Errorf("%s: %s: spans fail the check", dir, n.Path)
		}
	}
}

func TestSpansConsistentTestdata(t *testing.T) { checkSpansConsistent(t, "testdata/vault") }

func TestSpansConsistentCorpus(t *testing.T) { checkSpansConsistent(t, loadtest.CorpusDir(t)) }
