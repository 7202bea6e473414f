package render

import (
	"strings"
	"testing"

	"tubenotes/ui/common"
)

// TestStylesFromThePalette: the badges, links and glamour's headings take
// the palette's colours, for the background they are made for.
func TestStylesFromThePalette(t *testing.T) {
	n := parse(t, "c/n.md", "---\ntitle: T\nvideoId: abcdefghijk\n---\n\n## A heading\n\nText [[other]] <a class=\"yt-timestamp\" data-t=\"0:05\">x</a>\n")
	for _, dark := range []bool{true, false} {
		style := map[bool]string{true: "dark", false: "light"}[dark]
		p := common.NewPalette(dark, false)
		st := NewStyles(style, !dark) // the style's name wins over the terminal's background
		doc := Render(vaultOf(n), Key{Note: n, Width: 60, Style: style}, st)
		text := strings.Join(doc.Lines, "\n")
		for name, token := range map[string]string{"accent (heading)": p.Accent, "timestamp (badge)": p.Timestamp} {
			if !strings.Contains(text, sgrOf(token)) {
				t.Errorf("%s: no %s colour %s in\n%q", style, name, token, text)
			}
		}
		if got, want := st.Badge.GetForeground(), p.Color(p.Timestamp); got != want {
			t.Errorf("%s: badge colour %v, want %v", style, got, want)
		}
	}
}

// sgrOf is the truecolor foreground sequence's parameters for a hex colour.
func sgrOf(hex string) string {
	var rgb [3]int
	for i := range rgb {
		for _, c := range hex[1+2*i : 3+2*i] {
			rgb[i] = rgb[i]*16 + strings.IndexRune("0123456789ABCDEF", c)
		}
	}
	return "38;2;" + itoa(rgb[0]) + ";" + itoa(rgb[1]) + ";" + itoa(rgb[2])
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// TestStandardStylesRender: glamour's standard styles are rendered as
// themselves, not as a style file that cannot be read.
func TestStandardStylesRender(t *testing.T) {
	for _, style := range []string{"dracula", "tokyo-night", "pink", "ascii"} {
		v, n := seedNote(t)
		d := Render(v, Key{Note: n, Width: 60, Style: style}, NewStyles(style, true))
		if d.Err != nil || len(d.Lines) == 0 {
			t.Errorf("%s: err %v, %d lines", style, d.Err, len(d.Lines))
		}
	}
}
