package model

import (
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Change is a file of a vault read again: its note now, or none when the
// file is gone or is no longer a note.
type Change struct {
	Path     string
	Note     *Note        // nil: no note at Path any more
	Page     *ChannelPage // the note's list of videos when it is a channel page
	Problems []Problem    // what reading the file found, replacing Path's old ones
}

// Apply is the vault with changes made: notes replaced, added or removed,
// every link resolved again where the set of notes changed, channels and
// videos gathered anew. v is not changed (a UI may still be drawing it),
// and notes of v whose links resolve the same are shared with it: a note
// of the new vault is the same pointer as in v exactly when nothing shown
// of it changed, which tells a UI what to render again. The changes'
// notes must be new ones, not notes of v: Apply sets their links.
func (v *Vault) Apply(changes []Change) *Vault {
	byPath := make(map[string]Change, len(changes))
	for _, c := range changes {
		byPath[c.Path] = c // the last word on a path wins
	}
	notes := make([]*Note, 0, len(v.Notes)+len(byPath))
	for _, n := range v.Notes {
		if _, changed := byPath[n.Path]; !changed {
			notes = append(notes, n)
		}
	}
	var fresh []*Note
	for _, c := range byPath {
		if c.Note != nil {
			c.Note.Path = c.Path
			notes = append(notes, c.Note)
			fresh = append(fresh, c.Note)
		}
	}
	sortNotes(notes)

	names := v.names
	var copied map[*Note]*Note
	if !names.indexes(notes) {
		names = NewNames(pathsOf(notes))
		// The same link may now name another note: a note whose links
		// resolve differently is copied, never changed in place.
		copied = reresolve(names, notes, byPath)
	}
	resolveLinks(names, fresh)

	pages := make([]ChannelPage, 0, len(v.pages)+len(byPath))
	for _, p := range v.pages {
		if _, changed := byPath[p.Note.Path]; !changed {
			if c, ok := copied[p.Note]; ok {
				p.Note = c
			}
			pages = append(pages, p)
		}
	}
	problems := make([]Problem, 0, len(v.Problems))
	for _, p := range v.Problems {
		if _, changed := byPath[p.Path]; !changed {
			problems = append(problems, p)
		}
	}
	for _, c := range byPath {
		if c.Note != nil && c.Page != nil {
			page := *c.Page
			page.Note = c.Note
			pages = append(pages, page)
		}
		problems = append(problems, c.Problems...)
	}
	return newVault(names, notes, pages, problems)
}

// reresolve resolves the links of the notes not in changed with names,
// replacing in notes each note where a link resolves differently by a
// copy; it returns the copies by the note they replace.
func reresolve(names *Names, notes []*Note, changed map[string]Change) map[*Note]*Note {
	copies := make([]*Note, len(notes))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Go(func() {
			lo, hi := w*len(notes)/workers, (w+1)*len(notes)/workers
			for i, n := range notes[lo:hi] {
				if _, ok := changed[n.Path]; ok {
					continue
				}
				var links []Link
				for k, l := range n.Links {
					to := names.Resolve(n.Path, l.Target)
					if to == l.Resolved {
						continue
					}
					if links == nil {
						links = slices.Clone(n.Links)
					}
					links[k].Resolved = to
				}
				if links != nil {
					c := *n
					c.Links = links
					copies[lo+i] = &c
				}
			}
		})
	}
	wg.Wait()
	copied := map[*Note]*Note{}
	for i, c := range copies {
		if c != nil {
			copied[notes[i]] = c
			notes[i] = c
		}
	}
	return copied
}

// NotesUnder are the notes at dir or in folders under it.
func (v *Vault) NotesUnder(dir string) []*Note {
	dir = strings.TrimSuffix(dir, "/") + "/"
	i, _ := slices.BinarySearchFunc(v.Notes, dir, func(n *Note, p string) int { return strings.Compare(n.Path, p) })
	j := i
	for j < len(v.Notes) && strings.HasPrefix(v.Notes[j].Path, dir) {
		j++
	}
	return v.Notes[i:j]
}
