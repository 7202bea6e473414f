package render

import (
	"charm.land/glamour/v2"
	"charm.land/glamour/v2/styles"
	"charm.land/lipgloss/v2"

	"tubenotes/ui/common"
)

// Styles are the looks laid over glamour's output: badges, links, the
// header, and the reader's selection and find matches.
type Styles struct {
	Plain bool // notty: no colours; only the selection and matches show, in reverse and underline

	Badge, BadgeDim lipgloss.Style
	Link, LinkDim   lipgloss.Style
	Title, Meta     lipgloss.Style
	Selected        lipgloss.Style
	Playing         lipgloss.Style // the badge the player is at, with follow on
	Match, Current  lipgloss.Style
	Callouts        [tones]lipgloss.Style // a callout box's border and label, by tone

	// JSON is the glamour style file's contents when the style is a file's
	// name: read once by the caller, with a limit, so that rendering never
	// opens a file (one swapped for a named pipe would block it).
	JSON []byte
}

// NewStyles are the styles for a glamour style name ("dark", "light",
// "notty" or a JSON file's path, which follows dark), made of the
// browser's palette (common.Palette).
func NewStyles(style string, dark bool) Styles {
	s := lipgloss.NewStyle
	if style == "notty" || style == "ascii" {
		return Styles{
			Plain:    true,
			Badge:    s(),
			BadgeDim: s(),
			Link:     s(),
			LinkDim:  s(),
			Title:    s(),
			Meta:     s(),
			Selected: s().Reverse(true),
			Playing:  s().Bold(true).Underline(true),
			Match:    s().Underline(true),
			Current:  s().Reverse(true).Bold(true),
			Callouts: calloutStyles(s(), s(), s(), s()),
		}
	}
	p := common.ThemePalette(style, dark)
	c := p.Color
	muted := c(p.Muted)
	return Styles{
		Badge:    s().Foreground(c(p.Timestamp)).Bold(true),
		BadgeDim: s().Foreground(muted).Faint(true),
		Link:     s().Foreground(c(p.Accent)).Underline(true),
		LinkDim:  s().Foreground(muted).Faint(true),
		Title:    s().Foreground(c(p.Strong)).Bold(true),
		Meta:     s().Foreground(muted),
		Selected: s().Reverse(true).Bold(true),
		Playing:  s().Foreground(c(p.FindText)).Background(c(p.Timestamp)).Bold(true),
		Match:    s().Foreground(c(p.FindText)).Background(c(p.Find)),
		Current:  s().Foreground(c(p.FindText)).Background(c(p.FindCurrent)).Bold(true),
		Callouts: calloutStyles(s().Foreground(c(p.Accent)), s().Foreground(c(p.Timestamp)),
			s().Foreground(c(p.Match)), s().Foreground(muted)),
	}
}

// glamourStyle is the glamour option for a style: dark and light are
// glamour's own styles with the palette's colours for headings, links and
// rules; notty is glamour's plain one; anything else the JSON style file
// the caller read (an error when it read none).
func glamourStyle(style string, json []byte) glamour.TermRendererOption {
	if style == "notty" {
		// glamour's notty writes "**" and "*" around bold and italics:
		// markup that a plain rendering must not show.
		cfg := styles.NoTTYStyleConfig
		cfg.Strong.BlockPrefix, cfg.Strong.BlockSuffix = "", ""
		cfg.Emph.BlockPrefix, cfg.Emph.BlockSuffix = "", ""
		cfg.Strikethrough.BlockPrefix, cfg.Strikethrough.BlockSuffix = "", ""
		return glamour.WithStyles(cfg)
	}
	if cfg, ok := styles.DefaultStyles[style]; ok && style != "dark" && style != "light" {
		return glamour.WithStyles(*cfg) // dracula, tokyo-night, pink, ascii: glamour's own
	}
	if style != "dark" && style != "light" {
		return glamour.WithStylesFromJSONBytes(json)
	}
	dark := style == "dark"
	cfg := styles.LightStyleConfig
	if dark {
		cfg = styles.DarkStyleConfig
	}
	p := common.NewPalette(dark, false)
	cfg.Heading.Color = &p.Accent
	cfg.H1.Color, cfg.H1.BackgroundColor = &p.OnAccent, &p.Accent
	cfg.H6.Color = &p.Muted
	cfg.HorizontalRule.Color = &p.Muted
	cfg.Link.Color = &p.Muted
	cfg.LinkText.Color = &p.Accent
	return glamour.WithStyles(cfg)
}
