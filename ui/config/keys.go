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
// value a key or a list of keys. Clashes need the modes: see Keymap.
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
	for _, action := range names {
		where := "keys." + action
		if !slices.Contains(actions, action) {
			return nil, c.errorf(where, "no such action (the actions are %s)", strings.Join(actions, ", "))
		}
		keys, err := keyList(raw[action])
		if err != nil {
			return nil, c.errorf(where, "%v", err)
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
// file's remapped actions replacing theirs. sameMode tells whether two
// actions can be pressed in the same mode (a key may quit in one mode and
// close a view in another). A remapped key that lands on another action of
// the same mode is an error naming the remapping, unless the defaults
// share it too.
func (c Config) Keymap(defaults map[string][]string, sameMode func(a, b string) bool) (map[string][]string, error) {
	out := make(map[string][]string, len(defaults))
	for action, keys := range defaults {
		out[action] = keys
	}
	for action, keys := range c.Keys {
		out[action] = keys
	}
	others := make([]string, 0, len(out))
	for action := range out {
		others = append(others, action)
	}
	sort.Strings(others)
	remapped := make([]string, 0, len(c.Keys))
	for action := range c.Keys {
		remapped = append(remapped, action)
	}
	sort.Slice(remapped, func(i, j int) bool {
		return c.lines["keys."+remapped[i]] < c.lines["keys."+remapped[j]]
	})
	for _, action := range remapped {
		for _, k := range c.Keys[action] {
			for _, other := range others {
				shared := slices.Contains(defaults[action], k) && slices.Contains(defaults[other], k)
				if other == action || shared || !slices.Contains(out[other], k) || !sameMode(action, other) {
					continue
				}
				if _, ok := c.Keys[other]; ok {
					if c.lines["keys."+other] > c.lines["keys."+action] {
						continue // the later line is the one to blame
					}
					return nil, c.errorf("keys."+action, "%q is also bound to %s", k, other)
				}
				return nil, c.errorf("keys."+action, "%q is also a key of %s: remap %s too", k, other, other)
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
