package search

import "testing"

// TestPlainDropsMarkup: headings and snippets read without emphasis,
// link targets or callout markers.
func TestPlainDropsMarkup(t *testing.T) {
	cases := map[string]string{
		"1. **Structure for Success**":                         "1. Structure for Success",
		"**1. Prior (P(H))**: The probability":                 "1. Prior (P(H)): The probability",
		"[Video **title**](https://www.youtube.com/watch?v=x)": "Video title",
		"See [[note | the note]] and [site](https://e.com/a).": "See the note and site.",
		"*Emphasis*, `code` and ***both***.":                   "Emphasis, code and both.",
	}
	for in, want := range cases {
		if got := Plain(in); got != want {
			t.Errorf("Plain(%q) = %q, want %q", in, got, want)
		}
	}
}
