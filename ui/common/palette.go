package common

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Palette is the browser's colours named by what they mean, as gh-dash's
// theme names them: every pane's Styles and the reader's glamour style
// (ui/render) are built from one palette, so that a colour means one thing
// everywhere and a change of background reaches every pane at once. Colours
// are hex strings, which both lipgloss and glamour read.
type Palette struct {
	NoColor bool // no colours at all: only bold, faint, reverse and underline

	Text      string // body text
	Strong    string // titles
	Muted     string // counts, hints, rules, what is unavailable
	Accent    string // focus, the open note, headings, links
	OnAccent  string // text on an accent background
	Channel   string // channel names
	Video     string // video titles
	Timestamp string // clocks and timestamp badges
	Match     string // the letters a filter matched
	Error     string // what went wrong

	FindText, Find, FindCurrent string // find-in-note matches: text on a background, the current one brighter
}

// NewPalette is the palette for a dark or a light background.
func NewPalette(dark, noColor bool) Palette {
	pick := func(light, darkc string) string {
		if dark {
			return darkc
		}
		return light
	}
	return Palette{
		NoColor:     noColor,
		Text:        pick("#1A1A1A", "#DDDDDD"),
		Strong:      pick("#1A1A1A", "#F5F5F5"),
		Muted:       pick("#8A8A8A", "#6C6C6C"),
		Accent:      pick("#5A56E0", "#8C8CFF"),
		OnAccent:    pick("#FFFFFF", "#1A1A1A"),
		Channel:     pick("#B03A8C", "#F07AC8"),
		Video:       pick("#2F6F9F", "#7FB8E6"),
		Timestamp:   pick("#2E7D32", "#8BD18B"),
		Match:       pick("#C0392B", "#FFB347"),
		Error:       pick("#C62828", "#FF6B6B"),
		FindText:    "#000000",
		Find:        pick("#FFE082", "#D7C26A"),
		FindCurrent: pick("#FF9800", "#FF9F43"),
	}
}

// Color is token as a lipgloss colour: none when the palette has no colours.
func (p Palette) Color(token string) color.Color {
	if p.NoColor {
		return lipgloss.NoColor{}
	}
	return lipgloss.Color(token)
}
