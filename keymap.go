package main

import (
	"reflect"
	"strings"

	"charm.land/bubbles/v2/key"

	"tubenotes/ui"
	"tubenotes/ui/common"
	"tubenotes/ui/config"
)

// keyMap is the browser's key map with the config file's [keys] applied:
// each remapped action gets exactly its keys, shown in hints and help as
// written. A key given to two actions that read keys in the same mode
// (ui.SameMode) is an error naming the file, line and key.
func keyMap(cfg config.Config) (common.KeyMap, error) {
	km := common.DefaultKeyMap()
	if len(cfg.Keys) == 0 {
		return km, nil
	}
	v := reflect.ValueOf(&km).Elem()
	field := map[string]int{}
	defaults := map[string][]string{}
	for i := range v.NumField() {
		if b, ok := v.Field(i).Interface().(key.Binding); ok {
			name := snakeCase(v.Type().Field(i).Name)
			field[name], defaults[name] = i, b.Keys()
		}
	}
	keys, err := cfg.Keymap(defaults, ui.SameMode)
	if err != nil {
		return km, err
	}
	for name := range cfg.Keys {
		f := v.Field(field[name])
		old := f.Interface().(key.Binding)
		f.Set(reflect.ValueOf(key.NewBinding(key.WithKeys(keys[name]...),
			key.WithHelp(strings.Join(keys[name], "/"), old.Help().Desc))))
	}
	return km, nil
}
