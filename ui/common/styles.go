package common

import "charm.land/lipgloss/v2"

// Styles are the looks of the sidebar, status line and help, made of a
// Palette; the reader's (ui/render) are made of the same palette.
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
func NewStyles(dark, noColor bool) Styles { return PaletteStyles(NewPalette(dark, noColor)) }

// PaletteStyles are the styles made of palette p's colours.
func PaletteStyles(p Palette) Styles {
	c := p.Color
	accent, muted, text := c(p.Accent), c(p.Muted), c(p.Text)
	s := lipgloss.NewStyle
	return Styles{
		PaneTitle:        s().Foreground(muted).Bold(true),
		PaneTitleFocused: s().Foreground(accent).Bold(true),
		Channel:          s().Foreground(c(p.Channel)).Bold(true),
		Video:            s().Foreground(c(p.Video)),
		Note:             s().Foreground(text),
		OpenNote:         s().Foreground(accent).Bold(true),
		Cursor:           s().Bold(true),
		CursorFocused:    s().Reverse(true),
		Count:            s().Foreground(muted),
		Match:            s().Foreground(c(p.Match)).Bold(true),
		Dim:              s().Foreground(muted).Faint(true),
		Clock:            s().Foreground(c(p.Timestamp)),
		Current:          s().Foreground(accent).Bold(true),
		Status:           s().Foreground(text),
		StatusError:      s().Foreground(c(p.Error)).Bold(true),
		Progress:         s().Foreground(accent),
		Hint:             s().Foreground(muted),
		Separator:        s().Foreground(muted),
		Input:            s().Foreground(accent),
	}
}
