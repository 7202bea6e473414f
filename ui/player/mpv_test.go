package player

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

const (
	videoA = "LKlE93-SDpc"
	videoB = "dQw4w9WgXcQ"
)

// newTestMPV is an MPV on f with a private $XDG_RUNTIME_DIR.
func newTestMPV(t *testing.T, f *fakeMPV, timeout time.Duration) (*MPV, string) {
	runtime := t.TempDir()
	m := NewMPV(MPVOptions{
		Start:        f.start,
		Getenv:       func(k string) string { return map[string]string{"XDG_RUNTIME_DIR": runtime}[k] },
		Timeout:      timeout,
		StartTimeout: 2 * time.Second,
	})
	t.Cleanup(func() { m.Close() })
	return m, runtime
}

func TestMPVStartsOnceThenSeeksOrLoads(t *testing.T) {
	f := newFakeMPV(t, "mpv 0.38.0")
	m, runtime := newTestMPV(t, f, time.Second)
	ctx := context.Background()
	if err := m.Play(ctx, videoA, 10, "Intro"); err != nil {
		t.Fatal(err)
	}
	if err := m.Play(ctx, videoA, 20, ""); err != nil {
		t.Fatal(err)
	}
	if err := m.Play(ctx, videoB, 30, "Second"); err != nil {
		t.Fatal(err)
	}
	if f.startCount() != 1 {
		t.Fatalf("mpv started %d times, want once", f.startCount())
	}
	argv := f.starts[0]
	dir := filepath.Join(runtime, "tubenotes")
	sock := strings.TrimPrefix(argv[4], "--input-ipc-server=")
	want := []string{"mpv", "--idle=yes", "--force-window=yes", "--no-terminal", "--input-ipc-server=" + sock,
		"--start=10", "https://www.youtube.com/watch?v=" + videoA + "&t=10s"}
	if !reflect.DeepEqual(argv, want) || filepath.Dir(sock) != dir {
		t.Errorf("argv = %q\nwant %q in %s", argv, want, dir)
	}
	if info, err := os.Stat(dir); err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("socket directory: %v, %v", info.Mode(), err)
	}
	wantLog := []string{
		`["show-text","Intro",3000]`,
		`["seek",20,"absolute"]`,
		`["set_property","pause",false]`,
		`["loadfile","https://www.youtube.com/watch?v=` + videoB + `\u0026t=30s","replace",-1,"start=30"]`,
		`["set_property","pause",false]`,
		`["show-text","Second",3000]`,
	}
	if got := f.log(); !reflect.DeepEqual(got, wantLog) {
		t.Errorf("commands:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantLog, "\n"))
	}
}

func TestMPVOldLoadfileForm(t *testing.T) {
	f := newFakeMPV(t, "mpv v0.37.0-427-gdeadbeef")
	m, _ := newTestMPV(t, f, time.Second)
	ctx := context.Background()
	if err := m.Play(ctx, videoA, 1, ""); err != nil {
		t.Fatal(err)
	}
	if err := m.Play(ctx, videoB, 2, ""); err != nil {
		t.Fatal(err)
	}
	want := `["loadfile","https://www.youtube.com/watch?v=` + videoB + `\u0026t=2s","replace","start=2"]`
	if got := f.log(); len(got) == 0 || got[0] != want {
		t.Errorf("commands %q, want first %s", got, want)
	}
}

func TestIndexedLoadfileVersions(t *testing.T) {
	for v, want := range map[string]bool{
		"mpv 0.38.0": true, "mpv v0.39.0-dirty": true, "mpv 0.37.0": false, "mpv 0.9.2": false,
		"mpv 1.0.0": true, "mpv v0.35.1+git20230101": false, "something else": true,
	} {
		if got := indexedLoadfile(v); got != want {
			t.Errorf("indexedLoadfile(%q) = %v", v, got)
		}
	}
}

func TestMPVReloadsWhenIdle(t *testing.T) {
	f := newFakeMPV(t, "mpv 0.35.1")
	m, _ := newTestMPV(t, f, time.Second)
	ctx := context.Background()
	if err := m.Play(ctx, videoA, 1, ""); err != nil {
		t.Fatal(err)
	}
	f.idle.Store(true)
	if err := m.Play(ctx, videoA, 20, ""); err != nil {
		t.Fatal(err)
	}
	want := []string{`["seek",20,"absolute"]`,
		`["loadfile","https://www.youtube.com/watch?v=` + videoA + `\u0026t=20s","replace","start=20"]`,
		`["set_property","pause",false]`}
	if got := f.log(); !reflect.DeepEqual(got, want) {
		t.Errorf("an idle mpv got %q, want %q", got, want)
	}
}

