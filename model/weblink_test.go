package model

import (
	"strings"
	"testing"
)

func TestWebURL(t *testing.T) {
	ok := []string{"https://example.com", "http://example.com/a?b=c#d", "https://www.youtube.com/watch?v=abcdefghijk"}
	refused := []string{
		"", "javascript:alert(1)", "JavaScript:alert(1)", "file:///etc/passwd", "data:text/html,<b>x</b>",
		"vbscript:x", "ftp://example.com", "//example.com", "example.com", "https://", "https://user:pw@example.com/",
		"https://example.com/\x1b[31m", "https://example.com/a\nb", "https://example.com/a b", "https://example.com/\u0085",
		"https://-oProxyCommand=x/", "https://exa%6dple.com/", "http://example.com/" + strings.Repeat("a", 2100),
		"https://example.com/\"onload", "mailto:a@example.com",
	}
	for _, s := range ok {
		if WebURL(s) != s {
			t.Errorf("WebURL(%q) refused", s)
		}
	}
	for _, s := range refused {
		if WebURL(s) != "" {
			t.Errorf("WebURL(%q) accepted", s)
		}
	}
}

func TestYouTubeID(t *testing.T) {
	cases := map[string]string{
		"https://www.youtube.com/watch?v=HEfHFsfGXjs":       "HEfHFsfGXjs",
		"https://youtube.com/watch?v=HEfHFsfGXjs&t=30s":     "HEfHFsfGXjs",
		"https://youtu.be/HEfHFsfGXjs":                      "HEfHFsfGXjs",
		"https://m.youtube.com/shorts/HEfHFsfGXjs":          "HEfHFsfGXjs",
		"https://www.youtube.com/watch?v=short":             "",
		"https://evil.com/watch?v=HEfHFsfGXjs":              "",
		"javascript:https://youtu.be/HEfHFsfGXjs":           "",
		"https://www.youtube.com/watch?v=HEfHFsfGXj%00":     "",
		"https://www.youtube.com.evil.com/watch?v=HEfHFsfG": "",
	}
	for in, want := range cases {
		if got := YouTubeID(in); got != want {
			t.Errorf("YouTubeID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWebLinkTarget(t *testing.T) {
	text := "a [x](<https://e.com/a>) b ![i](p.png \"t\")"
	n := (&Note{}).SetBody(text, AppendSpans(nil, len(text), nil, nil, nil,
		AppendPart(AppendPart(nil, Part{Kind: MarkdownLink, Span: Span{2, 24}, Inner: 4}), Part{Kind: MarkdownLink, Span: Span{28, 43}, Inner: 30})))
	if got := n.WebLinkTarget(0); got != "https://e.com/a" {
		t.Errorf("link 0: %q", got)
	}
	if got := n.WebLinkTarget(1); got != "p.png" {
		t.Errorf("link 1: %q", got)
	}
	if got := n.WebLinkTarget(2); got != "" {
		t.Errorf("link 2: %q", got)
	}
}
