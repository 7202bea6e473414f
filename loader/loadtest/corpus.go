// Package loadtest supports tests and benchmarks that need a vault: the
// real corpus beside the repository, or a generated one of any size.
package loadtest

import (
	"os"
	"path/filepath"
	"testing"
)

// CorpusDir is the absolute path of ../shared/corpus/tubegraph seen from the
// repository root (the folder holding go.mod above the working directory).
// It skips the test when the corpus is not there.
func CorpusDir(tb testing.TB) string {
	tb.Helper()
	wd, err := os.Getwd()
	if err != nil {
		tb.Skipf("real corpus not found: no working directory: %v", err)
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			corpus := filepath.Join(filepath.Dir(dir), "shared", "corpus", "tubegraph")
			if info, err := os.Stat(corpus); err != nil || !info.IsDir() {
				tb.Skipf("real corpus not found at %s (the tests over real notes need the shared corpus beside the repository)", corpus)
			}
			return corpus
		}
		if filepath.Dir(dir) == dir {
			tb.Skipf("real corpus not found: no go.mod above %s", wd)
		}
	}
}