func TestMPVRestartsWhenClosed(t *testing.T) {
	f := newFakeMPV(t, "mpv 0.38.0")
	m, _ := newTestMPV(t, f, time.Second)
	ctx := context.Background()
	if err := m.Play(ctx, videoA, 1, ""); err != nil {
		t.Fatal(err)
	}
	f.quit()
	if err := m.Play(ctx, videoA, 5, ""); err != nil {
		t.Fatalf("Play after mpv closed: %v", err)
	}
	if f.startCount() != 2 {
		t.Errorf("mpv started %d times, want a second start after it closed", f.startCount())
	}
	if err := m.SeekBy(ctx, 10); err != nil {
		t.Errorf("SeekBy on the new mpv: %v", err)
	}
	if c := f.waitFor("seek"); !reflect.DeepEqual(c, []any{"seek", 10.0, "relative"}) {
		t.Errorf("SeekBy sent %v", c)
	}
}

func TestMPVWithoutPlayerOrSocket(t *testing.T) {
	f := newFakeMPV(t, "mpv 0.38.0")
	m, _ := newTestMPV(t, f, time.Second)
	ctx := context.Background()
	if err := m.TogglePause(ctx); !errors.Is(err, ErrNotRunning) {
		t.Errorf("TogglePause with no mpv = %v", err)
	}
	if err := m.SeekBy(ctx, 10); !errors.Is(err, ErrNotRunning) {
		t.Errorf("SeekBy with no mpv = %v", err)
	}
	if err := m.Play(ctx, "not an id!", 1, ""); err == nil {
		t.Error("Play accepted a bad video id")
	}

	// a player that starts but never opens its socket
	quiet := NewMPV(MPVOptions{
		Start:        func([]string) (<-chan error, error) { return make(chan error), nil },
		Getenv:       func(string) string { return "" },
		StartTimeout: 100 * time.Millisecond,
	})
	err := quiet.Play(ctx, videoA, 1, "")
	if err == nil || err.Error() != "mpv did not open its socket within 100ms" {
		t.Errorf("socket never opened: %v", err)
	}
	// one that exits at once
	exiting := NewMPV(MPVOptions{
		Start: func([]string) (<-chan error, error) {
			ch := make(chan error, 1)
			ch <- errors.New("exit status 2")
			return ch, nil
		},
		Getenv: func(string) string { return "" },
	})
	if err := exiting.Play(ctx, videoA, 1, ""); err == nil || !strings.Contains(err.Error(), "exited before opening its socket: exit status 2") {
		t.Errorf("mpv exiting at once: %v", err)
	}
	// a program that does not exist
	missing := NewMPV(MPVOptions{Program: "/nonexistent/mpv", Getenv: func(string) string { return "" }})
	if err := missing.Play(ctx, videoA, 1, ""); err == nil || !strings.HasPrefix(err.Error(), "cannot run /nonexistent/mpv") {
		t.Errorf("missing mpv: %v", err)
	}
}

func TestMPVThatNeverAnswers(t *testing.T) {
	f := newFakeMPV(t, "mpv 0.38.0")
	f.silent = true
	m, _ := newTestMPV(t, f, 100*time.Millisecond)
	err := m.Play(context.Background(), videoA, 1, "")
	if !errors.Is(err, ErrNoAnswer) || err.Error() != "mpv did not answer within 100ms" {
		t.Fatalf("Play on a silent mpv = %v", err)
	}
	if err := m.TogglePause(context.Background()); !errors.Is(err, ErrNoAnswer) {
		t.Errorf("TogglePause on a silent mpv = %v", err)
	}
	if err := m.Play(context.Background(), videoA, 2, ""); !errors.Is(err, ErrNoAnswer) {
		t.Errorf("second Play on a silent mpv = %v", err)
	}
	if f.startCount() != 1 {
		t.Errorf("a silent mpv was started %d times; it is still running", f.startCount())
	}
}

