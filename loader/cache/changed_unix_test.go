//go:build unix

package cache

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"tubenotes/loader"
	"tubenotes/model"
	"tubenotes/model/search"
)

// TestLookupRefusesANoteChangedSinceItOpened: a note whose file changes
// after the lookup checked the vault (a search of many hits reads its
// notes while the vault is being written) is refused, never given with
// the text the file holds now under the cache's parts, or with no text:
// a search then answers from the vault loaded again. Its size, its lines
// or only its bytes changed, or the file became a folder or a named pipe.
func TestLookupRefusesANoteChangedSinceItOpened(t *testing.T) {
	changes := []struct {
		name string
		do   func(t *testing.T, path string)
	}{
		{"a line added", func(t *testing.T, path string) {
			writeNote(t, filepath.Dir(path), filepath.Base(path), "# Beta\nBack to [[alpha]].\nInterest rates fall.\n")
		}},
		{"the same lines", func(t *testing.T, path string) {
			writeNote(t, filepath.Dir(path), filepath.Base(path), "# Beta\nBack to [[alpha]]. Interest rates: gone.\n")
		}},
		{"a folder", func(t *testing.T, path string) {
			mustRemove(t, path)
			if err := os.Mkdir(path, 0o755); err != nil {
				t.Fatal(err)
			}
		}},
		{"a named pipe", func(t *testing.T, path string) {
			mustRemove(t, path)
			if err := syscall.Mkfifo(path, 0o644); err != nil {
				t.Skip("no named pipes here:", err)
			}
		}},
	}
	for _, c := range changes {
		t.Run(c.name, func(t *testing.T) {
			root := newVault(t)
			warmUp(t, root)
			lk, err := OpenLookup(root, loader.Dir(root), loader.Options{})
			if err != nil {
				t.Fatal(err)
			}
			q, err := search.Parse("interest")
			if err != nil {
				t.Fatal(err)
			}
			var beta *model.Note
			for _, h := range lk.Index.Search(q).Hits {
				if h.Note.Path == "topics/beta.md" {
					beta = h.Note
				}
			}
			if beta == nil {
				t.Fatal("no hit in topics/beta.md")
			}
			c.do(t, filepath.Join(root, "topics", "beta.md"))
			if n, err := lk.Note(beta); err == nil {
				t.Errorf("the changed note was given, text %q; want it refused", n.Text())
			}
		})
	}
}
