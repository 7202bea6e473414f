package cache

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"tubenotes/loader"
	"tubenotes/model"
	"tubenotes/model/search"
)

// testVaultFS is the loader's test vault: notes, a channel page, a binary
// file and a Latin-1 one (problems).
func testVaultFS() fs.FS {
	return os.DirFS("../testdata/vault")
}

// past is the modification time files get, well before any save, so the
// cache trusts their stamps.
var past = time.Now().Add(-time.Hour)

// newVault copies the test vault to a temporary folder, adds two notes
// that link to each other, and points XDG_CACHE_HOME at a temporary
// folder. It returns the vault's folder.
func newVault(t *testing.T) string {
	t.Helper()
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	root := filepath.Join(t.TempDir(), "vault")
	err := fs.WalkDir(testVaultFS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(testVaultFS(), p)
		if err == nil {
			writeNote(t, root, p, string(data))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	writeNote(t, root, "topics/alpha.md", "---\ntitle: Alpha\n---\n# Alpha\nSee [[beta]] and [[gamma]].\n")
	writeNote(t, root, "topics/beta.md", "# Beta\nBack to [[alpha]]. Interest rates rise.\n")
	return root
}

// writeNote writes a file of the vault with a modification time in the past.
func writeNote(t *testing.T, root, p, text string) {
	t.Helper()
	full := filepath.Join(root, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(full, past, past); err != nil {
		t.Fatal(err)
	}
}

func load(t *testing.T, root string, opts loader.Options) Result {
	t.Helper()
	res, err := Load(root, loader.Dir(root), opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// warmUp loads root cold and saves its cache with the index.
func warmUp(t *testing.T, root string) { t.Helper(); warmUpWith(t, root, loader.Dir(root)) }

// warmUpWith is warmUp through fsys.
func warmUpWith(t *testing.T, root string, fsys fs.FS) {
	t.Helper()
	res, err := Load(root, fsys, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != "none yet" {
		t.Fatalf("first load: status %q, want none yet", res.Status)
	}
	if err := res.Save(search.Build(res.Vault.Notes)); err != nil {
		t.Fatal(err)
	}
}

// damageCache warms the vault at root up and writes its cache file again
// as damage makes it; it returns the file's path.
func damageCache(t *testing.T, root string, damage func(data []byte) []byte) string {
	t.Helper()
	warmUp(t, root)
	path, _ := File(root)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, damage(data), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// checkFresh wants res to hold what a load without cache gives, and its
// index, when it has one, to be the index of those notes.
func checkFresh(t *testing.T, res Result, root string) {
	t.Helper()
	want, err := loader.Load(loader.Dir(root), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(eagerNotes(res.Vault.Notes), eagerNotes(want.Notes)) {
		t.Errorf("notes differ from a fresh load:\n got %s\nwant %s", describe(res.Vault.Notes), describe(want.Notes))
	}
	if !reflect.DeepEqual(res.Vault.Problems, want.Problems) {
		t.Errorf("problems %v, want %v", res.Vault.Problems, want.Problems)
	}
	if got, want := channels(res.Vault), channels(want); got != want {
		t.Errorf("channels and videos %s, want %s", got, want)
	}
	if res.Index != nil && !bytes.Equal(res.Index.AppendBinary(nil), search.Build(want.Notes).AppendBinary(nil)) {
		t.Error("the cached index is not the index of the notes")
	}
}

func describe(notes []*model.Note) string {
	var b strings.Builder
	for _, n := range notes {
		b.WriteString(n.Path + " [")
		for _, l := range n.Links {
			b.WriteString(l.Target + "→" + l.Resolved + " ")
		}
		b.WriteString("] ")
	}
	return b.String()
}

func channels(v *model.Vault) string {
	var b strings.Builder
	for _, c := range v.Channels {
		b.WriteString(c.Name + "(")
		for _, vid := range c.Videos {
			b.WriteString(vid.ID + ":" + vid.Title + ":")
			for _, n := range vid.Notes {
				b.WriteString(n.Path + ",")
			}
		}
		b.WriteString(") ")
	}
	return b.String()
}

func TestWarmLoadReusesEverything(t *testing.T) {
	root := newVault(t)
	warmUp(t, root)
	res := load(t, root, loader.Options{})
	if !strings.HasPrefix(res.Status, "used: ") || !strings.HasSuffix(res.Status, ", 0 parsed") {
		t.Errorf("status %q, want every file reused", res.Status)
	}
	if res.Index == nil {
		t.Fatal("no index from a cache that holds one")
	}
	if res.Stale(res.Index) {
		t.Error("an up-to-date cache would be written again")
	}
	checkFresh(t, res, root)
}

// TestInvalidation changes the vault after the cache was written, in every
// way a vault changes, and wants each load to be a fresh load's equal,
// parsing only what changed.
func TestInvalidation(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(t *testing.T, root string)
		parsed int // files parsed again
	}{
		{"edit", func(t *testing.T, root string) {
			writeNote(t, root, "topics/beta.md", "# Beta\nBack to [[alpha]]. Interest rates fall, now.\n")
		}, 1},
		{"edit keeping the size", func(t *testing.T, root string) {
			writeNote(t, root, "topics/beta.md", strings.Replace("# Beta\nBack to [[alpha]]. Interest rates rise.\n", "rise", "fall", 1))
			os.Chtimes(filepath.Join(root, "topics/beta.md"), past.Add(time.Second), past.Add(time.Second))
		}, 1},
		{"edit with its time set back", func(t *testing.T, root string) {
			writeNote(t, root, "topics/beta.md", "# Beta\nBack to [[alpha]]. Interest rates drop.\n") // same size; writeNote sets the old time
		}, 1},
		{"chmod", func(t *testing.T, root string) {
			os.Chmod(filepath.Join(root, "topics/beta.md"), 0o600)
		}, 1},
		{"touch without change", func(t *testing.T, root string) {
			os.Chtimes(filepath.Join(root, "topics/beta.md"), past.Add(time.Minute), past.Add(time.Minute))
		}, 1},
		{"add a note a link names", func(t *testing.T, root string) {
			writeNote(t, root, "topics/gamma.md", "# Gamma\n")
		}, 1},
		{"delete a note a link names", func(t *testing.T, root string) {
			os.Remove(filepath.Join(root, "topics/beta.md"))
		}, 0},
		{"rename a note", func(t *testing.T, root string) {
			os.Rename(filepath.Join(root, "topics/beta.md"), filepath.Join(root, "topics/gamma.md"))
		}, 1},
		{"rename a folder", func(t *testing.T, root string) {
			os.Rename(filepath.Join(root, "topics"), filepath.Join(root, "subjects"))
		}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := newVault(t)
			warmUp(t, root)
			tc.change(t, root)
			res := load(t, root, loader.Options{})
			want := ", " + string(rune('0'+tc.parsed)) + " parsed"
			if !strings.Contains(res.Status, want) {
				t.Errorf("status %q, want %q", res.Status, want)
			}
			if res.Index == nil || !strings.HasSuffix(res.Status, "; index updated") {
				t.Errorf("status %q: the index was not updated", res.Status)
			}
			checkFresh(t, res, root) // the index too

			if !res.Stale(nil) {
				t.Error("a changed vault's cache would not be written")
			}
			if err := res.Save(search.Build(res.Vault.Notes)); err != nil {
				t.Fatal(err)
			}
			again := load(t, root, loader.Options{})
			if again.Index == nil || !strings.HasSuffix(again.Status, ", 0 parsed") {
				t.Errorf("after saving: status %q, index %v", again.Status, again.Index != nil)
			}
			checkFresh(t, again, root)
		})
	}
}

// TestBadCacheIsIgnored damages the cache file in every way and wants the
// load to say so in its status, give a fresh load's vault, and write a
// good cache again.
func TestBadCacheIsIgnored(t *testing.T) {
	for _, tc := range []struct {
		name   string
		damage func(data []byte) []byte
		status string
	}{
		{"truncated", func(d []byte) []byte { return d[:len(d)/2] }, "ignored: truncated; rebuilt"},
		{"cut in the header", func(d []byte) []byte { return d[:10] }, "ignored: not a tubenotes cache; rebuilt"},
		{"empty", func(d []byte) []byte { return nil }, "ignored: not a tubenotes cache; rebuilt"},
		{"a flipped bit", func(d []byte) []byte { d[firstBlob(d)+2] ^= 4; return d }, "ignored: damaged: checksum mismatch; rebuilt"},
		{"a flipped bit in the header", func(d []byte) []byte { d[prefixLen+3] ^= 4; return d }, "ignored: damaged: header checksum mismatch; rebuilt"},
		{"foreign", func(d []byte) []byte { return []byte("PNG\x00 some other program's file") }, "ignored: not a tubenotes cache; rebuilt"},
		{"another version", func(d []byte) []byte { d[len(magic)]++; return d }, fmt.Sprintf("ignored: made by another version (format %d, this is %d); rebuilt", formatVersion+1, formatVersion)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := newVault(t)
			damageCache(t, root, tc.damage)
			res := load(t, root, loader.Options{})
			if res.Status != tc.status {
				t.Errorf("status %q, want %q", res.Status, tc.status)
			}
			if res.Index != nil {
				t.Error("an index from a bad cache")
			}
			checkFresh(t, res, root)
			if err := res.Save(search.Build(res.Vault.Notes)); err != nil {
				t.Fatal(err)
			}
			if again := load(t, root, loader.Options{}); again.Index == nil {
				t.Errorf("not rebuilt: %q", again.Status)
			}
		})
	}
}

// TestMovedVault: a vault that moved has no cache yet, and a cache file
// of another vault's path (copied, or a name collision) is not used.
func TestMovedVault(t *testing.T) {
	root := newVault(t)
	warmUp(t, root)
	moved := filepath.Join(filepath.Dir(root), "moved")
	if err := os.Rename(root, moved); err != nil {
		t.Fatal(err)
	}
	if res := load(t, moved, loader.Options{}); res.Status != "none yet" {
		t.Errorf("moved vault: status %q", res.Status)
	}
	// the old cache, under the new vault's name
	oldFile, _ := File(root)
	newFile, _ := File(moved)
	if err := os.Rename(oldFile, newFile); err != nil {
		t.Fatal(err)
	}
	res := load(t, moved, loader.Options{})
	if res.Status != "ignored: made for another vault; rebuilt" {
		t.Errorf("status %q", res.Status)
	}
	checkFresh(t, res, moved)
}

// TestALinkToTheVaultSharesItsCache: a vault opened through a symbolic
// link finds the cache its real path made, and the other way round.
func TestALinkToTheVaultSharesItsCache(t *testing.T) {
	root := newVault(t)
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(root, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	warmUp(t, link)
	if a, b := mustFile(t, link), mustFile(t, root); a != b {
		t.Errorf("two cache files for one vault: %s and %s", a, b)
	}
	res := load(t, root, loader.Options{})
	if !strings.HasPrefix(res.Status, "used") {
		t.Errorf("the real path after the link made the cache: status %q", res.Status)
	}
	checkFresh(t, res, root)
}

// TestNoCacheInsideTheVault: with $XDG_CACHE_HOME inside the vault the
// cache is off, says why, and nothing is written there.
func TestNoCacheInsideTheVault(t *testing.T) {
	root := newVault(t)
	t.Setenv("XDG_CACHE_HOME", filepath.Join(root, ".cache"))
	res := load(t, root, loader.Options{})
	if !strings.HasPrefix(res.Status, "off: ") || !strings.Contains(res.Status, "inside the vault") {
		t.Errorf("status %q", res.Status)
	}
	if err := res.Save(search.Build(res.Vault.Notes)); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(filepath.Join(root, ".cache")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("something was written inside the vault: %v", err)
	}
	checkFresh(t, res, root)
}

func mustFile(t *testing.T, root string) string {
	t.Helper()
	f, err := File(root)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestOtherTimestampModeIsIgnored(t *testing.T) {
	root := newVault(t)
	warmUp(t, root)
	res := load(t, root, loader.Options{Timestamps: loader.TimestampsMS})
	if res.Status != "ignored: made with --timestamps auto; rebuilt" {
		t.Errorf("status %q", res.Status)
	}
}

// TestRecentFilesAreParsedAgain: a file changed just before the save may
// change again within its clock tick, so its stamp is not trusted.
func TestRecentFilesAreParsedAgain(t *testing.T) {
	root := newVault(t)
	os.Chtimes(filepath.Join(root, "topics/beta.md"), time.Now(), time.Now())
	warmUp(t, root)
	if res := load(t, root, loader.Options{}); !strings.Contains(res.Status, ", 1 parsed") {
		t.Errorf("status %q, want the recent file parsed", res.Status)
	}
}

func TestClear(t *testing.T) {
	root := newVault(t)
	warmUp(t, root)
	if removed, err := Clear(root); err != nil || !removed {
		t.Fatal(removed, err)
	}
	if res := load(t, root, loader.Options{}); res.Status != "none yet" {
		t.Errorf("after clear: %q", res.Status)
	}
	if removed, err := Clear(root); err != nil || removed {
		t.Errorf("clearing a cache that is not there: removed %v, %v", removed, err)
	}
	warmUp(t, root)
	if removed, err := Clear(""); err != nil || !removed {
		t.Fatal(removed, err)
	}
	if _, err := os.Stat(Dir()); !os.IsNotExist(err) {
		t.Errorf("clear all left %s: %v", Dir(), err)
	}
}

// firstBlob is where the first blob of the cache file data starts.
func firstBlob(data []byte) int {
	return prefixLen + int(binary.LittleEndian.Uint32(data[len(magic)+4:]))
}

// TestDamagedBlockFoundBySearch: a block of postings is read only when a
// search needs it, so damage there is found then: the index says so
// (search.Index.Err, for the caller to build it again) and the cache file
// goes, to be rebuilt by the next start.
func TestDamagedBlockFoundBySearch(t *testing.T) {
	root := newVault(t)
	path := damageCache(t, root, func(d []byte) []byte {
		d[len(d)-2] ^= 4 // in the last block of postings
		return d
	})
	res := load(t, root, loader.Options{})
	if res.Index == nil {
		t.Fatalf("no index from the cache: %q", res.Status)
	}
	for _, n := range res.Vault.Notes { // every word of every note: the damaged block is read
		for _, w := range search.Tokens(n.Text()) {
			q, err := search.Parse(w)
			if err == nil {
				res.Index.Search(q)
			}
		}
	}
	if res.Index.Err() == nil {
		t.Error("the damaged block went unnoticed")
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the damaged cache file stays: %v", err)
	}
}