func TestMPVMalformedReplies(t *testing.T) {
	f := newFakeMPV(t, "mpv 0.38.0")
	f.malformed = true
	m, _ := newTestMPV(t, f, time.Second)
	err := m.Play(context.Background(), videoA, 1, "")
	if err == nil || err.Error() != "mpv sent a malformed reply to observe_property" {
		t.Errorf("malformed reply: %v", err)
	}
}

func TestMPVInterleavedEventsAndPlayhead(t *testing.T) {
	f := newFakeMPV(t, "mpv 0.38.0")
	f.chatty = true
	m, _ := newTestMPV(t, f, time.Second)
	ctx := context.Background()
	if err := m.Play(ctx, videoA, 1, "\x1b[31mIntro ${path}\x07"); err != nil {
		t.Fatal(err)
	}
	if err := m.TogglePause(ctx); err != nil {
		t.Fatal(err)
	}
	if got := f.log(); got[0] != `["show-text","Intro ${path}",3000]` || got[1] != `["cycle","pause"]` {
		t.Errorf("commands %q", got)
	}
	url := `"https://www.youtube.com/watch?v=` + videoA + `&t=1s"`
	f.send(
		`{"event":"property-change","id":3,"name":"path","data":`+url+`}`,
		`{"event":"property-change","id":2,"name":"pause","data":true}`,
		`{"event":"property-change","id":1,"name":"time-pos","data":725.2}`,
	)
	want := Playhead{VideoID: videoA, Seconds: 725.2, Paused: true}
	waitPlayhead(t, m.Updates(), want)
	// the same second again is not news; the next second is
	f.send(`{"event":"property-change","id":1,"name":"time-pos","data":725.9}`,
		`{"event":"property-change","id":1,"name":"time-pos","data":null}`,
		`{"event":"property-change","id":1,"name":"time-pos","data":"bad"}`,
		`{"event":"property-change","id":1,"name":"time-pos","data":726.1}`)
	if got := next(t, m.Updates()); got.Seconds != 726.1 {
		t.Errorf("after 725.9 and 726.1 the playhead is %+v, want 726.1: 725.9 was published", got)
	}
	select {
	case extra := <-m.Updates():
		t.Errorf("extra playhead %+v", extra)
	case <-time.After(50 * time.Millisecond):
	}
}

// waitPlayhead reads updates until want arrives; values on the way are
// the same events seen earlier.
func waitPlayhead(t *testing.T, ch <-chan Playhead, want Playhead) {
	t.Helper()
	for {
		if got := next(t, ch); got == want {
			return
		}
	}
}

func next(t *testing.T, ch <-chan Playhead) Playhead {
	t.Helper()
	select {
	case p := <-ch:
		return p
	case <-time.After(5 * time.Second):
		t.Fatal("no playhead update")
		return Playhead{}
	}
}

func TestSocketDirRefusesWideDirectory(t *testing.T) {
	runtime := t.TempDir()
	if err := os.Mkdir(filepath.Join(runtime, "tubenotes"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.Chmod(filepath.Join(runtime, "tubenotes"), 0o755)
	if _, err := socketPath(func(string) string { return runtime }); err == nil {
		t.Error("a 0755 socket directory was accepted")
	}
	p, err := socketPath(func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(filepath.Dir(p))
	if info, err := os.Stat(filepath.Dir(p)); err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("temporary socket directory %v %v", info.Mode(), err)
	}
}

func TestMPVQuitEndsThePlayer(t *testing.T) {
	f := newFakeMPV(t, "mpv 0.38.0")
	m, _ := newTestMPV(t, f, time.Second)
	ctx := context.Background()
	if err := m.Quit(ctx); err != nil {
		t.Fatalf("quit with no mpv running: %v", err)
	}
	if err := m.Play(ctx, videoA, 10, ""); err != nil {
		t.Fatal(err)
	}
	if err := m.Quit(ctx); err != nil {
		t.Fatal(err)
	}
	log := f.log()
	if len(log) == 0 || log[len(log)-1] != `["quit"]` {
		t.Errorf("commands %q, want the last to be quit", log)
	}
	if err := m.TogglePause(ctx); !errors.Is(err, ErrNotRunning) {
		t.Errorf("after quit, pause gives %v, want ErrNotRunning", err)
	}
}
