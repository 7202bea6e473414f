// Package state keeps what the browser remembers of a vault between runs:
// where the user left off, the last place in each note, bookmarks and
// recent notes. One JSON file a vault, under $XDG_STATE_HOME/tubenotes,
// never inside the vault.
package state

import (
	"crypto/rand"
	"encoding/hex"
	"slices"
	"time"
)

// Version is the version of the file format this package writes.
const Version = 1

// Bounds of the lists kept: the oldest entries go first.
const (
	MaxPositions = 300
	MaxRecent    = 30
	// MaxDeleted bounds the ids of deleted bookmarks kept so that a merge
	// with another instance's older file does not bring them back.
	MaxDeleted = 1000
)

// State is everything remembered of one vault.
type State struct {
	Version   int        `json:"version"`
	Vault     string     `json:"vault"` // the vault's absolute path
	Resume    Resume     `json:"resume"`
	Positions []Position `json:"positions"` // newest first
	Bookmarks []Bookmark `json:"bookmarks"` // oldest first
	Recent    []Recent   `json:"recent"`    // newest first
	Deleted   []Deleted  `json:"deleted"`   // newest first
}

// Resume is where the browser was when it quit.
type Resume struct {
	Note      string   `json:"note"`      // vault path of the open note, "" for none
	Scroll    int      `json:"scroll"`    // the reader's first line shown
	Timestamp int      `json:"timestamp"` // index of the selected timestamp, -1 for none
	Pane      string   `json:"pane"`      // name of the focused pane
	Folds     []string `json:"folds"`     // folders folded in the notes tree
	Back      []Place  `json:"back"`      // history behind, oldest first
	Forward   []Place  `json:"forward"`   // history ahead, nearest last
}

// Place is a note and its scroll, as the history keeps them.
type Place struct {
	Note   string `json:"note"`
	Scroll int    `json:"scroll"`
}

// Position is the last place of one note.
type Position struct {
	Note      string    `json:"note"`
	Scroll    int       `json:"scroll"`
	Timestamp int       `json:"timestamp"` // index, -1 for none
	Seen      time.Time `json:"seen"`
}

// Bookmark is one moment of a note the user marked.
type Bookmark struct {
	ID   string `json:"id"`
	Note string `json:"note"`
	Line int    `json:"line"`
	// Seconds is the moment in the video, -1 when the bookmark has none;
	// Raw is the timestamp as the note writes it.
	Seconds int       `json:"seconds"`
	Raw     string    `json:"raw"`
	Name    string    `json:"name"`
	Created time.Time `json:"created"`
	// Changed is when it was last renamed (or made): of two copies of a
	// bookmark the later change wins.
	Changed time.Time `json:"changed"`
}

// Recent is a note opened lately.
type Recent struct {
	Note   string    `json:"note"`
	Opened time.Time `json:"opened"`
}

// Deleted is the id of a bookmark deleted, kept so merges forget it too.
type Deleted struct {
	ID string    `json:"id"`
	At time.Time `json:"at"`
}

// New is the empty state of the vault at the absolute path vault.
func New(vault string) *State {
	return &State{Version: Version, Vault: vault, Resume: Resume{Timestamp: -1}}
}

// AddBookmark adds b with a new id, created and changed at now, and
// returns it as stored.
func (s *State) AddBookmark(b Bookmark, now time.Time) Bookmark {
	b.ID = newID()
	b.Created, b.Changed = now, now
	s.Bookmarks = append(s.Bookmarks, b)
	return b
}

// RenameBookmark names bookmark id; false when there is none.
func (s *State) RenameBookmark(id, name string, now time.Time) bool {
	for i := range s.Bookmarks {
		if s.Bookmarks[i].ID == id {
			s.Bookmarks[i].Name, s.Bookmarks[i].Changed = name, now
			return true
		}
	}
	return false
}

// DeleteBookmark deletes bookmark id; false when there is none.
func (s *State) DeleteBookmark(id string, now time.Time) bool {
	i := slices.IndexFunc(s.Bookmarks, func(b Bookmark) bool { return b.ID == id })
	if i < 0 {
		return false
	}
	s.Bookmarks = slices.Delete(s.Bookmarks, i, i+1)
	s.Deleted = slices.Insert(s.Deleted, 0, Deleted{ID: id, At: now})
	s.Deleted = s.Deleted[:min(len(s.Deleted), MaxDeleted)]
	return true
}

// BookmarksOf are the bookmarks of note, in line order.
func (s *State) BookmarksOf(note string) []Bookmark {
	var out []Bookmark
	for _, b := range s.Bookmarks {
		if b.Note == note {
			out = append(out, b)
		}
	}
	slices.SortStableFunc(out, func(a, b Bookmark) int { return a.Line - b.Line })
	return out
}

// SetPosition records the last place of p.Note, seen at p.Seen.
func (s *State) SetPosition(p Position) {
	s.Positions = slices.DeleteFunc(s.Positions, func(q Position) bool { return q.Note == p.Note })
	s.Positions = slices.Insert(s.Positions, 0, p)
	s.Positions = s.Positions[:min(len(s.Positions), MaxPositions)]
}

// PositionOf is the last place of note.
func (s *State) PositionOf(note string) (Position, bool) {
	for _, p := range s.Positions {
		if p.Note == note {
			return p, true
		}
	}
	return Position{}, false
}

// Opened puts note first among the recent notes.
func (s *State) Opened(note string, now time.Time) {
	s.Recent = slices.DeleteFunc(s.Recent, func(r Recent) bool { return r.Note == note })
	s.Recent = slices.Insert(s.Recent, 0, Recent{Note: note, Opened: now})
	s.Recent = s.Recent[:min(len(s.Recent), MaxRecent)]
}

// newID is a random bookmark id: two instances adding bookmarks at once
// never make the same one.
func newID() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return hex.EncodeToString(b[:])
}
