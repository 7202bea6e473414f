package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestPlayerFollowsInTmux runs tubenotes --player mpv in tmux against the
// mpv installed here, with no video or audio output and a Lua hook that
// plays a short local video (made by mpv itself) in place of YouTube, so
// no network is needed: o starts one mpv and later o presses seek it, the
// playhead shows, the sections pane and follow mode mark what plays, and
// space, the seek keys and c act on the real player.
func TestPlayerFollowsInTmux(t *testing.T) {
	mpv, err := exec.LookPath("mpv")
	if err != nil {
		t.Skip("mpv is not installed (apt-get install -y mpv); the player's UI is tested with a fake in ui/")
	}
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	dir := t.TempDir()
	video := filepath.Join(dir, "video.mkv")
	// seekable (a key frame every 2 s), 5 minutes, made in well under a second
	enc := exec.Command(mpv, "--no-config", "--really-quiet", "av://lavfi:testsrc=duration=300:size=64x48:rate=1",
		"--o="+video, "--of=matroska", "--ovc=mpeg4", "--ovcopts=g=2")
	if out, err := enc.CombinedOutput(); err != nil {
		t.Skipf("this mpv cannot make a test video: %v\n%s", err, out)
	}
	hook := filepath.Join(dir, "local.lua")
	write(t, hook, 0o644, fmt.Sprintf(`mp.add_hook("on_load", 50, function()
  if mp.get_property("stream-open-filename", ""):find("youtube.com", 1, true) then
    mp.set_property("stream-open-filename", %q)
  end
end)
`, video))
	bin := filepath.Join(dir, "bin")
	starts, pids := filepath.Join(dir, "starts"), filepath.Join(dir, "pids")
	write(t, filepath.Join(bin, "mpv"), 0o755, fmt.Sprintf("#!/bin/sh\necho \"$@\" >> '%s'\necho $$ >> '%s'\nexec '%s' --vo=null --ao=null --no-config --ytdl=no --script='%s' \"$@\"\n",
		starts, pids, mpv, hook))
	t.Cleanup(func() { // tubenotes leaves mpv running by design
		data, _ := os.ReadFile(pids)
		for _, f := range strings.Fields(string(data)) {
			if pid, err := strconv.Atoi(f); err == nil {
				if p, err := os.FindProcess(pid); err == nil {
					p.Kill()
				}
			}
		}
	})
	runtime := filepath.Join(dir, "run")
	if err := os.Mkdir(runtime, 0o700); err != nil {
		t.Fatal(err)
	}
	term := startTerminalWith(t, "PATH='"+bin+":"+os.Getenv("PATH")+"' XDG_RUNTIME_DIR='"+runtime+"'", "--player", "mpv")
	shows := func(what string, re *regexp.Regexp) []string {
		t.Helper()
		var m []string
		term.waitFor(what, func() bool { m = re.FindStringSubmatch(term.screen()); return m != nil })
		return m
	}

	term.keys("/")
	term.typeText("hardware and software revolutions")
	term.keys("Enter")
	shows("the note", regexp.MustCompile(`Deep Learning and GPUs`))
	if strings.Contains(term.screen(), "pause/play") {
		t.Error("the player's keys are hinted before anything plays")
	}
	term.keys("t", "t", "o") // 0:10
	shows("the playhead from 0:10", regexp.MustCompile(`▶ 0:1\d playing`))
	shows("the player's keys in the hints", regexp.MustCompile(`space pause/play`))
	term.keys("f", "t", "t", "o") // 0:28, the same mpv seeks
	shows("the playhead from 0:28", regexp.MustCompile(`▶ 0:(2[89]|3\d) playing`))
	shows("the section played marked", regexp.MustCompile(`▶\s*0:28\s+Deep Learning and GPUs`))
	term.keys("Space")
	paused := seconds(shows("the pause", pausedRe))
	// mpv's relative seeks land on a key frame: a second either way
	pausedNear := func(what string, want int) int {
		t.Helper()
		at := -1
		term.waitFor(what, func() bool {
			m := pausedRe.FindStringSubmatch(term.screen())
			at = -1
			if m != nil {
				at = seconds(m)
			}
			return at >= want-2 && at <= want+2
		})
		return at
	}
	term.keys("S-Right")
	later := pausedNear("10 s later", paused+10)
	term.keys(",")
	back := pausedNear("10 s back", later-10)
	term.keys("c")
	shows("the anchor copied", regexp.MustCompile(regexp.QuoteMeta(`copied <a class="yt-timestamp" data-t="00:`+clock(back)+`">`)))

	data, _ := os.ReadFile(starts)
	if n := strings.Count(string(data), "\n"); n != 1 {
		t.Errorf("mpv started %d times, want once:\n%s", n, data)
	}
	term.keys("q")
	if status := term.exitStatus(); status != "0" {
		t.Errorf("exit status %s", status)
	}
}

func write(t *testing.T, path string, mode os.FileMode, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), mode); err != nil {
		t.Fatal(err)
	}
}

// seconds is "M", "SS" submatches as seconds.
func seconds(m []string) int {
	mins, _ := strconv.Atoi(m[1])
	secs, _ := strconv.Atoi(m[2])
	return mins*60 + secs
}

// pausedRe is the paused playhead on the status line.
var pausedRe = regexp.MustCompile(`⏸ (\d+):(\d\d) paused`)

// clock is seconds as MM:SS, the anchor's minutes and seconds.
func clock(s int) string { return fmt.Sprintf("%02d:%02d", s/60, s%60) }
