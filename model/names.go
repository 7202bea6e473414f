package model

import (
	"path"
	"slices"
	"strings"
)

// Names indexes the paths of a vault's notes the way wikilinks name them:
// by path, by file name and by slug of the file name. It needs only the
// paths, so a loader can build it before the notes are parsed and resolve
// each note's links as it parses it (see NewResolvedVault).
type Names struct {
	paths  []string       // path order
	byPath map[string]int // index into paths
	// The first note of each file name and of each slug, in resolution
	// order (fewest folders deep, then path order), in one map: most file
	// names are their own slug, so one entry and one lookup serve both.
	// nextName and nextSlug chain the other notes, -1 ending a chain.
	keys               map[string]firsts
	nextName, nextSlug []int32
}

// firsts are the first notes a key names as a file name and as a slug, -1
// for none.
type firsts struct{ name, slug int32 }

// first is the entry of key.
func (x *Names) first(key string) firsts {
	if f, ok := x.keys[key]; ok {
		return f
	}
	return firsts{-1, -1}
}

// NewNames indexes paths, which must be in path order.
func NewNames(paths []string) *Names {
	x := &Names{
		paths:    paths,
		byPath:   make(map[string]int, len(paths)),
		keys:     make(map[string]firsts, len(paths)),
		nextName: make([]int32, len(paths)),
		nextSlug: make([]int32, len(paths)),
	}
	order := make([]int32, len(paths))
	depth := make([]int32, len(paths))
	for i, p := range paths {
		order[i], depth[i] = int32(i), int32(strings.Count(p, "/"))
		x.byPath[p] = i
	}
	slices.SortStableFunc(order, func(a, b int32) int { return int(depth[a] - depth[b]) })
	// Chains are built back to front, so each new note goes first.
	for k := len(order) - 1; k >= 0; k-- {
		i := order[k]
		name := strings.TrimSuffix(path.Base(paths[i]), ".md")
		f := x.first(name)
		x.nextName[i], f.name = f.name, i
		x.keys[name] = f
		slug := Slug(name)
		f = x.first(slug)
		x.nextSlug[i], f.slug = f.slug, i
		x.keys[slug] = f
	}
	return x
}

// Resolve finds the note a wikilink target written in the note at from
// names, the way the site does: by exact file name, in from's folder first,
// then anywhere (fewest folders deep, then path order); failing that, by
// Slug the same way. It returns "" for a dangling link.
func (x *Names) Resolve(from, target string) string {
	if i := x.resolve(from, target); i >= 0 {
		return x.paths[i]
	}
	return ""
}

// resolve is Resolve as an index into x.paths, -1 when dangling.
func (x *Names) resolve(from, target string) int {
	target = strings.TrimSuffix(strings.TrimSpace(target), ".md")
	if target == "" {
		return -1
	}
	if strings.Contains(target, "/") {
		return x.resolvePath(target)
	}
	f := x.first(target)
	if f.name >= 0 {
		return x.pick(f.name, x.nextName, from)
	}
	if slug := Slug(target); slug != target {
		f = x.first(slug)
	}
	if f.slug >= 0 {
		return x.pick(f.slug, x.nextSlug, from)
	}
	return -1
}

// resolvePath finds a target written with folders: the note at that path
// from the root, else the shallowest whose path ends with it.
func (x *Names) resolvePath(target string) int {
	target = strings.TrimPrefix(target, "/")
	if i, ok := x.byPath[target+".md"]; ok {
		return i
	}
	for i := x.first(path.Base(target)).name; i >= 0; i = x.nextName[i] {
		if strings.HasSuffix(x.paths[i], "/"+target+".md") {
			return int(i)
		}
	}
	return -1
}

// pick is the first note of the chain from first in the folder of from,
// else first itself.
func (x *Names) pick(first int32, next []int32, from string) int {
	if next[first] < 0 {
		return int(first)
	}
	dir := path.Dir(from)
	for i := first; i >= 0; i = next[i] {
		if path.Dir(x.paths[i]) == dir {
			return int(i)
		}
	}
	return int(first)
}
