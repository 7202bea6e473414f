package reader

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// styles are the looks the reader lays over glamour's output: badges, links,
// the header, the selection and find matches.
type styles struct {
	plain bool // notty: no colours; only the selection and matches show, in reverse and underline

	badge, badgeDim lipgloss.Style
	link, linkDim   lipgloss.Style
	title, meta     lipgloss.Style
	selected        lipgloss.Style
	playing         lipgloss.Style // the badge the player is at, with follow on
	match, current  lipgloss.Style
}

func newStyles(style string, dark bool) styles {
	s := lipgloss.NewStyle
	if style == "notty" {
		return styles{
			plain:    true,
			badge:    s(),
			badgeDim: s(),
			link:     s(),
			linkDim:  s(),
			title:    s(),
			meta:     s(),
			selected: s().Reverse(true),
			playing:  s().Bold(true).Underline(true),
			match:    s().Underline(true),
			current:  s().Reverse(true).Bold(true),
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
	return styles{
		badge:    s().Foreground(c("#2E7D32", "#8BD18B")).Bold(true),
		badgeDim: s().Foreground(muted).Faint(true),
		link:     s().Foreground(c("#5A56E0", "#8C8CFF")).Underline(true),
		linkDim:  s().Foreground(muted).Faint(true),
		title:    s().Foreground(c("#1A1A1A", "#F5F5F5")).Bold(true),
		meta:     s().Foreground(muted),
		selected: s().Reverse(true).Bold(true),
		playing:  s().Foreground(c("#FFFFFF", "#000000")).Background(c("#2E7D32", "#8BD18B")).Bold(true),
		match:    s().Foreground(c("#000000", "#000000")).Background(c("#FFE082", "#D7C26A")),
		current:  s().Foreground(c("#000000", "#000000")).Background(c("#FF9800", "#FF9F43")).Bold(true),
	}
}
