package state

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/adrg/xdg"

	"tubenotes/loader/atomicfile"
	"tubenotes/loader/regular"
	"tubenotes/loader/vaultpath"
)

// maxSize bounds a state file read: a few hundred positions and bookmarks
// are tens of kilobytes.
const maxSize = 16 << 20

// Dir is the folder of the state files: $XDG_STATE_HOME/tubenotes (the
// platform's equivalent where XDG does not apply).
func Dir() string { return filepath.Join(xdg.StateHome, "tubenotes") }

// Store is the state file of one vault.
type Store struct {
	path  string
	vault string
	now   func() time.Time
}

// Open is the store of the vault at dir, its file in Dir. It refuses a
// state folder inside the vault: the program never writes there.
func Open(dir string) (*Store, error) { return OpenIn(Dir(), dir) }

// OpenIn is Open with the state files in stateDir.
func OpenIn(stateDir, dir string) (*Store, error) {
	vault, err := vaultpath.Of(dir)
	if err != nil {
		return nil, err
	}
	stateDir, err = vaultpath.Of(stateDir)
	if err != nil {
		return nil, err
	}
	if vaultpath.Within(stateDir, vault) {
		return nil, fmt.Errorf("the state folder %s is inside the vault: set $XDG_STATE_HOME elsewhere", stateDir)
	}
	return &Store{path: filepath.Join(stateDir, fileName(vault)), vault: vault, now: time.Now}, nil
}

// Path is the store's file.
func (s *Store) Path() string { return s.path }

// Vault is the vault's absolute path.
func (s *Store) Vault() string { return s.vault }

// fileName is the state file of the vault at the absolute path vault: its
// folder's name, for people, and a hash of the path, for uniqueness.
func fileName(vault string) string {
	sum := sha256.Sum256([]byte(vault))
	name := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, filepath.Base(vault))
	if len([]rune(name)) > 40 {
		name = string([]rune(name)[:40])
	}
	return name + "-" + hex.EncodeToString(sum[:8]) + ".json"
}

// within reports whether path is dir or inside it.
// Load reads the vault's state. A missing file is an empty state. A file
// that can't be used (corrupt, of a newer version, of another vault) is
// moved aside as *.bad and the state starts empty; msg says so in one
// line. err is for a file that can't be read at all (permissions): st is
// then empty and usable, and Save will fail the same way.
func (s *Store) Load() (st *State, msg string, err error) {
	st, why, err := s.read()
	if err != nil {
		return New(s.vault), "", err
	}
	if why != "" {
		return New(s.vault), s.setAside(why), nil
	}
	return st, "", nil
}

// Read is the vault's state for a reader that must change nothing (the
// bookmarks command): an unusable file is an error, left where it is.
func (s *Store) Read() (*State, error) {
	st, why, err := s.read()
	if err == nil && why != "" {
		err = fmt.Errorf("state file %s: %s", s.path, why)
	}
	return st, err
}

// read is the file's state; why is set when the file is unusable; a
// missing file is an empty state.
func (s *Store) read() (st *State, why string, err error) {
	data, err := readBounded(s.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return New(s.vault), "", nil
	case errors.Is(err, errTooBig), errors.Is(err, regular.ErrNotRegular):
		return nil, err.Error(), nil
	case err != nil:
		return nil, "", fmt.Errorf("cannot read the state file %s: %v", s.path, errorText(err))
	}
	st = New(s.vault)
	var head struct {
		Version int `json:"version"`
	}
	if !json.Valid(data) {
		return nil, "not valid JSON", nil
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, "not a state file", nil
	}
	if head.Version > Version {
		return nil, fmt.Sprintf("written by a newer tubenotes (version %d)", head.Version), nil
	}
	if err := json.Unmarshal(data, st); err != nil || head.Version < 1 {
		return nil, "not a state file", nil
	}
	if st.Vault != s.vault {
		return nil, fmt.Sprintf("the state of another vault (%q)", st.Vault), nil
	}
	st.Version = Version
	return st, "", nil
}

// setAside moves the unusable file to a *.bad name no other file has, and
// says so in one line.
func (s *Store) setAside(why string) string {
	bad := s.path + "." + s.now().UTC().Format("20060102T150405") + ".bad"
	for i := 2; exists(bad); i++ {
		bad = fmt.Sprintf("%s.%s-%d.bad", s.path, s.now().UTC().Format("20060102T150405"), i)
	}
	if err := os.Rename(s.path, bad); err != nil {
		return fmt.Sprintf("state file %s: %s; could not move it aside (%v), starting afresh", s.path, why, errorText(err))
	}
	return fmt.Sprintf("state file %s: %s; kept as %s, starting afresh", s.path, why, bad)
}

// Save writes st, merged first with the file as it is now, so that a
// bookmark another instance saved meanwhile is kept; st becomes the
// merged state. The write is atomic: a crash leaves the old file or the
// new one. msg tells, in one line, of a file found unusable and set aside.
func (s *Store) Save(st *State) (msg string, err error) {
	if err := os.MkdirAll(filepath.Dir(s.path), 0o700); err != nil {
		return "", err
	}
	unlock, err := lock(s.path + ".lock")
	if err != nil {
		return "", err
	}
	defer unlock()
	disk, why, err := s.read()
	switch {
	case err != nil:
		return "", err
	case why != "":
		msg = s.setAside(why)
	default:
		merge(st, disk)
	}
	st.Version, st.Vault = Version, s.vault
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return msg, err
	}
	return msg, atomicfile.Write(s.path, 0o600, data, []byte{'\n'})
}

var errTooBig = fmt.Errorf("larger than %d bytes", maxSize)

// readBounded reads path, refusing one bigger than maxSize.
func readBounded(path string) ([]byte, error) {
	f, err := regular.Open(path) // a named pipe must not hang the start

	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxSize {
		return nil, errTooBig
	}
	return data, nil
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// errorText is an error without the path a *fs.PathError repeats.
func errorText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
