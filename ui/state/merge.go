package state

import (
	"cmp"
	"slices"
	"time"
)

// merge folds disk, the file as another instance may have rewritten it
// since mine was read, into mine: bookmarks are the union by id (the later
// change of each wins) less every one deleted on either side; positions
// and recent notes keep the newer entry of each note; where mine left off
// wins, being the later quit.
func merge(mine, disk *State) {
	deleted := map[string]bool{}
	mine.Deleted = mergeByKey(mine.Deleted, disk.Deleted,
		func(d Deleted) string { return d.ID }, func(d Deleted) time.Time { return d.At })
	mine.Deleted = mine.Deleted[:min(len(mine.Deleted), MaxDeleted)]
	for _, d := range mine.Deleted {
		deleted[d.ID] = true
	}
	for _, b := range disk.Bookmarks {
		i := slices.IndexFunc(mine.Bookmarks, func(m Bookmark) bool { return m.ID == b.ID })
		switch {
		case i < 0:
			mine.Bookmarks = append(mine.Bookmarks, b)
		case b.Changed.After(mine.Bookmarks[i].Changed):
			mine.Bookmarks[i] = b
		}
	}
	mine.Bookmarks = slices.DeleteFunc(mine.Bookmarks, func(b Bookmark) bool { return deleted[b.ID] })
	slices.SortStableFunc(mine.Bookmarks, func(a, b Bookmark) int { return a.Created.Compare(b.Created) })

	mine.Positions = mergeByKey(mine.Positions, disk.Positions,
		func(p Position) string { return p.Note }, func(p Position) time.Time { return p.Seen })
	mine.Positions = mine.Positions[:min(len(mine.Positions), MaxPositions)]
	mine.Recent = mergeByKey(mine.Recent, disk.Recent,
		func(r Recent) string { return r.Note }, func(r Recent) time.Time { return r.Opened })
	mine.Recent = mine.Recent[:min(len(mine.Recent), MaxRecent)]
}

// mergeByKey is the entries of a and b, one a key (the newer), newest first.
func mergeByKey[T any](a, b []T, key func(T) string, at func(T) time.Time) []T {
	newest := map[string]T{}
	for _, e := range slices.Concat(a, b) {
		if have, ok := newest[key(e)]; !ok || at(e).After(at(have)) {
			newest[key(e)] = e
		}
	}
	out := make([]T, 0, len(newest))
	for _, e := range newest {
		out = append(out, e)
	}
	slices.SortFunc(out, func(x, y T) int {
		if c := at(y).Compare(at(x)); c != 0 {
			return c
		}
		return cmp.Compare(key(x), key(y))
	})
	return out
}
