package model

import (
	"path"
	"strings"
)

// Lookup finds the notes a person means by name: the note at that
// vault-relative path (".md" may be left off); failing that, the notes
// whose title is name (ignoring case) or whose file name is name's slug.
// More than one result means name is ambiguous; none, that no note has it.
func (v *Vault) Lookup(name string) []*Note {
	name = strings.TrimPrefix(strings.TrimSpace(name), "./")
	if n := v.Note(name); n != nil {
		return []*Note{n}
	}
	if n := v.Note(name + ".md"); n != nil {
		return []*Note{n}
	}
	slug := Slug(strings.TrimSuffix(name, ".md"))
	var out []*Note
	for _, n := range v.Notes {
		if strings.EqualFold(n.Title, name) || slug != "" && strings.TrimSuffix(path.Base(n.Path), ".md") == slug {
			out = append(out, n)
		}
	}
	return out
}
