package player

import (
	"context"
	"errors"
	"os/exec"
	"testing"
	"time"
)

// TestRealMPV runs the client against the mpv installed here, if any, with
// no video or audio output and no network use expected to succeed: the
// protocol (socket, observe, mpv-version, seek, loadfile of the installed
// version's form, show-text, cycle) is what is checked.
func TestRealMPV(t *testing.T) {
	path, err := exec.LookPath("mpv")
	if err != nil {
		t.Skip("mpv is not installed: the client is tested against the fake only")
	}
	if testing.Short() {
		t.Skip("short: skipping the real mpv")
	}
	var procs []*exec.Cmd
	var exits []chan error
	t.Cleanup(func() {
		for i, p := range procs {
			p.Process.Kill()
			<-exits[i]
		}
	})
	start := func(argv []string) (<-chan error, error) {
		// no window, no sound, no scripts: a test machine may have no display
		args := append([]string{"--vo=null", "--ao=null", "--no-config", "--ytdl=no"}, argv[1:]...)
		cmd := exec.Command(path, args...)
		if err := cmd.Start(); err != nil {
			return nil, err
		}
		exited, seen := make(chan error, 1), make(chan error, 1)
		go func() {
			err := cmd.Wait()
			exited <- err
			seen <- err
		}()
		procs, exits = append(procs, cmd), append(exits, seen)
		return exited, nil
	}
	runtime := t.TempDir()
	m := NewMPV(MPVOptions{Start: start, Getenv: func(string) string { return runtime }})
	defer m.Close()
	ctx := context.Background()
	if err := m.Play(ctx, videoA, 10, "Intro"); err != nil {
		t.Fatalf("first Play: %v", err)
	}
	if err := m.Play(ctx, videoA, 20, "Later"); err != nil {
		t.Fatalf("Play of the same video: %v", err)
	}
	if err := m.Play(ctx, videoB, 30, "Other"); err != nil {
		t.Fatalf("Play of another video: %v", err)
	}
	if err := m.TogglePause(ctx); err != nil {
		t.Fatalf("TogglePause: %v", err)
	}
	procs[0].Process.Kill()
	for deadline := time.Now().Add(5 * time.Second); m.current() != nil; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the client never noticed mpv was gone")
		}
	}
	if err := m.TogglePause(ctx); !errors.Is(err, ErrNotRunning) {
		t.Errorf("TogglePause with mpv gone: %v", err)
	}
	if err := m.Play(ctx, videoA, 5, ""); err != nil || len(procs) != 2 {
		t.Fatalf("Play after mpv was killed: %v, %d mpv started", err, len(procs))
	}
}
