package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"charm.land/glamour/v2/ansi"

	"tubenotes/loader/regular"
)

// maxStyleSize is the most of a --style file read: real styles are a few KB.
const maxStyleSize = 1 << 20

// readStyle accepts the named styles (and returns nil) and a glamour JSON
// style file, whose contents it returns: a regular file (a named pipe or
// /dev/zero is refused without waiting or reading on) of at most
// maxStyleSize bytes holding one JSON object whose keys are glamour's. It
// is the one read of the file: rendering takes these bytes, so a file
// swapped afterwards changes nothing.
func readStyle(style string) ([]byte, error) {
	switch style {
	case "auto", "dark", "light", "dracula", "tokyo-night", "pink", "ascii", "notty":
		return nil, nil
	}
	bad := func(why string) ([]byte, error) {
		return nil, fmt.Errorf("--style %s: %s; give dark, light, dracula, tokyo-night, pink, ascii, notty or a glamour JSON style file", style, why)
	}
	f, err := regular.Open(style)
	switch {
	case errors.Is(err, regular.ErrNotRegular):
		return bad("not a regular file")
	case err != nil:
		return bad("cannot be read")
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxStyleSize+1))
	switch {
	case err != nil:
		return bad("cannot be read")
	case len(data) > maxStyleSize:
		return bad(fmt.Sprintf("larger than %d MB", maxStyleSize>>20))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var cfg ansi.StyleConfig
	if err := dec.Decode(&cfg); err != nil || dec.More() {
		return bad("not a glamour style")
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return bad("not a glamour style")
	}
	return data, nil
}
