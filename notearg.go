package main

import (
	"strings"

	"tubenotes/model"
)

// noteArg is the note a command-line argument names: its path in the
// vault, the same path given with the vault's folder in front (as a shell
// completes it), or a wikilink target resolved from the vault's root. nil
// when none.
func noteArg(v *model.Vault, arg string) *model.Note {
	p := strings.TrimPrefix(strings.ReplaceAll(arg, "\\", "/"), "./")
	for {
		if n := v.Note(p); n != nil {
			return n
		}
		i := strings.IndexByte(p, '/')
		if i < 0 {
			break
		}
		p = p[i+1:]
	}
	if path := v.Resolve("", arg); path != "" {
		return v.Note(path)
	}
	return nil
}

// videoArg is the id of the video an argument names: a video id that notes
// name, or a note (see noteArg) made from a video. "" when none.
func videoArg(v *model.Vault, arg string) string {
	if len(v.NotesOfVideo(arg)) > 0 {
		return arg
	}
	n := noteArg(v, arg)
	if n == nil {
		return ""
	}
	if vid := v.VideoOf(n); vid != nil {
		return vid.ID
	}
	return ""
}
