package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"tubenotes/loader"
	"tubenotes/model/search"
)

// layoutFingerprint changes whenever the cache's layout may have: the
// shape of the types it keeps, the bytes it writes for a fixed vault (the
// testdata notes, parsed by the loader of today), and the search index's
// bytes for them.
func layoutFingerprint(t *testing.T) string {
	t.Helper()
	h := sha256.New()
	fmt.Fprintln(h, typeShape(reflect.TypeFor[loader.File](), map[reflect.Type]bool{}))
	r, err := loader.Reload(testVaultFS(), loader.Options{}, func() map[string]loader.Known { return nil })
	if err != nil {
		t.Fatal(err)
	}
	files := make([]loader.File, len(r.Files))
	for i, f := range r.Files {
		f.Stamp = loader.Stamp{Size: int64(i), ModTime: int64(i)}
		files[i] = f
	}
	for _, part := range encode(contents{root: "/v", files: files}) {
		h.Write(part)
	}
	h.Write(search.Build(r.Vault.Notes).AppendBinary(nil))
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// typeShape spells out a type's fields, recursively.
func typeShape(t reflect.Type, seen map[reflect.Type]bool) string {
	switch t.Kind() {
	case reflect.Struct:
		if seen[t] {
			return t.String()
		}
		seen[t] = true
		var b strings.Builder
		b.WriteString(t.String() + "{")
		for i := range t.NumField() {
			f := t.Field(i)
			fmt.Fprintf(&b, "%s %s;", f.Name, typeShape(f.Type, seen))
		}
		return b.String() + "}"
	case reflect.Slice, reflect.Pointer:
		return t.Kind().String() + " " + typeShape(t.Elem(), seen)
	}
	return t.String()
}

// The fingerprint of the layout formatVersion names. When this test fails,
// the model, the loader's output or the index changed: if the cache would
// read old files wrongly, bump formatVersion; then set both below.
const (
	fingerprintVersion = 10
	fingerprint        = "a6d1963728e283d0"
)

func TestFormatVersion(t *testing.T) {
	got := layoutFingerprint(t)
	if got != fingerprint || fingerprintVersion != formatVersion {
		t.Errorf("the cache's layout changed (fingerprint %s, was %s for version %d): bump formatVersion (now %d) in format.go, then set fingerprintVersion and fingerprint in this test", got, fingerprint, fingerprintVersion, formatVersion)
	}
}
