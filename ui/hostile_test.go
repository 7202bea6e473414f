package ui

import (
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"tubenotes/model"
)

// evil is put into every string a note controls. None of its escape
// sequences (marked by the parameters 6666 and 7777 and the payloads PWNED
// and UFdORUQ), C1 or bidi controls may reach the terminal; the text left
// once they are removed may.
const evil = "\x1b]0;PWNED\x07\x1b[6666;7777H\x1b]52;c;UFdORUQ=\x07\x1bP6666\x1b\\\u009b6666m\u202eRLO\u2066" +
	"&#27;[6666m&#x9b;6666m\x1b[?1049l\x07\x08\r"

// evilInLine is evil inside a line of a note, which its CR would end (a CR
// alone ends a line, as in CommonMark): left out where the line goes on.
var evilInLine = strings.ReplaceAll(evil, "\r", "")

func hostileVault() fstest.MapFS {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	ch := "chan" + evil
	return fstest.MapFS{
		ch + "/" + ch + ".md": file("---\ntitle: page" + strings.ReplaceAll(evil, "\n", "") + "\n---\n" +
			"### [Video " + evilInLine + "](https://www.youtube.com/watch?v=LKlE93-SDpc)\n- [[evil_note | label " + evilInLine + "]]\n"),
		ch + "/evil_note.md": file("---\ntitle: \"Evil \\e]0;PWNED\\a title\"\nvideoId: LKlE93-SDpc\n---\n\nFrom: [[" + ch + "]] <br/>\n\n" +
			"Intro " + evilInLine + ` <a class="yt-timestamp" data-t="00:00:07">[00:00:07]</a>` + "\n\n" +
			"## Heading " + evil + "\n\nBody " + evilInLine + " [[missing" + evilInLine + " | dangling " + evilInLine + "]] and [[index | home" + evilInLine + "]]\n"),
		"index.md":                         file("# Home " + evil + "\n\nText " + evil + "\n"),
		"name" + evil + ".md":              file("no frontmatter, a hostile file name\n"),
		"chan" + evil + "/sub/deep" + evil: file("not markdown"),
	}
}

// ownSequence matches the escape sequences the program itself writes:
// CSI (cursor, modes, SGR), OSC 0/2 window titles naming tubenotes, and
// OSC 52 with the base64 of a watch URL.
// foreignParams finds the note's own sequences, should one slip through
// looking like the program's.
var foreignParams = regexp.MustCompile(`\x1b\[[0-9;:?<>=]*(6666|7777)|\x1b\][0-9]*;(PWNED|c;UFdORUQ)`)

var ownSequence = regexp.MustCompile(`\x1b\[[0-9;:?<>=]*[ -/]*[@-~]|\x1b\][02];(tubenotes)?\x07|\x1b\]52;c;[A-Za-z0-9+/=]*\x07|\x1b[78=>MDE]`)

func checkTerminalBytes(t *testing.T, out []byte) {
	t.Helper()
	if m := foreignParams.Find(out); m != nil {
		t.Errorf("a note's escape sequence reached the terminal: %q", m)
	}
	rest := ownSequence.ReplaceAll(out, nil)
	if i := bytes.IndexByte(rest, 0x1b); i >= 0 {
		t.Errorf("foreign escape sequence: %q", rest[i:min(i+40, len(rest))])
	}
	for i := 0; i < len(rest); {
		r, size := utf8.DecodeRune(rest[i:])
		bad := r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 ||
			r == 0x200e || r == 0x200f || r == 0x061c || r == 0x07 || r == 0x08
		if bad {
			t.Errorf("control %U reached the terminal near %q", r, rest[max(i-30, 0):min(i+30, len(rest))])
		}
		i += size
	}
}

