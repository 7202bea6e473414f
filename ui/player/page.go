package player

import (
	"bytes"
	_ "embed"
	"html/template"
	"io"
	"log"
	"net/url"
)

//go:embed page.html
var pageHTML string

//go:embed page.js
var pageScript []byte

var pageTemplate = template.Must(template.New("page").Parse(pageHTML))

// renderPage is the companion page loading the IFrame API from api.
func renderPage(api string) ([]byte, error) {
	var b bytes.Buffer
	err := pageTemplate.Execute(&b, struct{ API string }{api})
	return b.Bytes(), err
}

// pagePolicy lets the page run only its own script and the IFrame API,
// frame only YouTube, talk only to this server, and be framed by nobody.
func pagePolicy(api string) string {
	scripts := "'self' https://www.youtube.com https://s.ytimg.com"
	if u, err := url.Parse(api); err == nil && u.Scheme != "" && u.Host != "" {
		scripts += " " + u.Scheme + "://" + u.Host
	}
	return "default-src 'none'; script-src " + scripts +
		"; frame-src https://www.youtube.com https://www.youtube-nocookie.com" +
		"; connect-src 'self'; img-src https: data:; style-src 'unsafe-inline'" +
		"; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
}

// quietLog keeps the HTTP server's complaints (a browser hanging up, say)
// off the terminal the UI draws on.
var quietLog = log.New(io.Discard, "", 0)
