package config

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/pelletier/go-toml/v2/unstable"
)

// decodeKeys checks the [keys] table: each key an action of actions, each
// value a key or a list of keys, no key bound to two actions.
func (c Config) decodeKeys(raw map[string]any, actions []string) (map[string][]string, error) {
	if len(raw) == 0 {
		return nil, nil
	}
	names := make([]string, 0, len(raw))
	for action := range raw {
		names = append(names, action)
	}
	// In file order, so the first problem reported is the first in the file.
	sort.Slice(names, func(i, j int) bool {
		return c.lines["keys."+names[i]] < c.lines["keys."+names[j]]
	})
	keymap := make(map[string][]string, len(raw))
	boundTo := map[string]string{} // key -> action
	for _, action := range names {
		where := "keys." + action
		if !slices.Contains(actions, action) {
			return nil, c.errorf(where, "no such action (the actions are %s)", strings.Join(actions, ", "))
		}
		keys, err := keyList(raw[action])
		if err != nil {
			return nil, c.errorf(where, "%v", err)
		}
		for _, k := range keys {
			if other, ok := boundTo[k]; ok && other != action {
				return nil, c.errorf(where, "%q is also bound to %s", k, other)
			}
			boundTo[k] = action
		}
		keymap[action] = keys
	}
	return keymap, nil
}

// keyList is a [keys] value: a key or a non-empty list of keys.
func keyList(v any) ([]string, error) {
	var keys []string
	switch v := v.(type) {
	case string:
		keys = []string{v}
	case []any:
		for _, e := range v {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("give a key or a list of keys, like [\"x\", \"ctrl+y\"]")
			}
			keys = append(keys, s)
		}
	default:
		return nil, fmt.Errorf("give a key or a list of keys, like [\"x\", \"ctrl+y\"]")
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("no keys: leave the action out to keep its default keys")
	}
	for _, k := range keys {
		if !validKey(k) {
			return nil, fmt.Errorf("%q is not a key (write it as \"x\", \"ctrl+y\", \"enter\", \"space\")", k)
		}
	}
	return keys, nil
}

// validKey accepts what a key press prints as: no spaces, no control
// characters, not empty.
func validKey(k string) bool {
	if k == "" {
		return false
	}
	for _, r := range k {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return false
		}
	}
	return true
}

// Keymap is the keymap in force: defaults (action -> keys) with the
// file's remapped actions replacing theirs. A key that ends up on two
// actions is an error naming the remapping that caused it, unless the
// defaults share it too (actions of different panes, like the notes
// filter's and the reader's find "/").
func (c Config) Keymap(defaults map[string][]string) (map[string][]string, error) {
	out := make(map[string][]string, len(defaults))
	for action, keys := range defaults {
		out[action] = keys
	}
	for action, keys := range c.Keys {
		out[action] = keys
	}
	remapped := make([]string, 0, len(c.Keys))
	for action := range c.Keys {
		remapped = append(remapped, action)
	}
	sort.Slice(remapped, func(i, j int) bool {
		return c.lines["keys."+remapped[i]] < c.lines["keys."+remapped[j]]
	})
	for _, action := range remapped {
		for _, k := range c.Keys[action] {
			for other, keys := range out {
				shared := slices.Contains(defaults[action], k) && slices.Contains(defaults[other], k)
				if other != action && slices.Contains(keys, k) && !shared {
					return nil, c.errorf("keys."+action, "%q is also a key of %s: remap %s too", k, other, other)
				}
			}
		}
	}
	return out, nil
}

// keyAt is one key the file sets and the line it is on.
type keyAt struct {
	path []string // the table's keys, then the key's
	line int
}

// keyLines lists every key of a TOML document with its line, table headers
// included, in file order.
func keyLines(data []byte) ([]keyAt, error) {
	var p unstable.Parser
	p.Reset(data)
	var table []string
	var out []keyAt
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = keyParts(e.Key())
			out = append(out, keyAt{path: table, line: line(&p, e.Key())})
		case unstable.KeyValue:
			path := append(slices.Clip(table), keyParts(e.Key())...)
			out = append(out, keyAt{path: path, line: line(&p, e.Key())})
		}
	}
	return out, p.Error()
}

func keyParts(it unstable.Iterator) []string {
	var parts []string
	for it.Next() {
		parts = append(parts, string(it.Node().Data))
	}
	return parts
}

// line is the line of the first part of a key.
func line(p *unstable.Parser, it unstable.Iterator) int {
	if !it.Next() {
		return 0
	}
	return p.Shape(it.Node().Raw).Start.Line
}
