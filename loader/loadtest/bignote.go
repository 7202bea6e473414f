package loadtest

import (
	"bytes"
	"io/fs"
	"sort"
	"strings"
)

// BigNote is one note of about size bytes, for the rendering limits: the
// frontmatter of a generated note, then the bodies of generated notes one
// after the other (their sections, timestamps and links), cut at a line
// end. The same size gives the same note.
func BigNote(size int) []byte {
	fsys := Generate(100, 9)
	var paths []string
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.Count(p, "/") == 1 && strings.HasPrefix(p, "channel") {
			paths = append(paths, p)
		}
		return nil
	})
	sort.Strings(paths)
	b := make([]byte, 0, size+8<<10)
	for i := 0; len(b) < size; i++ {
		data, _ := fs.ReadFile(fsys, paths[i%len(paths)])
		if i > 0 { // the body only: after the frontmatter's closing line
			if _, body, ok := strings.Cut(string(data[3:]), "\n---\n"); ok {
				data = []byte(body)
			}
		}
		b = append(b, data...)
		b = append(b, '\n')
	}
	if i := bytes.LastIndexByte(b[:size], '\n'); i > 0 {
		b = b[:i+1]
	}
	return b
}
