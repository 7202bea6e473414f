package common

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Styles are the looks of the sidebar, status line and help. The reader
// styles its own body with glamour.
type Styles struct {
	PaneTitle        lipgloss.Style
	PaneTitleFocused lipgloss.Style
	Channel          lipgloss.Style
	Video            lipgloss.Style
	Note             lipgloss.Style
	OpenNote         lipgloss.Style
	Cursor           lipgloss.Style // the selected row of an unfocused pane
	CursorFocused    lipgloss.Style // the selected row of the focused pane
	Count            lipgloss.Style
	Match            lipgloss.Style
	Dim              lipgloss.Style
	Clock            lipgloss.Style
	Current          lipgloss.Style // the reader's current section
	Status           lipgloss.Style
	StatusError      lipgloss.Style
	Progress         lipgloss.Style
	Hint             lipgloss.Style
	Separator        lipgloss.Style
	Input            lipgloss.Style
}

// NewStyles are the styles for a dark or light background; noColor drops
// every colour and keeps only bold, faint and reverse.
func NewStyles(dark, noColor bool) Styles {
	ld := lipgloss.LightDark(dark)
	c := func(light, darkc string) color.Color {
		if noColor {
			return lipgloss.NoColor{}
		}
		return ld(lipgloss.Color(light), lipgloss.Color(darkc))
	}
	accent := c("#5A56E0", "#8C8CFF")
	muted := c("#8A8A8A", "#6C6C6C")
	text := c("#1A1A1A", "#DDDDDD")
	s := lipgloss.NewStyle
	return Styles{
		PaneTitle:        s().Foreground(muted).Bold(true),
		PaneTitleFocused: s().Foreground(accent).Bold(true),
		Channel:          s().Foreground(c("#B03A8C", "#F07AC8")).Bold(true),
		Video:            s().Foreground(c("#2F6F9F", "#7FB8E6")),
		Note:             s().Foreground(text),
		OpenNote:         s().Foreground(accent).Bold(true),
		Cursor:           s().Bold(true),
		CursorFocused:    s().Reverse(true),
		Count:            s().Foreground(muted),
		Match:            s().Foreground(c("#C0392B", "#FFB347")).Bold(true),
		Dim:              s().Foreground(muted).Faint(true),
		Clock:            s().Foreground(c("#2E7D32", "#8BD18B")),
		Current:          s().Foreground(accent).Bold(true),
		Status:           s().Foreground(text),
		StatusError:      s().Foreground(c("#C62828", "#FF6B6B")).Bold(true),
		Progress:         s().Foreground(accent),
		Hint:             s().Foreground(muted),
		Separator:        s().Foreground(muted),
		Input:            s().Foreground(accent),
	}
}
