package fold

import "testing"

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Café", "cafe"},
		{"CAFÉ", "cafe"},
		{"cafe\u0301", "cafe"}, // decomposed é
		{"İstanbul", "istanbul"},
		{"ISTANBUL", "istanbul"},
		{"ışık", "isik"},
		{"IŞIK", "isik"},
		{"Straße", "strasse"},
		{"Ångström", "angstrom"},
		{"ﬁne", "fine"}, // ligature
		{"Ｇｏ", "go"},    // full width
		{"naïve", "naive"},
		{"Ελληνικά", "ελληνικα"},
		{"日本語", "日本語"},
	} {
		if got := String(c.in); got != c.want {
			t.Errorf("String(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Hello, Wörld!", "hello world"},
		{"  ﬁnance\n\tand  CAFÉ ", "finance and cafe"},
		{"e.g. p-adic", "e g p adic"},
		{"½ off", "12 off"},
		{"!?", ""},
		{"", ""},
	} {
		if got := Text(c.in); got != c.want {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestAppendWordASCIIDropsNonWordBytes(t *testing.T) {
	if got := string(AppendWord([]byte("x"), "Don't-Stop")); got != "xdontstop" {
		t.Errorf("AppendWord = %q", got)
	}
}
