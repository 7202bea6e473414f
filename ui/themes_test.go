package ui

import (
	"os"
	"strings"
	"testing"
)

func TestThemePickerPreviewsSavesAndRestores(t *testing.T) {
	d := newDiskVault(t, map[string]string{"a.md": "# A\n\ntext\n"})
	d.open("a.md")
	cfg := d.m.opts.ConfigPath
	if err := os.WriteFile(cfg, []byte("# mine\nwidth = 90 # kept\n\n[keys]\nquit = \"q\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d.press("C")
	if d.m.mode != modeTheme || !strings.Contains(d.statusLine(), "[notty]") {
		t.Fatalf("C: mode %d, status %q", d.m.mode, d.statusLine())
	}
	d.press("down")
	if d.m.reader.Style() != "dark" || !strings.Contains(d.statusLine(), "[dark]") {
		t.Errorf("down previews %q, status %q", d.m.reader.Style(), d.statusLine())
	}
	if d.m.c.Styles.Current.GetForeground() == nil {
		t.Error("the browser's palette did not follow the theme")
	}
	d.press("esc")
	if d.m.mode != modeBrowse || d.m.reader.Style() != "notty" {
		t.Errorf("esc: mode %d, style %q", d.m.mode, d.m.reader.Style())
	}
	d.press("C", "down", "down", "down", "down", "enter")
	if d.m.reader.Style() != "tokyo-night" || d.m.opts.Style != "tokyo-night" {
		t.Errorf("enter kept %q", d.m.reader.Style())
	}
	data, _ := os.ReadFile(cfg)
	want := "# mine\nwidth = 90 # kept\nstyle = \"tokyo-night\"\n\n[keys]\nquit = \"q\"\n"
	if string(data) != want {
		t.Errorf("config file:\n%s\nwant:\n%s", data, want)
	}
	if !strings.Contains(d.statusLine(), "saved") {
		t.Errorf("status %q", d.statusLine())
	}
}
