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

func snakeCase(name string) string {
	var b strings.Builder
	for i, r := range name {
		if unicode.IsUpper(r) && i > 0 {
			b.WriteByte('_')
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
