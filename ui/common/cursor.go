package common

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Cursor is the selected row of a list pane and the first row of its window.
type Cursor struct {
	Pos, Offset int
	// Context is how many rows the window keeps above and below Pos where
	// the list goes on (vim's scrolloff), so the next rows are seen before
	// the cursor reaches them; less when the window is too short.
	Context int
}

// Clamp keeps Pos on one of rows and the window of height rows around it.
func (c *Cursor) Clamp(rows, height int) {
	c.Pos = min(max(c.Pos, 0), max(rows-1, 0))
	ctx := min(c.Context, max((height-1)/2, 0))
	if c.Pos-ctx < c.Offset {
		c.Offset = c.Pos - ctx
	}
	if height > 0 && c.Pos+ctx >= c.Offset+height {
		c.Offset = c.Pos + ctx - height + 1
	}
	c.Offset = min(max(c.Offset, 0), max(rows-height, 0))
}

// Move applies a movement key and reports whether it was one.
func (c *Cursor) Move(msg tea.KeyPressMsg, k KeyMap, rows, height int) bool {
	page := max(height, 1)
	switch {
	case key.Matches(msg, k.Up):
		c.Pos--
	case key.Matches(msg, k.Down):
		c.Pos++
	case key.Matches(msg, k.Top):
		c.Pos = 0
	case key.Matches(msg, k.Bottom):
		c.Pos = rows - 1
	case key.Matches(msg, k.PageUp):
		c.Pos -= page
	case key.Matches(msg, k.PageDown):
		c.Pos += page
	case key.Matches(msg, k.HalfUp):
		c.Pos -= max(page/2, 1)
	case key.Matches(msg, k.HalfDown):
		c.Pos += max(page/2, 1)
	default:
		return false
	}
	c.Clamp(rows, height)
	return true
}

// Scroll moves the window by delta rows and keeps Pos inside it.
func (c *Cursor) Scroll(delta, rows, height int) {
	c.Offset = min(max(c.Offset+delta, 0), max(rows-height, 0))
	ctx := min(c.Context, max((height-1)/2, 0))
	lo, hi := c.Offset+ctx, c.Offset+max(height-1, 0)-ctx
	if c.Offset == 0 {
		lo = 0
	}
	if c.Offset+height >= rows {
		hi = c.Offset + max(height-1, 0)
	}
	c.Pos = min(max(c.Pos, lo), hi)
	c.Clamp(rows, height)
}
