package model

import "testing"

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
