package vaultpath

import (
	"os"
	"path/filepath"
	"testing"
)

func TestALinkNamesItsTarget(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "notes")
	if err := os.Mkdir(real, 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	want, err := Of(real)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{link, link + "/", filepath.Join(link, "..", "notes")} {
		if got, err := Of(p); err != nil || got != want {
			t.Errorf("Of(%q) = %q, %v; want %q", p, got, err, want)
		}
	}
}

func TestAMissingPathIsMadeAbsolute(t *testing.T) {
	dir := t.TempDir()
	gone := filepath.Join(dir, "moved-away")
	got, err := Of(gone)
	if err != nil || !filepath.IsAbs(got) || filepath.Base(got) != "moved-away" {
		t.Errorf("Of(%q) = %q, %v", gone, got, err)
	}
}
