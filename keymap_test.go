package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tubenotes/ui"
	"tubenotes/ui/config"
)

func TestKeyRemapping(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	load := func(text string) config.Config {
		t.Helper()
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		c, _, err := config.Load(path, keyActions())
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	km, err := keyMap(load("[keys]\nquit = ['x', 'Q']\nsearch_close = 'q'\nseek_back = 'b'\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(km.Quit.Keys(), []string{"x", "Q"}) || km.Quit.Help().Key != "x/Q" || km.Quit.Help().Desc != "quit" {
		t.Errorf("quit: keys %q, help %+v", km.Quit.Keys(), km.Quit.Help())
	}
	if !slices.Equal(km.SearchClose.Keys(), []string{"q"}) || !slices.Equal(km.SeekBack.Keys(), []string{"b"}) {
		t.Errorf("search_close %q (q quits only outside search), seek_back %q", km.SearchClose.Keys(), km.SeekBack.Keys())
	}
	// a key of another action in the same mode: the line and the key named
	_, err = keyMap(load("width = 80\n[keys]\nquit = 'j'\n"))
	if err == nil || !strings.Contains(err.Error(), path+":3: keys.quit: \"j\" is also a key of down") {
		t.Errorf("quit = j: %v", err)
	}
	_, err = keyMap(load("[keys]\ntheme_accept = 'k'\n"))
	if err == nil || !strings.Contains(err.Error(), "keys.theme_accept") {
		t.Errorf("the theme picker's keys are not checked against ↑/k: %v", err)
	}
}

// TestEveryActionHasAMode keeps ui.SameMode complete: an action in no mode
// could take any key unchecked.
func TestEveryActionHasAMode(t *testing.T) {
	for _, a := range keyActions() {
		if !ui.SameMode(a, a) {
			t.Errorf("action %s is in no mode of ui.SameMode", a)
		}
	}
}

func TestBrowseRefusesAKeyClash(t *testing.T) {
	path := tempConfigHome(t)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("[keys]\nedit = 's'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runCmd(t, t.TempDir())
	if code != 2 || errs != "tubenotes: "+path+":2: keys.edit: \"s\" is also a key of search: remap search too\n" {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}
