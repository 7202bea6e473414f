package model

// SameLineTable reports whether a and b give the same line table, for
// the external tests.
func SameLineTable(a, b *Note) bool { return a.lines() == b.lines() }
