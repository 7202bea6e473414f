package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tubenotes/loader/loadtest"
)

// copyVault copies the vault at src to a temporary folder, its files dated
// an hour back so that the cache trusts their stamps, and gives the
// commands a temporary cache folder.
func copyVault(t *testing.T, src string) string {
	t.Helper()
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	dst := filepath.Join(t.TempDir(), "vault")
	past := time.Now().Add(-time.Hour)
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err == nil {
			err = os.WriteFile(target, data, 0o644)
		}
		if err == nil {
			err = os.Chtimes(target, past, past)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func statsLine(t *testing.T, vault string, flags ...string) string {
	t.Helper()
	code, out, errs := runCmd(t, append([]string{"stats", vault}, flags...)...)
	if code != 0 {
		t.Fatalf("stats: exit %d: %s", code, errs)
	}
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "cache ") {
			return strings.TrimSpace(strings.TrimPrefix(l, "cache"))
		}
	}
	t.Fatalf("no cache line in stats:\n%s", out)
	return ""
}

func TestStatsSaysWhatTheCacheDid(t *testing.T) {
	vault := copyVault(t, "testdata/cli")
	if got := statsLine(t, vault); got != "none yet" {
		t.Errorf("first stats: cache %q", got)
	}
	if got := statsLine(t, vault); got != "used: 4 files reused, 0 parsed" {
		t.Errorf("second stats: cache %q", got)
	}
	if got := statsLine(t, vault, "--no-cache"); got != "off (--no-cache)" {
		t.Errorf("--no-cache: cache %q", got)
	}
	if code, out, errs := runCmd(t, "cache", "clear", vault); code != 0 || !strings.HasPrefix(out, "removed the cache of ") {
		t.Fatalf("cache clear: exit %d: %q %s", code, out, errs)
	}
	if code, out, _ := runCmd(t, "cache", "clear", vault); code != 0 || !strings.HasPrefix(out, "no cache to remove for ") {
		t.Fatalf("cache clear again: exit %d: %q", code, out)
	}
	if got := statsLine(t, vault); got != "none yet" {
		t.Errorf("after cache clear: cache %q", got)
	}
	os.WriteFile(filepath.Join(vault, "index.md"), []byte("# changed\n"), 0o644)
	os.Chtimes(filepath.Join(vault, "index.md"), time.Now().Add(-time.Minute), time.Now().Add(-time.Minute))
	if got := statsLine(t, vault); got != "used: 3 files reused, 1 parsed" {
		t.Errorf("after an edit: cache %q", got)
	}
	code, _, errs := runCmd(t, "cache", "clear", vault, "extra")
	if code != 2 || !strings.Contains(errs, "tubenotes cache:") {
		t.Errorf("cache clear with two paths: exit %d, %q", code, errs)
	}
}

// TestWarmExportIsCold: export through a cache, and search, give what
// they give reading every file, on the test vault and on the corpus.
func TestWarmExportIsCold(t *testing.T) {
	for _, name := range []string{"testdata", "corpus"} {
		t.Run(name, func(t *testing.T) { checkWarmIsCold(t, name) })
	}
}

func checkWarmIsCold(t *testing.T, name string) {
	t.Helper()
	src := "testdata/cli"
	if name == "corpus" {
		src = loadtest.CorpusDir(t)
	}
	vault := copyVault(t, src)
	code, cold, errs := runCmd(t, "export", "--no-cache", vault)
	if code != 0 || cold == "" {
		t.Fatalf("export: exit %d, %d bytes: %s", code, len(cold), errs)
	}
	runCmd(t, "search", vault, "interest rates") // writes the cache, with the index
	if got := statsLine(t, vault); !strings.HasSuffix(got, " 0 parsed") {
		t.Fatalf("%s: the cache was not used: %q", src, got)
	}
	_, warm, _ := runCmd(t, "export", vault)
	if warm != cold {
		t.Errorf("%s: warm export differs from cold (%d bytes, %d)", src, len(warm), len(cold))
	}
	for _, q := range []string{"interest rates", `"product market"`, "talk -video"} {
		_, coldHits, _ := runCmd(t, "search", "--no-cache", "--json", vault, q)
		_, warmHits, _ := runCmd(t, "search", "--json", vault, q)
		if warmHits != coldHits {
			t.Errorf("%s: search %s: warm hits differ from cold:\n%s\n%s", src, q, warmHits, coldHits)
		}
	}
}
