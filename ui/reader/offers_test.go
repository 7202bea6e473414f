package reader

import (
	"strings"
	"testing"
)

// hintNames are the keys the pane's hints name, by their help key.
func hintNames(m Model) string {
	var names []string
	for _, b := range m.ShortHelp() {
		names = append(names, b.Help().Key)
	}
	return strings.Join(names, " ")
}

// TestHintsNameOnlyKeysThatAct: the hint line offers t/T only where a
// timestamp or a video link can be selected, ]/[ where a link can, o and
// y where a video can be played, v where the note has a video of its own.
func TestHintsNameOnlyKeysThatAct(t *testing.T) {
	cases := []struct {
		name, text  string
		want, never []string
	}{
		{"plain", "---\ntitle: Plain\n---\n\nJust words, nothing to select.\n",
			nil, []string{"t/T", "enter", "o", "v", "]/[", "y"}},
		{"video and timestamps", "---\ntitle: V\nvideoId: dQw4w9WgXcQ\n---\n\nSee <a class=\"yt-timestamp\" data-t=\"00:01:00\">[00:01:00]</a>.\n",
			[]string{"t/T", "enter", "o", "v", "y"}, []string{"]/["}},
		{"video without timestamps", "---\ntitle: V\nvideoId: dQw4w9WgXcQ\n---\n\nNo moments.\n",
			[]string{"o", "v", "y"}, []string{"t/T", "enter", "]/["}},
		{"a channel page's video links", "---\ntitle: Chan\n---\n\n## [Video A](https://www.youtube.com/watch?v=dQw4w9WgXcQ)\n\nand [[Other]].\n",
			[]string{"t/T", "enter", "o", "]/[", "y"}, []string{"v"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := parse(t, "chan/note.md", c.text)
			m := open(t, Options{}, vaultOf(n), n, 100, 30)
			got := " " + hintNames(m) + " "
			for _, w := range c.want {
				if !strings.Contains(got, " "+w+" ") {
					t.Errorf("hints %q lack %s", got, w)
				}
			}
			for _, w := range c.never {
				if strings.Contains(got, " "+w+" ") {
					t.Errorf("hints %q offer %s, which does nothing here", got, w)
				}
			}
		})
	}
}
