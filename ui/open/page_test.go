package open

import (
	"errors"
	"testing"
)

func TestOpenPageAcceptsOnlyLocalPages(t *testing.T) {
	const good = "http://127.0.0.1:43567/abcdefghijklmnop0123456789/"
	if err := checkPage(good); err != nil {
		t.Errorf("refused %s: %v", good, err)
	}
	for _, bad := range []string{
		"https://127.0.0.1:43567/abcdefghijklmnop0123456789/",
		"http://localhost:43567/abcdefghijklmnop0123456789/",
		"http://127.0.0.1/abcdefghijklmnop0123456789/",
		"http://127.0.0.1:0/abcdefghijklmnop0123456789/",
		"http://127.0.0.1:043567/abcdefghijklmnop0123456789/",
		"http://127.0.0.1:43567/short/",
		"http://127.0.0.1:43567/abcdefghijklmnop0123456789",
		"http://127.0.0.1:43567/abcdefghijklmnop0123456789/x",
		"http://127.0.0.1:43567/ABCDEFGHIJKLMNOP0123456789/",
		"http://127.0.0.1:43567/abcdefghijklmnop0123456789/?q=1",
		"http://u@127.0.0.1:43567/abcdefghijklmnop0123456789/",
		"http://127.0.0.1:43567/abcdefghijklmnop%30123456789/",
		"file:///etc/passwd",
	} {
		if err := checkPage(bad); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
	o, err := Browser(env(nil), "linux")
	if err != nil {
		t.Fatal(err)
	}
	if err := o.OpenPage(good); !errors.Is(err, ErrNoDisplay) {
		t.Errorf("no display: %v", err)
	}
	if err := (Command{Words: []string{"true", "{url}"}}).OpenPage(good); err != nil {
		t.Errorf("Command.OpenPage: %v", err)
	}
	if err := (Command{Words: []string{"true", "{url}"}}).OpenPage("https://evil.example/"); err == nil {
		t.Error("Command opened a foreign page")
	}
}
