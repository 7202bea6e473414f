package common

// Themes are glamour's standard styles, in the order the theme picker
// lists them.
var Themes = []string{"dark", "light", "dracula", "tokyo-night", "pink", "ascii", "notty"}

// ThemePalette is the palette that goes with a glamour style: its own
// colours for dracula, tokyo-night and pink, none for ascii and notty, the
// light or dark one otherwise. "" and a JSON style file follow dark, the
// terminal's background.
func ThemePalette(style string, dark bool) Palette {
	switch style {
	case "light":
		return NewPalette(false, false)
	case "notty", "ascii":
		return NewPalette(dark, true)
	case "dark":
		return NewPalette(true, false)
	case "dracula":
		p := NewPalette(true, false)
		p.Text, p.Strong, p.Muted = "#F8F8F2", "#F8F8F2", "#6272A4"
		p.Accent, p.Channel, p.Video = "#BD93F9", "#FF79C6", "#8BE9FD"
		p.Timestamp, p.Match, p.Error = "#50FA7B", "#FFB86C", "#FF5555"
		return p
	case "tokyo-night":
		p := NewPalette(true, false)
		p.Text, p.Strong, p.Muted = "#A9B1D6", "#C0CAF5", "#565F89"
		p.Accent, p.Channel, p.Video = "#7AA2F7", "#BB9AF7", "#7DCFFF"
		p.Timestamp, p.Match, p.Error = "#9ECE6A", "#E0AF68", "#F7768E"
		return p
	case "pink":
		p := NewPalette(true, false)
		p.Accent, p.Channel, p.Video = "#FF5FAF", "#FF87D7", "#D7AFFF"
		p.Match = "#FFD75F"
		return p
	}
	return NewPalette(dark, false)
}
