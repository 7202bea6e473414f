package render

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Styles are the looks laid over glamour's output: badges, links, the
// header, and the reader's selection and find matches.
type Styles struct {
	Plain bool // notty: no colours; only the selection and matches show, in reverse and underline

	Badge, BadgeDim lipgloss.Style
	Link, LinkDim   lipgloss.Style
	Title, Meta     lipgloss.Style
	Selected        lipgloss.Style
	Match, Current  lipgloss.Style
}

// NewStyles are the styles for a glamour style name ("dark", "light",
// "notty" or a JSON file's path, which follows dark).
func NewStyles(style string, dark bool) Styles {
	s := lipgloss.NewStyle
	if style == "notty" {
		return Styles{
			Plain:    true,
			Badge:    s(),
			BadgeDim: s(),
			Link:     s(),
			LinkDim:  s(),
			Title:    s(),
			Meta:     s(),
			Selected: s().Reverse(true),
			Match:    s().Underline(true),
			Current:  s().Reverse(true).Bold(true),
		}
	}
	switch style {
	case "dark":
		dark = true
	case "light":
		dark = false
	}
	ld := lipgloss.LightDark(dark)
	c := func(light, darkc string) color.Color { return ld(lipgloss.Color(light), lipgloss.Color(darkc)) }
	muted := c("#8A8A8A", "#6C6C6C")
	return Styles{
		Badge:    s().Foreground(c("#2E7D32", "#8BD18B")).Bold(true),
		BadgeDim: s().Foreground(muted).Faint(true),
		Link:     s().Foreground(c("#5A56E0", "#8C8CFF")).Underline(true),
		LinkDim:  s().Foreground(muted).Faint(true),
		Title:    s().Foreground(c("#1A1A1A", "#F5F5F5")).Bold(true),
		Meta:     s().Foreground(muted),
		Selected: s().Reverse(true).Bold(true),
		Match:    s().Foreground(c("#000000", "#000000")).Background(c("#FFE082", "#D7C26A")),
		Current:  s().Foreground(c("#000000", "#000000")).Background(c("#FF9800", "#FF9F43")).Bold(true),
	}
}
