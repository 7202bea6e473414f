package common

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Cursor is the selected row of a list pane and the first row of its window.
type Cursor struct {
	Pos, Offset int
}

// Clamp keeps Pos on one of rows and the window of height rows around it.
func (c *Cursor) Clamp(rows, height int) {
	c.Pos = min(max(c.Pos, 0), max(rows-1, 0))
	if c.Pos < c.Offset {
		c.Offset = c.Pos
	}
	if height > 0 && c.Pos >= c.Offset+height {
		c.Offset = c.Pos - height + 1
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
	c.Pos = min(max(c.Pos, c.Offset), c.Offset+max(height-1, 0))
	c.Clamp(rows, height)
}
