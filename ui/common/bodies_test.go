package common

import (
	"testing"

	"tubenotes/model"
)

// TestLoadBodies: no command when every note's text is in memory; else
// one that reads those on disk, and only them, and names them.
func TestLoadBodies(t *testing.T) {
	read := (&model.Note{Path: "read.md"}).SetBody("in memory", nil)
	if LoadBodies(read, nil) != nil {
		t.Error("a command for texts in memory")
	}
	reads := 0
	onDisk := (&model.Note{Path: "disk.md"}).SetLazyBody(func() model.Body { reads++; return model.Body{Text: "on disk"} })
	cmd := LoadBodies(read, onDisk)
	if cmd == nil || reads != 0 {
		t.Fatalf("command %v, %d reads before it ran", cmd != nil, reads)
	}
	msg, ok := cmd().(BodiesLoadedMsg)
	if !ok || len(msg.Notes) != 1 || msg.Notes[0] != onDisk || reads != 1 || !onDisk.BodyLoaded() || onDisk.Text() != "on disk" {
		t.Errorf("the command gave %#v after %d reads", msg, reads)
	}
}
