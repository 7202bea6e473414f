package loader

import (
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// frontmatter is where a note's YAML block and its body are.
type frontmatter struct {
	found      bool   // a terminated block was there (it may be empty)
	yaml       string // the text between the --- lines
	bodyOffset int    // byte offset of the body in the text
	bodyLine   int    // first line of the body
	problem    string
}

// splitFrontmatter finds the YAML block of a note: a first line "---" and a
// later line "---" or "...". An opening line without a closing one is read
// as body, with a problem.
func splitFrontmatter(text string) frontmatter {
	first, _, more := strings.Cut(text, "\n")
	if !isFenceLine(first, "---") {
		return frontmatter{bodyLine: 1}
	}
	if !more {
		return frontmatter{bodyLine: 1, problem: "unterminated frontmatter: read as body"}
	}
	off := len(first) + 1
	line := 2
	for off <= len(text) {
		end := strings.IndexByte(text[off:], '\n')
		next := len(text) + 1
		if end >= 0 {
			next = off + end + 1
		} else {
			end = len(text) - off
		}
		l := text[off : off+end]
		if isFenceLine(l, "---") || isFenceLine(l, "...") {
			body := min(next, len(text))
			return frontmatter{found: true, yaml: text[len(first)+1 : off], bodyOffset: body, bodyLine: line + 1}
		}
		off = next
		line++
	}
	return frontmatter{bodyLine: 1, problem: "unterminated frontmatter: read as body"}
}

// isFenceLine reports whether l is marker followed only by spaces.
func isFenceLine(l, marker string) bool {
	return strings.HasPrefix(l, marker) && strings.TrimRight(l[len(marker):], " \t") == ""
}

// parseMeta decodes the YAML block into the note's keys (kept only with
// keep), and gives the title and videoId as written when they are scalars.
func parseMeta(src string, keep bool) (meta map[string]any, title, videoID, problem string) {
	if meta, title, videoID, ok := simpleMeta(src, keep); ok {
		return meta, title, videoID, ""
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		return nil, "", "", yamlMessage(err)
	}
	if len(doc.Content) == 0 {
		return nil, "", "", ""
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, "", "", "not a mapping of keys to values"
	}
	if err := root.Decode(&meta); err != nil {
		return nil, "", "", yamlMessage(err)
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
			continue
		}
		switch k.Value {
		case "title":
			title = strings.TrimSpace(v.Value)
		case "videoId":
			videoID = strings.TrimSpace(v.Value)
		}
	}
	return meta, title, videoID, ""
}

// yamlLine is a line number in a YAML error message.
var yamlLine = regexp.MustCompile(`\bline (\d+)`)

// yamlMessage is a YAML error on one line, without the library's "yaml: "
// prefix, its line numbers made lines of the file (the block starts on 2).
func yamlMessage(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.ReplaceAll(strings.TrimPrefix(msg, "unmarshal errors:\n  "), "\n  ", "; ")
	return yamlLine.ReplaceAllStringFunc(msg, func(m string) string {
		n, err := strconv.Atoi(m[len("line "):])
		if err != nil {
			return m
		}
		return "line " + strconv.Itoa(n+1)
	})
}
