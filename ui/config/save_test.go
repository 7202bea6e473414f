package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSaveStyle(t *testing.T) {
	for _, tc := range []struct{ name, before, want string }{
		{"replaces the style line", "vault = \"~/n\"\nstyle = \"dark\"\n[keys]\nstyle = \"x\"\n",
			"vault = \"~/n\"\nstyle = \"pink\"\n[keys]\nstyle = \"x\"\n"},
		{"keeps the name theme", "theme = 'light'\nwidth = 80\n", "theme = \"pink\"\nwidth = 80\n"},
		{"uncomments the example", "# style = \"auto\"\nwidth = 80\n", "style = \"pink\"\nwidth = 80\n"},
		{"adds before the first table", "width = 80\n[keys]\nquit = \"x\"\n", "width = 80\nstyle = \"pink\"\n[keys]\nquit = \"x\"\n"},
		{"adds at the end", "width = 80", "width = 80\nstyle = \"pink\"\n"},
		{"adds after the last line", "width = 80\n", "width = 80\nstyle = \"pink\"\n"},
		{"fills an empty file", "", "style = \"pink\"\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "config.toml")
			if err := os.WriteFile(path, []byte(tc.before), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := SaveStyle(path, "pink"); err != nil {
				t.Fatal(err)
			}
			got, _ := os.ReadFile(path)
			if string(got) != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
			if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
				t.Errorf("mode %v, want the file's 0600", info.Mode().Perm())
			}
		})
	}
}

func TestSaveStyleCreatesTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tubenotes", "config.toml")
	if err := SaveStyle(path, `dir\"x.json`); err != nil {
		t.Fatal(err)
	}
	c, _, err := Load(path, nil)
	if err != nil || c.Style != `dir\"x.json` {
		t.Fatalf("style %q, err %v", c.Style, err)
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), "# vault = ") {
		t.Error("the new file is not the explained template")
	}
}

func TestSaveStyleLeavesABrokenFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	broken := "width = = 3\n"
	if err := os.WriteFile(path, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := SaveStyle(path, "pink"); err == nil || !strings.Contains(err.Error(), "not saved") {
		t.Errorf("err %v", err)
	}
	if data, _ := os.ReadFile(path); string(data) != broken {
		t.Errorf("the broken file was changed: %q", data)
	}
}
