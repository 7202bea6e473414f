package config

import (
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"tubenotes/loader/atomicfile"
)

// styleLine is a top-level style (or theme) setting, maybe commented out.
var styleLine = regexp.MustCompile(`^\s*(#\s*)?(style|theme)\s*=`)

// SaveStyle sets the style key of the config file at path to style,
// leaving every other line as it is: the theme picker's choice. A missing
// file is created from Template first. The line that sets style (or
// theme), else the commented-out one, is replaced; else one is added
// after the last line before the first table. The file is written
// atomically (a temporary file, fsync, rename), and only when it still
// reads as TOML.
func SaveStyle(path, style string) error {
	if _, err := Create(path); err != nil {
		return err
	}
	data, err := readBounded(path)
	if err != nil {
		return fmt.Errorf("%s: %v", path, errorText(err))
	}
	lines := strings.SplitAfter(string(data), "\n")
	if n := len(lines); lines[n-1] == "" {
		lines = lines[:n-1] // what follows the last line end
	}
	setting := func(name string) string { return name + " = " + quote(style) + "\n" }
	at, commented := -1, -1
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "[") {
			break // a table: the keys after it are not top-level
		}
		if m := styleLine.FindStringSubmatch(l); m != nil {
			if m[1] == "" {
				at = i
				lines[i] = setting(m[2])
				break
			}
			if commented < 0 {
				commented = i
			}
		}
	}
	switch {
	case at >= 0:
	case commented >= 0:
		lines[commented] = setting("style")
	default:
		i := len(lines)
		for j, l := range lines {
			if strings.HasPrefix(strings.TrimSpace(l), "[") {
				i = j
				break
			}
		}
		for i > 0 && strings.TrimSpace(lines[i-1]) == "" && i < len(lines) {
			i-- // after the last top-level line, not after the blank before the table
		}
		if i == len(lines) && i > 0 && !strings.HasSuffix(lines[i-1], "\n") {
			lines[i-1] += "\n"
		}
		lines = append(lines[:i], append([]string{setting("style")}, lines[i:]...)...)
	}
	out := strings.Join(lines, "")
	var check map[string]any
	if err := toml.Unmarshal([]byte(out), &check); err != nil {
		return fmt.Errorf("%s: not saved, the file would not read as TOML: %s", path, oneLine(err.Error()))
	}
	return writeAtomic(path, []byte(out))
}

// quote is s as a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// writeAtomic replaces the file at path with data, keeping its mode: a
// crash leaves the old file or the new one, never half of one.
func writeAtomic(path string, data []byte) error {
	mode := os.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		mode = info.Mode().Perm()
	}
	return atomicfile.Write(path, mode, data)
}
