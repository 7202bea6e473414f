package model

import (
	"reflect"
	"testing"
)

func TestValidVideoIDAndURL(t *testing.T) {
	tests := []struct {
		id      string
		seconds int
		valid   bool
		url     string
	}{
		{"LKlE93-SDpc", 90, true, "https://www.youtube.com/watch?v=LKlE93-SDpc&t=90s"},
		{"-4svi_vYmOM", 0, true, "https://www.youtube.com/watch?v=-4svi_vYmOM&t=0s"},
		{"LKlE93-SDp", 5, false, ""},
		{"LKlE93-SDpcc", 5, false, ""},
		{"LKlE93&SDpc", 5, false, ""},
		{"LKlE93-SDpc", -1, true, ""},
		{"", 5, false, ""},
	}
	for _, tt := range tests {
		if got := ValidVideoID(tt.id); got != tt.valid {
			t.Errorf("ValidVideoID(%q) = %v, want %v", tt.id, got, tt.valid)
		}
		if got := VideoURL(tt.id, tt.seconds); got != tt.url {
			t.Errorf("VideoURL(%q, %d) = %q, want %q", tt.id, tt.seconds, got, tt.url)
		}
	}
}

// sampleNote has an intro (lines 1-2), "A" at line 3 and "B" at line 6,
// and text to line 8.
func sampleNote(videoID string) *Note {
	n := &Note{
		VideoID:  videoID,
		Sections: []Section{{Title: "A", Level: 2, Line: 3}, {Title: "B", Level: 2, Line: 6}},
		Timestamps: []Timestamp{
			{Raw: "00:00:01", Seconds: 1, Valid: true, Line: 2, Section: -1},
			{Raw: "HH:MM:SS", Line: 4, Section: 0},
			{Raw: "00:00:05", Seconds: 5, Valid: true, Line: 5, Section: 0},
			{Raw: "00:00:07", Seconds: 7, Valid: true, Line: 7, Section: 1},
		},
	}
	return n.SetBody("intro\n<a>\n## A\n<a>\n<a>\n## B\n<a>\nend\n", nil)
}

func TestNoteQueries(t *testing.T) {
	n := sampleNote("LKlE93-SDpc")
	for line, want := range map[int]int{0: -1, 1: -1, 2: -1, 3: 0, 5: 0, 6: 1, 8: 1, 100: 1} {
		if got := n.SectionAt(line); got != want {
			t.Errorf("SectionAt(%d) = %d, want %d", line, got, want)
		}
	}
	if got := n.SectionEnd(0); got != 5 {
		t.Errorf("SectionEnd(0) = %d, want 5", got)
	}
	if got := n.SectionEnd(1); got != 8 {
		t.Errorf("SectionEnd(1) = %d, want 8 (the last line)", got)
	}
	if got := n.LineCount(); got != 8 {
		t.Errorf("LineCount = %d, want 8", got)
	}
	if got := n.SectionTimestamps(0); !reflect.DeepEqual(got, []int{1, 2}) {
		t.Errorf("SectionTimestamps(0) = %v, want [1 2]", got)
	}
	if got := n.SectionTimestamps(-1); !reflect.DeepEqual(got, []int{0}) {
		t.Errorf("SectionTimestamps(-1) = %v, want [0]", got)
	}
	if got := n.FirstTimestamp(0); got != 2 {
		t.Errorf("FirstTimestamp(0) = %d, want 2 (1 is invalid)", got)
	}
	if got := n.TimestampAbove(4); got != 0 {
		t.Errorf("TimestampAbove(4) = %d, want 0", got)
	}
	if got := n.TimestampAbove(7); got != 3 {
		t.Errorf("TimestampAbove(7) = %d, want 3", got)
	}
	if got := n.TimestampURL(1); got != "" {
		t.Errorf("invalid timestamp has URL %q", got)
	}
	if got := n.TimestampURL(2); got != "https://www.youtube.com/watch?v=LKlE93-SDpc&t=5s" {
		t.Errorf("TimestampURL(2) = %q", got)
	}
	if n.Openable(9) || n.Openable(-1) {
		t.Error("out-of-range timestamps are openable")
	}

	bad := sampleNote("not an id")
	if bad.Openable(2) || bad.FirstTimestamp(0) != -1 || bad.TimestampAbove(8) != -1 {
		t.Error("a note without a valid videoId has openable timestamps")
	}
	if got := (&Note{}).LineCount(); got != 0 {
		t.Errorf("empty LineCount = %d", got)
	}
	if got := (&Note{}).SetBody("no newline", nil).LineCount(); got != 1 {
		t.Errorf("LineCount without final newline = %d", got)
	}
	for text, want := range map[string]int{"\n": 1, "a\n": 1, "a\n\n": 2, "\n\nb": 3} {
		if got := (&Note{}).SetBody(text, nil).LineCount(); got != want {
			t.Errorf("LineCount(%q) = %d, want %d", text, got, want)
		}
	}
}

func TestTimestampPlayed(t *testing.T) {
	n := sampleNote("LKlE93-SDpc")
	// a summary line repeating 00:00:05 before the intro's 1 s: the first of equal ones wins
	n.Timestamps = append(n.Timestamps, Timestamp{Raw: "00:00:05", Seconds: 5, Valid: true, Line: 8, Section: 1})
	for seconds, want := range map[float64]int{0: -1, 0.9: -1, 1: 0, 4.99: 0, 5: 2, 6.5: 2, 7: 3, 1e9: 3} {
		if got := n.TimestampPlayed(seconds); got != want {
			t.Errorf("TimestampPlayed(%v) = %d, want %d", seconds, got, want)
		}
	}
	if got := (&Note{}).TimestampPlayed(10); got != -1 {
		t.Errorf("no timestamps: %d", got)
	}
}
