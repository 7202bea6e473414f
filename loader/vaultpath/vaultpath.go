// Package vaultpath names a vault by one path however it is reached, so
// that its cache and its state are found again.
package vaultpath

import (
	"path/filepath"
	"strings"
)

// Of is dir absolute, with its symbolic links resolved: a vault opened
// through a link and through its real path is one vault, with one cache
// and one state file. A path that cannot be resolved (a vault moved away,
// whose cache is being cleared) is only made absolute.
func Of(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real, nil
	}
	return abs, nil
}

// Within reports whether path is dir or lies inside it (both as Of gives
// them): the program never writes inside a vault, whatever the XDG
// folders say.
func Within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
