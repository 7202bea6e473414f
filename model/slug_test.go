package model

import (
	"strings"
	"testing"
	"unicode"
)

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"role_of_product_leaders", "role_of_product_leaders"},
		{"Role of product leaders", "role_of_product_leaders"},
		{"Role of product-leaders!", "role_of_product_leaders"},
		{"  spaces -- and  dashes ", "_spaces_and_dashes_"},
		{"Ethereum's roadmap (2024)", "ethereums_roadmap_2024"},
		{"a__b", "a__b"},
		{"Türkçe İçerik", "türkçe_içerik"},
		{"", ""},
		{"?!.", ""},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSlugLowersAsToLower checks Slug, which lowers rune by rune, against
// lowering the whole string first, on mixed scripts and invalid UTF-8.
func TestSlugLowersAsToLower(t *testing.T) {
	reference := func(s string) string {
		var b strings.Builder
		gap := false
		for _, r := range strings.ToLower(s) {
			switch {
			case r == ' ' || r == '-' || r == '\t':
				gap = true
			case r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
				if gap {
					b.WriteByte('_')
					gap = false
				}
				b.WriteRune(r)
			}
		}
		if gap {
			b.WriteByte('_')
		}
		return b.String()
	}
	for _, in := range []string{"ÀÉÎ Õü", "ΣΑΣ σας", "Kelvin \u212a Å", "İstanbul", "bad \xff\xfe bytes", "a\xc3", "ǅǈǋ", "ＡＢＣ full", "MiXeD-Case_9"} {
		if got, want := Slug(in), reference(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}
