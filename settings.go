package main

import (
	"flag"
	"fmt"
	"io"
	"reflect"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"

	"tubenotes/ui/common"
	"tubenotes/ui/config"
)

// userConfig loads the user's config.toml and prints its warnings. ok is
// false when it has said on stderr why the file is wrong; exit 2 then.
func userConfig(stderr io.Writer) (cfg config.Config, ok bool) {
	cfg, warnings, err := config.Load(config.Path(), keyActions())
	for _, w := range warnings {
		fmt.Fprintln(stderr, "tubenotes: warning:", w)
	}
	if err != nil {
		fmt.Fprintln(stderr, "tubenotes:", err)
		return cfg, false
	}
	return cfg, true
}

// keyActions are the names [keys] may remap: the fields of the browser's
// key map in snake case ("next_pane", "open_video").
func keyActions() []string {
	var names []string
	t := reflect.TypeOf(common.KeyMap{})
	for i := range t.NumField() {
		if f := t.Field(i); f.Type == reflect.TypeOf(key.Binding{}) {
			names = append(names, snakeCase(f.Name))
		}
	}
	return names
}

// snakeCase is a Go name in snake case, an acronym one word: CopyURL is
// copy_url.
func snakeCase(name string) string {
	runes := []rune(name)
	var b strings.Builder
	for i, r := range runes {
		if i > 0 && unicode.IsUpper(r) {
			prev := runes[i-1]
			nextLower := i+1 < len(runes) && unicode.IsLower(runes[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || nextLower {
				b.WriteByte('_')
			}
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// setOnCommandLine is the set of flags fl was given, by name.
func setOnCommandLine(fl *flag.FlagSet) map[string]bool {
	set := map[string]bool{}
	fl.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set
}
