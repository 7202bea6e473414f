package player

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeMPV speaks mpv's JSON IPC protocol on a real unix socket: it records
// every command, answers with request_id, and can misbehave.
type fakeMPV struct {
	t       testing.TB
	version string
	// silent: read requests, never answer. malformed: answer every
	// request with a broken reply. chatty: before each reply send an
	// event, a line that is not JSON and a reply to nobody.
	silent, malformed, chatty bool
	// idle: refuse seeks, as mpv does once a video has ended or failed.
	idle atomic.Bool

	mu       sync.Mutex
	commands [][]any
	starts   [][]string
	conns    []net.Conn
	lns      []net.Listener
	got      chan []any
}

func newFakeMPV(t testing.TB, version string) *fakeMPV {
	f := &fakeMPV{t: t, version: version, got: make(chan []any, 1000)}
	t.Cleanup(f.stop)
	return f
}

// start is the Starter: it listens on the --input-ipc-server path the way
// mpv does when it starts.
func (f *fakeMPV) start(argv []string) (<-chan error, error) {
	f.mu.Lock()
	f.starts = append(f.starts, argv)
	f.mu.Unlock()
	var sock string
	for _, a := range argv {
		if s, ok := strings.CutPrefix(a, "--input-ipc-server="); ok {
			sock = s
		}
	}
	ln, err := net.Listen("unix", sock)
	if err != nil {
		return nil, err
	}
	f.mu.Lock()
	f.lns = append(f.lns, ln)
	f.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			f.mu.Lock()
			f.conns = append(f.conns, c)
			f.mu.Unlock()
			go f.serve(c)
		}
	}()
	return make(chan error), nil
}

func (f *fakeMPV) serve(c net.Conn) {
	sc := bufio.NewScanner(c)
	for sc.Scan() {
		var req struct {
			Command   []any `json:"command"`
			RequestID int64 `json:"request_id"`
		}
		if err := json.Unmarshal(sc.Bytes(), &req); err != nil {
			f.t.Errorf("fake mpv got a line that is not a request: %q", sc.Text())
			return
		}
		f.mu.Lock()
		f.commands = append(f.commands, req.Command)
		f.mu.Unlock()
		select {
		case f.got <- req.Command:
		default: // a benchmark's thousands of commands: nobody waits for them
		}
		if f.silent {
			continue
		}
		var data any
		if req.Command[0] == "get_property" && req.Command[1] == "mpv-version" {
			data = f.version
		}
		out := ""
		if f.chatty {
			out += `{"event":"property-change","id":1,"name":"time-pos","data":1.5}` + "\n" +
				"garbage {\n" + `{"request_id":999999,"error":"success"}` + "\n"
		}
		if f.idle.Load() && req.Command[0] == "seek" {
			out += fmt.Sprintf(`{"request_id":%d,"error":"error running command"}`+"\n", req.RequestID)
		} else if f.malformed {
			out += fmt.Sprintf(`{"request_id":%d,"error":7}`+"\n", req.RequestID)
		} else {
			line, _ := json.Marshal(map[string]any{"request_id": req.RequestID, "error": "success", "data": data})
			out += string(line) + "\n"
		}
		if _, err := c.Write([]byte(out)); err != nil {
			return
		}
	}
}

// send writes raw lines to every connection, as mpv's events.
func (f *fakeMPV) send(lines ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, c := range f.conns {
		c.Write([]byte(strings.Join(lines, "\n") + "\n"))
	}
}

// quit closes the socket as mpv does when the user closes its window.
func (f *fakeMPV) quit() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, c := range f.conns {
		c.Close()
	}
	for _, ln := range f.lns {
		ln.Close()
	}
	f.conns, f.lns = nil, nil
}

func (f *fakeMPV) stop() { f.quit() }

// log is the commands so far, each as compact JSON, observe_property and
// get_property left out.
func (f *fakeMPV) log() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, c := range f.commands {
		if c[0] == "observe_property" || c[0] == "get_property" {
			continue
		}
		b, _ := json.Marshal(c)
		out = append(out, string(b))
	}
	return out
}

func (f *fakeMPV) startCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.starts)
}

// waitFor waits until the fake has received a command named name.
func (f *fakeMPV) waitFor(name string) []any {
	f.t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		select {
		case c := <-f.got:
			if c[0] == name {
				return c
			}
		case <-deadline:
			f.t.Fatalf("fake mpv never got %q", name)
			return nil
		}
	}
}
