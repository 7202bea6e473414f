//go:build !unix

package state

// lock is a no-op where flock is missing: merging on save still keeps
// both instances' bookmarks unless two saves interleave exactly.
func lock(string) (func(), error) { return func() {}, nil }
