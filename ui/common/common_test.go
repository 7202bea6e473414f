package common

import "testing"

func TestClock(t *testing.T) {
	cases := map[int]string{0: "0:00", 28: "0:28", 65: "1:05", 3723: "1:02:03", 36000: "10:00:00", -5: "0:00"}
	for s, want := range cases {
		if got := Clock(s); got != want {
			t.Errorf("Clock(%d) = %q, want %q", s, got, want)
		}
	}
}

func TestCursor(t *testing.T) {
	var c Cursor
	c.Pos = 50
	c.Clamp(10, 4)
	if c.Pos != 9 || c.Offset != 6 {
		t.Errorf("clamp past the end: %+v", c)
	}
	c.Scroll(-100, 10, 4)
	if c.Offset != 0 || c.Pos != 3 {
		t.Errorf("scroll to the top: %+v", c)
	}
	c.Clamp(0, 4)
	if c.Pos != 0 || c.Offset != 0 {
		t.Errorf("clamp on no rows: %+v", c)
	}
	c = Cursor{Pos: 3}
	c.Clamp(10, 0)
	if c.Pos != 3 {
		t.Errorf("zero height moved the cursor: %+v", c)
	}
}

func TestCursorKeepsContext(t *testing.T) {
	c := Cursor{Context: 3}
	for range 7 { // down to row 7 of a 10-row window: 3 rows stay below it
		c.Pos++
		c.Clamp(100, 10)
	}
	if c.Offset != 1 {
		t.Errorf("row 7 of 10: offset %d, want 1", c.Offset)
	}
	c.Pos = 99
	c.Clamp(100, 10)
	if c.Offset != 90 {
		t.Errorf("at the end the window stops: offset %d, want 90", c.Offset)
	}
	c.Pos -= 7
	c.Clamp(100, 10)
	if c.Offset != 89 {
		t.Errorf("3 rows above: offset %d, want 89", c.Offset)
	}
	c.Scroll(-50, 100, 10)
	if c.Offset != 39 || c.Pos != 39+6 {
		t.Errorf("scrolled: %+v, want the cursor 3 rows above the bottom", c)
	}
	c = Cursor{Pos: 3, Context: 3}
	c.Clamp(100, 4) // too short for 3 rows each side: one each side
	if c.Offset != 1 {
		t.Errorf("short window: %+v", c)
	}
}

func TestFit(t *testing.T) {
	if got := Fit("abcdef", 4); got != "abc…" {
		t.Errorf("Fit cut = %q", got)
	}
	if got := Fit("ab", 4); got != "ab  " {
		t.Errorf("Fit pad = %q", got)
	}
	if got := Fit("界界界", 4); got != "界… " {
		t.Errorf("Fit wide = %q", got)
	}
	if Fit("x", 0) != "" || Fit("x", -1) != "" {
		t.Error("Fit to nothing")
	}
}

func TestKeyMapHasNoClashes(t *testing.T) {
	k := DefaultKeyMap()
	// within one pane a key must mean one thing; "/" is filter in the notes
	// pane and find in the reader, never both in one place
	reader := [][]string{k.Up.Keys(), k.Down.Keys(), k.Top.Keys(), k.Bottom.Keys(), k.PageUp.Keys(), k.PageDown.Keys(),
		k.HalfUp.Keys(), k.HalfDown.Keys(), k.NextTimestamp.Keys(), k.PrevTimestamp.Keys(), k.NextLink.Keys(),
		k.PrevLink.Keys(), k.OpenVideo.Keys(), k.CopyURL.Keys(), k.Find.Keys(), k.FindNext.Keys(), k.FindPrev.Keys(),
		k.Enter.Keys(), k.Clear.Keys(), k.NextPane.Keys(), k.PrevPane.Keys(), k.Sidebar.Keys(), k.Help.Keys(),
		k.Quit.Keys(), k.Back.Keys(), k.Forward.Keys(), k.Search.Keys()}
	seen := map[string]bool{}
	for _, keys := range reader {
		for _, key := range keys {
			if seen[key] {
				t.Errorf("key %q bound twice in the reader", key)
			}
			seen[key] = true
		}
	}
	notes := [][]string{k.Up.Keys(), k.Down.Keys(), k.Top.Keys(), k.Bottom.Keys(), k.PageUp.Keys(), k.PageDown.Keys(),
		k.HalfUp.Keys(), k.HalfDown.Keys(), k.Enter.Keys(), k.Filter.Keys(), k.Clear.Keys(), k.Fold.Keys(), k.Unfold.Keys(),
		k.FoldAll.Keys(), k.UnfoldAll.Keys(), k.NextChannel.Keys(), k.PrevChannel.Keys(), k.NextPane.Keys(),
		k.PrevPane.Keys(), k.Sidebar.Keys(), k.Help.Keys(), k.Quit.Keys(), k.Back.Keys(), k.Forward.Keys(), k.Search.Keys()}
	seen = map[string]bool{}
	for _, keys := range notes {
		for _, key := range keys {
			if seen[key] {
				t.Errorf("key %q bound twice in the notes pane", key)
			}
			seen[key] = true
		}
	}
	if got := k.Search.Keys(); len(got) != 1 || got[0] != "s" {
		t.Errorf(`search is %q, want "s"`, got)
	}
}
