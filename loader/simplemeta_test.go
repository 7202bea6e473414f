package loader

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"tubenotes/loader/loadtest"
)

// yamlMeta is what the YAML library makes of src, the reference simpleMeta
// must agree with whenever it answers.
func yamlMeta(t *testing.T, src string) (map[string]any, bool) {
	t.Helper()
	var meta map[string]any
	if err := yaml.Unmarshal([]byte(src), &meta); err != nil {
		return nil, false
	}
	return meta, true
}

func checkSimpleMetaAgrees(t *testing.T, src string) (fast bool) {
	t.Helper()
	meta, title, videoID, ok := simpleMeta(src, true)
	if _, t2, v2, ok2 := simpleMeta(src, false); ok2 != ok || t2 != title || v2 != videoID {
		t.Errorf("simpleMeta(%q) without keys reads %q %q %v, with them %q %q %v", src, t2, v2, ok2, title, videoID, ok)
	}
	if !ok {
		return false
	}
	want, valid := yamlMeta(t, src)
	if !valid {
		t.Errorf("simpleMeta read %q, which YAML rejects", src)
		return true
	}
	if len(want) == 0 && len(meta) == 0 {
		return true
	}
	if !reflect.DeepEqual(meta, want) {
		t.Errorf("simpleMeta(%q) = %#v, YAML reads %#v", src, meta, want)
	}
	if s, _ := want["title"].(string); strings.TrimSpace(s) != title {
		t.Errorf("simpleMeta(%q) title %q, YAML %q", src, title, s)
	}
	if s, _ := want["videoId"].(string); strings.TrimSpace(s) != videoID {
		t.Errorf("simpleMeta(%q) videoId %q, YAML %q", src, videoID, s)
	}
	return true
}

func TestSimpleMetaAgreesWithYAML(t *testing.T) {
	tests := []struct {
		src  string
		fast bool // whether the fast reader must answer
	}{
		{"title: Importance of GPUs for deep learning\nvideoId: LKlE93-SDpc\n", true},
		{"title: \"Quoted: with colon\"\nvideoId: -4svi_vYmOM\n", true},
		{"title: 'single'\n", true},
		{"title: \"\n", false},
		{"title: '\n", false},
		{"title: Türkçe başlık ığüşöç\n", true},
		{"title:   spaced out   \n", true},
		{"title:\n", true},
		{"\ntitle: x\n\n", true},
		{"title: a#b\n", true},
		{"title: 4svi_vYmOM\n", true},
		{"title: (parenthesised) [brackets] {braces}, commas\n", true},
		{"my-key: value\n_private: v\n", true},
		{"title: 1984\n", false},
		{"title: 12345678901\n", false},
		{"title: 1e10\n", false},
		{"title: 0x1F\n", false},
		{"title: 2024-01-02\n", false},
		{"title: 12:30\n", false},
		{"title: true\n", false},
		{"title: No\n", false},
		{"title: null\n", false},
		{"title: ~\n", false},
		{"title: .inf\n", false},
		{"title: - item\n", false},
		{"title: ? key\n", false},
		{"title: a: b\n", false},
		{"title: a # comment\n", false},
		{"title: \"esc\\\"aped\"\n", false},
		{"title: 'it''s'\n", false},
		{"title: \"a\" # c\n", false},
		{"title: !tag x\n", false},
		{"title: &anchor x\n", false},
		{"title: *alias\n", false},
		{"title: |\n  block\n", false},
		{"title: [a, b]\n", false},
		{"tags:\n  - a\n", false},
		{"title: x\ntitle: y\n", false},
		{"# comment\ntitle: x\n", false},
		{"title:x\n", false},
		{"true: x\n", false},
		{"1: x\n", false},
		{"title: a\tb\n", false},
		{"title: a\u0085b\n", false},
		{"title: a\u2028b\n", false},
		{"title: \x1b[31mred\n", false},
	}
	for _, tt := range tests {
		if got := checkSimpleMetaAgrees(t, tt.src); got != tt.fast {
			t.Errorf("simpleMeta(%q) answered %v, want %v", tt.src, got, tt.fast)
		}
	}
}

// TestSimpleMetaAgreesOnCorpus reads every frontmatter of the real notes
// both ways.
func TestSimpleMetaAgreesOnCorpus(t *testing.T) {
	dir := loadtest.CorpusDir(t)
	fast, all := 0, 0
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fm := splitFrontmatter(string(data))
		if !fm.found {
			return nil
		}
		all++
		if checkSimpleMetaAgrees(t, fm.yaml) {
			fast++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Every real frontmatter is title and videoId strings; a few titles are
	// numbers or quoted with escapes, and go to the YAML library.
	if all < 1300 || fast < all*95/100 {
		t.Errorf("fast path read %d of %d frontmatters, want at least 95%%", fast, all)
	}
	t.Logf("fast path read %d of %d frontmatters", fast, all)
}

// TestSimpleMetaManyKeys: duplicates are found past the keys kept in a
// row, and many keys are still read.
func TestSimpleMetaManyKeys(t *testing.T) {
	var b strings.Builder
	for i := range 40 {
		fmt.Fprintf(&b, "k%d: v\n", i)
	}
	if _, _, _, ok := simpleMeta(b.String(), false); !ok {
		t.Error("40 distinct keys not read")
	}
	for _, dup := range []string{"k3: w\n", "k39: w\n"} {
		if _, _, _, ok := simpleMeta(b.String()+dup, false); ok {
			t.Errorf("duplicate %q read as simple", dup)
		}
	}
}
