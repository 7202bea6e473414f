package open

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// checkPage refuses anything but http://127.0.0.1:PORT/TOKEN/ with a
// lowercase alphanumeric token: the only pages tubenotes serves.
func checkPage(page string) error {
	u, err := url.Parse(page)
	refuse := fmt.Errorf("refusing to open %q: not a tubenotes page", page)
	if err != nil || u.Scheme != "http" || u.User != nil || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "" {
		return refuse
	}
	host, port, ok := strings.Cut(u.Host, ":")
	if n, err := strconv.Atoi(port); !ok || host != "127.0.0.1" || err != nil || n < 1 || n > 65535 || strconv.Itoa(n) != port {
		return refuse
	}
	token, ok := strings.CutSuffix(strings.TrimPrefix(u.Path, "/"), "/")
	if !ok || len(token) < 16 || strings.Trim(token, "abcdefghijklmnopqrstuvwxyz0123456789") != "" || u.RawPath != "" {
		return refuse
	}
	return nil
}
