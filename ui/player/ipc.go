package player

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"sync"
	"time"
)

// maxLine bounds one line from mpv; we never ask for anything near it.
const maxLine = 1 << 20

// errClosed is the error of a request on a connection mpv has closed.
var errClosed = errors.New("mpv has closed its socket")

// reply is mpv's answer to one request.
type reply struct {
	Error     string          `json:"error"`
	Data      json.RawMessage `json:"data"`
	malformed bool
}

// event is an unsolicited message: a property change, end-file, etc.
type event struct {
	Event string          `json:"event"`
	ID    int64           `json:"id"`
	Name  string          `json:"name"`
	Data  json.RawMessage `json:"data"`
}

// refusal is mpv's answer to a request it could not carry out.
type refusal struct{ command, reason string }

func (r refusal) Error() string { return "mpv refused " + r.command + ": " + r.reason }

// ipcConn is one connection to mpv's JSON IPC socket: one JSON object a
// line each way, replies matched to requests by request_id, events
// interleaved and handed to onEvent on the reading goroutine.
type ipcConn struct {
	conn    net.Conn
	onEvent func(event)

	writeMu sync.Mutex

	mu      sync.Mutex
	nextID  int64
	pending map[int64]chan reply
	err     error // set once the connection is dead

	dead chan struct{}
}

// dialIPC connects to the socket at path.
func dialIPC(ctx context.Context, path string, onEvent func(event)) (*ipcConn, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "unix", path)
	if err != nil {
		return nil, err
	}
	c := &ipcConn{conn: conn, onEvent: onEvent, pending: map[int64]chan reply{}, dead: make(chan struct{})}
	go c.read()
	return c, nil
}

// read dispatches every line until the connection ends. A line that is not
// a JSON object, or a reply nobody waits for, is skipped: mpv's stream
// stays usable after one bad line.
func (c *ipcConn) read() {
	sc := bufio.NewScanner(c.conn)
	sc.Buffer(make([]byte, 0, 4096), maxLine)
	for sc.Scan() {
		c.dispatch(sc.Bytes())
	}
	err := sc.Err()
	if errors.Is(err, bufio.ErrTooLong) {
		err = fmt.Errorf("mpv sent a line over %d bytes", maxLine)
	} else {
		err = errClosed
	}
	c.fail(err)
}

func (c *ipcConn) dispatch(line []byte) {
	var head struct {
		RequestID *int64 `json:"request_id"`
		Event     string `json:"event"`
	}
	if json.Unmarshal(line, &head) != nil {
		return
	}
	if head.Event != "" {
		var ev event
		if json.Unmarshal(line, &ev) == nil && c.onEvent != nil {
			c.onEvent(ev)
		}
		return
	}
	if head.RequestID == nil {
		return
	}
	var r reply
	if json.Unmarshal(line, &r) != nil {
		r = reply{malformed: true}
	}
	c.mu.Lock()
	ch := c.pending[*head.RequestID]
	delete(c.pending, *head.RequestID)
	c.mu.Unlock()
	if ch != nil {
		ch <- r // buffered: never blocks the reader
	}
}

// fail marks the connection dead and wakes every waiting request.
func (c *ipcConn) fail(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err != nil {
		return
	}
	c.err = err
	c.conn.Close()
	close(c.dead)
}

// alive reports whether the connection still works.
func (c *ipcConn) alive() bool {
	select {
	case <-c.dead:
		return false
	default:
		return true
	}
}

// close ends the connection; mpv keeps running.
func (c *ipcConn) close() { c.fail(errClosed) }

// request sends command and waits for its reply until ctx ends. The
// result is the reply's data when mpv answered "success".
func (c *ipcConn) request(ctx context.Context, command ...any) (json.RawMessage, error) {
	c.mu.Lock()
	if c.err != nil {
		err := c.err
		c.mu.Unlock()
		return nil, err
	}
	c.nextID++
	id := c.nextID
	ch := make(chan reply, 1)
	c.pending[id] = ch
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		delete(c.pending, id)
		c.mu.Unlock()
	}()

	line, err := json.Marshal(struct {
		Command   []any `json:"command"`
		RequestID int64 `json:"request_id"`
	}{command, id})
	if err != nil {
		return nil, err
	}
	if err := c.write(ctx, append(line, '\n')); err != nil {
		return nil, err
	}
	select {
	case r := <-ch:
		if r.malformed {
			return nil, fmt.Errorf("mpv sent a malformed reply to %v", command[0])
		}
		if r.Error != "success" {
			return nil, refusal{command: fmt.Sprint(command[0]), reason: oneLine(r.Error)}
		}
		return r.Data, nil
	case <-c.dead:
		return nil, c.deadErr()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// write sends one line, bounded by ctx's deadline; a failed write kills
// the connection, as a partial line would corrupt the stream.
func (c *ipcConn) write(ctx context.Context, line []byte) error {
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	deadline, ok := ctx.Deadline()
	if !ok {
		deadline = time.Now().Add(RequestTimeout)
	}
	c.conn.SetWriteDeadline(deadline)
	if _, err := c.conn.Write(line); err != nil {
		c.fail(errClosed)
		if errors.Is(err, os.ErrDeadlineExceeded) {
			return context.DeadlineExceeded
		}
		return c.deadErr()
	}
	return nil
}

func (c *ipcConn) deadErr() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// oneLine keeps a message from mpv short and on one line.
func oneLine(s string) string {
	out := []rune{}
	for _, r := range s {
		if len(out) == 80 {
			return string(out) + "…"
		}
		if r < ' ' || r == 0x7f {
			r = ' '
		}
		out = append(out, r)
	}
	return string(out)
}
