package player

import (
	"crypto/rand"
	"fmt"
	"os"
	"path/filepath"
)

// socketPath is a fresh path for mpv's IPC socket inside a directory only
// this user can enter: $XDG_RUNTIME_DIR/tubenotes, else a private
// temporary directory. The directory is checked, not trusted: a symlink or
// a directory with wider permissions is refused.
func socketPath(getenv func(string) string) (string, error) {
	dir, err := socketDir(getenv)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "mpv-"+rand.Text()+".sock"), nil
}

func socketDir(getenv func(string) string) (string, error) {
	runtime := getenv("XDG_RUNTIME_DIR")
	if runtime == "" || !filepath.IsAbs(runtime) {
		dir, err := os.MkdirTemp("", "tubenotes-")
		if err != nil {
			return "", fmt.Errorf("cannot make a directory for the player's socket: %w", err)
		}
		return dir, nil
	}
	dir := filepath.Join(runtime, "tubenotes")
	if err := os.Mkdir(dir, 0o700); err != nil && !os.IsExist(err) {
		return "", fmt.Errorf("cannot make %s for the player's socket: %w", dir, err)
	}
	info, err := os.Lstat(dir)
	if err != nil {
		return "", fmt.Errorf("cannot use %s for the player's socket: %w", dir, err)
	}
	if !info.IsDir() || info.Mode().Perm() != 0o700 {
		return "", fmt.Errorf("refusing %s for the player's socket: not a directory with mode 0700", dir)
	}
	return dir, nil
}
