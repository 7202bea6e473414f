package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"

	"tubenotes/model"
	"tubenotes/ui/reader"
	"tubenotes/ui/render"
	"tubenotes/ui/safe"
)

// outTerminal is what show knows of where its output goes: isTerm false for a
// pipe or a file, which get plain text.
type outTerminal struct {
	isTerm bool
	width  int  // columns, 0 when unknown
	dark   bool // the background, asked of the terminal
}

// detectTerminal asks stdout whether it is a terminal, and then its width
// and background.
func detectTerminal(stdout io.Writer) outTerminal {
	f, ok := stdout.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return outTerminal{}
	}
	w, _, err := term.GetSize(f.Fd())
	if err != nil {
		w = 0
	}
	return outTerminal{isTerm: true, width: w, dark: lipgloss.HasDarkBackground(os.Stdin, f)}
}

// maxShowWidth is the widest column show lays a note out in: glamour pads
// every line to the width, so a width of 10^9 took 8.8 GB and did not end.
const maxShowWidth = 1000

func runShow(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("show", "show [--width N] [--style auto|dark|light|notty|FILE.json] [--timestamps auto|hms|ms] PATH NOTE", stderr)
	var lf loadFlags
	lf.register(fl)
	width := fl.Int("width", 0, "the reading column's width in cells, 20 to 1000 (default: the terminal's, at most 100)")
	style := fl.String("style", "auto", "auto (plain when stdout is not a terminal, else from its background), dark, light, notty, or a glamour JSON style file")
	v, rest, _, ok := loadVaultArgs("show", fl, &lf, args, []string{"NOTE"}, stderr)
	if !ok {
		return 2
	}
	if *width != 0 && (*width < 20 || *width > maxShowWidth) {
		fmt.Fprintf(stderr, "tubenotes show: --width %d: give 20 to %d\n", *width, maxShowWidth)
		return 2
	}
	styleJSON, err := readStyle(*style)
	if err != nil {
		fmt.Fprintln(stderr, "tubenotes show:", err)
		return 2
	}
	n, err := lookupNote(v, rest[0])
	if err != nil {
		fmt.Fprintln(stderr, "tubenotes show:", err)
		return 2
	}
	for _, p := range v.Problems {
		if p.Path == n.Path {
			printProblems(stderr, []model.Problem{p})
		}
	}
	tt := detectTerminal(stdout)
	out := stdout
	if tt.isTerm { // colours cut down to what the terminal shows, none under NO_COLOR
		out = colorprofile.NewWriter(stdout, os.Environ())
	}
	if err := showNote(out, v, n, tt, *width, *style, styleJSON); err != nil {
		fmt.Fprintln(stderr, "tubenotes show:", err)
		return 1
	}
	return 0
}

// lookupNote is the note name means: its path, title or file name (see
// model.Vault.Lookup), else what noteArg reads (the path with the vault's
// folder in front, a wikilink target); the error says why there is not
// exactly one.
func lookupNote(v *model.Vault, name string) (*model.Note, error) {
	found := v.Lookup(name)
	switch {
	case len(found) == 1:
		return found[0], nil
	case len(found) == 0:
		if n := noteArg(v, name); n != nil {
			return n, nil
		}
		return nil, fmt.Errorf("%s: no note has this path, title or file name", safe.Line(name))
	}
	paths := make([]string, 0, 4)
	for i, n := range found {
		if i == 3 {
			paths = append(paths, fmt.Sprintf("and %d more", len(found)-3))
			break
		}
		paths = append(paths, safe.Line(n.Path))
	}
	return nil, fmt.Errorf("%s: %d notes match (%s); give the path", safe.Line(name), len(found), strings.Join(paths, ", "))
}

// showNote writes note n rendered as the reader renders it: in the given
// style, or with style "auto" in colours for the terminal's background,
// and as plain text when tt is no terminal; styleJSON is a style file's
// contents, read by readStyle.
func showNote(w io.Writer, v *model.Vault, n *model.Note, tt outTerminal, width int, style string, styleJSON []byte) error {
	if width == 0 {
		width = reader.DefaultMaxWidth
		if tt.width > 0 {
			width = max(min(tt.width, width), 20)
		}
	}
	switch {
	case style != "auto":
	case !tt.isTerm:
		style = "notty"
	case tt.dark:
		style = "dark"
	default:
		style = "light"
	}
	st := render.NewStyles(style, tt.dark || !tt.isTerm)
	st.JSON = styleJSON
	doc := render.Render(v, render.Key{Note: n, Width: width, Style: style}, st)
	if doc.Err != nil {
		return doc.Err
	}
	bw := bufio.NewWriter(w)
	for _, l := range doc.Lines {
		if style == "notty" {
			l = strings.TrimRight(l, " ")
		}
		bw.WriteString(l)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
