package loader

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"tubenotes/model"
)

// ParseNote parses one file of a vault into a note. path is slash-separated
// and relative to the vault root; it gives the file-name title and the
// folder channel. The note is nil only for a binary file. ParseNote does not
// keep data: the note's strings live in its own copy of the text.
func ParseNote(path string, data []byte, mode TimestampMode) (*model.Note, []model.Problem) {
	return parse(path, bytes.Clone(data), mode, &scratch{oneNote: true})
}

// parse is ParseNote on a buffer it owns: Load hands it the file's bytes
// without a copy, the note's text is made of them, and every string of the
// note is a slice of that text.
func parse(path string, buf []byte, mode TimestampMode, sc *scratch) (*model.Note, []model.Problem) {
	text, msgs, ok := decode(buf)
	problems := make([]model.Problem, 0, len(msgs))
	for _, m := range msgs {
		problems = append(problems, model.Problem{Path: path, Message: m})
	}
	if !ok {
		return nil, problems
	}
	n := (&model.Note{Path: path, BodyLine: 1}).SetBody(text, nil)
	fm := splitFrontmatter(text)
	if fm.problem != "" {
		problems = append(problems, model.Problem{Path: path, Message: fm.problem})
	}
	if fm.found {
		_, title, videoID, err := parseMeta(fm.yaml, false)
		if err != "" {
			problems = append(problems, model.Problem{Path: path, Message: "invalid frontmatter YAML: " + err})
		}
		n.Title, n.VideoID = title, videoID
	}
	n.BodyLine = fm.bodyLine

	s := scanner{text: text, scratch: sc}
	s.scan(n, fm.bodyOffset, fm.bodyLine)
	for _, l := range s.hugeLines {
		problems = append(problems, model.Problem{Path: path, Message: hugeLineProblem(l.line, l.size)})
	}
	readTimestamps(n, mode)

	if s.channel != "" {
		n.Channel = s.channel
		n.FromLine = s.fromLine
	} else {
		n.Channel = topFolder(path)
	}
	if n.Title == "" {
		n.Title = s.firstH1
	}
	if n.Title == "" {
		n.Title = readableName(path)
	}
	return n, problems
}

// Meta is every key of the note's frontmatter (nil when it has none), read
// when asked for: a load keeps only the title and videoId, and the
// frontmatter's span. problem says why YAML could not read it.
func Meta(n *model.Note) (meta map[string]any, problem string) {
	for i := range n.NumParts() {
		if p := n.Part(i); p.Kind == model.Frontmatter {
			meta, _, _, problem = parseMeta(splitFrontmatter(n.Text()[p.Span.Start:p.Span.End]).yaml, true)
			return meta, problem
		}
	}
	return nil, ""
}

// topFolder is the first folder of p, "" for a file at the root.
func topFolder(p string) string {
	if i := strings.IndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return ""
}

// readableName is the file name of p without .md, underscores and dashes
// made spaces, the first letter upper case.
func readableName(p string) string {
	name := strings.TrimSpace(strings.Map(func(r rune) rune {
		if r == '_' || r == '-' {
			return ' '
		}
		return r
	}, strings.TrimSuffix(path.Base(p), ".md")))
	r, size := utf8.DecodeRuneInString(name)
	if size == 0 {
		return name
	}
	return string(unicode.ToUpper(r)) + name[size:]
}

// ReadNote reads and parses the one note file at p, bounded as a load
// reads: for a cache whose note no longer fits its file.
func ReadNote(fsys fs.FS, p string, mode TimestampMode) (*model.Note, error) {
	data, err := readOne(fsys, p)
	if err != nil {
		return nil, err
	}
	n, _ := parse(p, data, mode, &scratch{oneNote: true})
	if n == nil {
		return nil, errBinary
	}
	return n, nil
}

// ReadText reads the one note file at p, bounded as a load reads, and
// gives the text a note of it holds: for a cache, which keeps a note's
// parts but reads its text from its file when it is asked for.
func ReadText(fsys fs.FS, p string) (string, error) {
	data, err := readOne(fsys, p)
	if err != nil {
		return "", err
	}
	text, _, ok := decode(data)
	if !ok {
		return "", errBinary
	}
	return text, nil
}

// errBinary is a file read again that is binary now: no note.
var errBinary = errors.New("not a note: binary file")