func TestHostileVaultThroughTheProgram(t *testing.T) {
	v := loadVault(t, hostileVault())
	op := &fakeOpener{}
	m := New(Options{
		Load:   func(func(int, int)) (*model.Vault, error) { return v, nil },
		Opener: op,
		Style:  "dark",
	})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.TrueColor)))
	var out bytes.Buffer
	wait := func(what string) {
		teatest.WaitFor(t, io.TeeReader(tm.Output(), &out), func(b []byte) bool {
			return bytes.Contains(out.Bytes(), []byte(what))
		}, teatest.WithDuration(30*time.Second))
	}
	wait("4 notes")
	tm.Type("/evil")
	tm.Send(keyMsg("enter"))
	for _, k := range []string{"t", "o", "y", "]", "enter", "]", "]", "enter"} { // wait for the render, in order
		tm.Send(keyMsg(k))
	}
	for deadline := time.Now().Add(30 * time.Second); len(op.opened()) == 0 && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
	}
	for _, k := range []string{"backspace", "?", "?", "tab", "G", "enter", "tab", "j", "j", "j", "enter",
		"tab", "tab", "j", "enter", "/", "e", "v", "enter"} {
		tm.Send(keyMsg(k))
	}
	tm.Send(tea.WindowSizeMsg{Width: 60, Height: 20})
	tm.Send(keyMsg(`\`))
	time.Sleep(300 * time.Millisecond)
	tm.Send(keyMsg("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(30*time.Second))
	final, _ := io.ReadAll(tm.FinalOutput(t))
	out.Write(final)
	if len(op.opened()) == 0 {
		t.Error("the hostile note's timestamp was never opened: the keys did not reach it")
	}
	checkTerminalBytes(t, out.Bytes())
}

func TestCheckTerminalBytesCatchesLeaks(t *testing.T) {
	for _, leak := range []string{"a\x1b]0;x\x07b", "\u009b31m", "\u202e", "\x1b[6666;7777H", "\x1bP1$r\x1b\\"} {
		ft := &testing.T{}
		done := make(chan struct{})
		go func() { defer close(done); checkTerminalBytes(ft, []byte("ok \x1b[31mred\x1b[m "+leak)) }()
		<-done
		if !ft.Failed() {
			t.Errorf("leak %q not caught", leak)
		}
	}
	ft := &testing.T{}
	checkTerminalBytes(ft, []byte("\x1b[?1049h\x1b[2J\x1b]0;tubenotes\x07\x1b[38;2;1;2;3mhi\x1b[m"))
	if ft.Failed() {
		t.Error("the program's own sequences were flagged")
	}
}

// TestHostileTimelineAndLinks draws the timeline of the hostile note's
// video, filtered too, and the links into the page it links: no control
// from the notes reaches the screen.
func TestHostileTimelineAndLinks(t *testing.T) {
	fsys := hostileVault()
	// a second note of the video, so a hostile row is drawn off the cursor
	fsys["second"+evil+".md"] = &fstest.MapFile{Data: []byte("---\ntitle: \"Two \\e]0;PWNED\\a\"\nvideoId: LKlE93-SDpc\n---\n\n## Part " +
		evil + "\n\nText " + evilInLine + ` <a class="yt-timestamp" data-t="00:00:09">[00:00:09]</a>` + "\n")}
	v := loadVault(t, fsys)
	h := newHarness(t, v, 100, 30)
	var evilNote *model.Note
	for _, n := range v.Notes {
		if strings.HasSuffix(n.Path, "/evil_note.md") {
			evilNote = n
		}
	}
	if evilNote == nil {
		t.Fatal("no evil note")
	}
	h.send(run(h.m.act(openNoteRequest(evilNote)))...)
	h.press("v")
	if h.m.mode != modeTimeline || !strings.Contains(h.screen(), "Intro") {
		t.Fatalf("no timeline of the hostile note:\n%s", h.screen())
	}
	checkTerminalBytes(t, []byte(h.m.screen()))
	h.press("/")
	h.send(tea.PasteMsg{Content: "intro" + evil})
	checkTerminalBytes(t, []byte(h.m.screen()))
	h.press("esc", "esc")
	h.send(run(h.m.act(openNoteRequest(v.Note("index.md"))))...)
	if h.m.links.Linked() != 1 {
		t.Fatalf("index is linked from %d notes, want the evil one", h.m.links.Linked())
	}
	checkTerminalBytes(t, []byte(h.m.screen()))
}
