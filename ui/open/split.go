package open

import (
	"errors"
	"strings"
)

// Split breaks a command line into words the way a POSIX shell would,
// without expanding anything: blanks separate words, '…' is literal, "…"
// keeps blanks and honours \" \\ \$ \`, and a backslash outside quotes
// escapes the next character. It never runs a shell.
func Split(s string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false
	const (
		plain = iota
		single
		double
	)
	state := plain
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch state {
		case single:
			if r == '\'' {
				state = plain
			} else {
				w.WriteRune(r)
			}
		case double:
			switch {
			case r == '"':
				state = plain
			case r == '\\' && i+1 < len(rs) && strings.ContainsRune("\"\\$`\n", rs[i+1]):
				i++
				if rs[i] != '\n' {
					w.WriteRune(rs[i])
				}
			default:
				w.WriteRune(r)
			}
		default:
			switch {
			case r == ' ' || r == '\t' || r == '\n':
				if inWord {
					words = append(words, w.String())
					w.Reset()
					inWord = false
				}
			case r == '\'':
				state, inWord = single, true
			case r == '"':
				state, inWord = double, true
			case r == '\\':
				if i+1 >= len(rs) {
					return nil, errors.New("command ends with a lone backslash")
				}
				i++
				inWord = true
				if rs[i] != '\n' {
					w.WriteRune(rs[i])
				}
			default:
				inWord = true
				w.WriteRune(r)
			}
		}
	}
	if state != plain {
		return nil, errors.New("command has an unclosed quote")
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}
