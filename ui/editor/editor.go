// Package editor builds the command that opens a note in the user's
// editor at a line. The UI runs it with tea.ExecProcess, which hands the
// terminal over and takes it back; tests fake the Editor interface.
package editor

import (
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	xeditor "github.com/charmbracelet/x/editor"
)

// Editor makes the command that edits the file at path with the cursor on
// line (counted from 1; 0 or less for no line).
type Editor interface {
	Command(path string, line int) (*exec.Cmd, error)
}

// ErrNone is the error when no editor is named anywhere.
var ErrNone = errors.New("no editor: set $VISUAL or $EDITOR, or editor in the config file")

// Env is the editor named by $VISUAL, else $EDITOR, else Fallback (the
// config file's editor). The name may carry arguments ("code --wait");
// it is split on spaces and run directly, never through a shell.
type Env struct {
	Getenv   func(string) string
	Fallback string
	// LookPath finds a program; exec.LookPath when nil.
	LookPath func(string) (string, error)
}

// New is the editor of the environment getenv, else fallback.
func New(getenv func(string) string, fallback string) Env {
	return Env{Getenv: getenv, Fallback: fallback}
}

// Command is the editor's command for path at line: the editor's own way
// of naming a line where charmbracelet/x/editor knows it (vi, nano, emacs,
// code, hx...), else "+LINE PATH", which most terminal editors read.
func (e Env) Command(path string, line int) (*exec.Cmd, error) {
	words, from := e.words()
	if len(words) == 0 {
		return nil, ErrNone
	}
	lookPath := e.LookPath
	if lookPath == nil {
		lookPath = exec.LookPath
	}
	program, err := lookPath(words[0])
	if err != nil {
		return nil, fmt.Errorf("editor %q (from %s): not found", words[0], from)
	}
	// A path that starts like an option would be read as one.
	if strings.HasPrefix(path, "-") || strings.HasPrefix(path, "+") {
		path = "./" + path
	}
	args := words[1:len(words):len(words)]
	pathInArgs := false
	if line > 0 {
		var lineArgs []string
		lineArgs, pathInArgs = xeditor.LineNumber(line)(filepath.Base(words[0]), path)
		if len(lineArgs) == 0 {
			lineArgs = []string{"+" + strconv.Itoa(line)}
		}
		args = append(args, lineArgs...)
	}
	if !pathInArgs {
		args = append(args, path)
	}
	cmd := exec.Command(program, args...)
	cmd.Args[0] = words[0]
	return cmd, nil
}

// words is the editor's command line and where it came from.
func (e Env) words() ([]string, string) {
	for _, name := range []string{"VISUAL", "EDITOR"} {
		if w := strings.Fields(e.Getenv(name)); len(w) > 0 {
			return w, "$" + name
		}
	}
	return strings.Fields(e.Fallback), "the config file"
}
