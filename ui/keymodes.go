package ui

import "slices"

// keyGroups are the actions (the key map's fields in snake case, as the
// config file's [keys] names them) that read keys at the same time: one
// group for each mode, and in browse mode one for each focused pane with
// the keys every pane shares. Two actions of one group cannot share a key.
var keyGroups = func() [][]string {
	moves := []string{"up", "down", "top", "bottom", "page_up", "page_down", "half_up", "half_down"}
	shared := []string{"next_pane", "prev_pane", "sidebar", "help", "quit", "force_quit", "back", "forward",
		"search", "edit", "reload", "theme", "bookmark", "bookmarks", "play_pause", "seek_back", "seek_forward", "follow", "capture"}
	browse := func(pane ...string) []string { return slices.Concat(shared, moves, pane) }
	query := func(accept string) []string {
		return []string{accept, "query_clear", "choose_up", "choose_down", "recall", "force_quit"}
	}
	return [][]string{
		browse("filter", "enter", "clear", "fold", "unfold", "fold_all", "unfold_all", // the notes
			"next_channel", "prev_channel", "timeline"),
		browse("enter", "open_video", "copy_url"), // the sections
		browse("enter", "clear", "open_video", "copy_url", "find", "find_next", "find_prev", // the reader
			"next_timestamp", "prev_timestamp", "next_link", "prev_link", "timeline"),
		browse("enter", "open_video"), // the links into the note
		slices.Concat(moves, []string{"enter", "clear", "open_video", "copy_url", "rows_filter", "timeline_close", // the timeline
			"help", "quit", "force_quit", "play_pause", "seek_back", "seek_forward", "follow", "capture"}),
		{"close_help", "quit", "force_quit"}, // help
		query("filter_accept"),               // the notes filter
		query("find_accept"),                 // find in note, the timeline's rows filter
		slices.Concat(query("search_accept"), moves, []string{"search_play", "search_close"}), // search
		{"bookmark_save", "query_clear", "force_quit"},                                        // a bookmark's name typed
		slices.Concat(moves, []string{"bookmark_jump", "bookmark_play", "bookmark_rename", "bookmark_delete", // the bookmarks
			"bookmarks_close", "help", "quit", "force_quit"}),
		{"theme_accept", "theme_cancel", "choose_up", "choose_down", "up", "down", "force_quit"}, // the theme picker
	}
}()

// SameMode reports whether actions a and b can be pressed in the same
// mode, so a key may not be bound to both: the check Config.Keymap makes
// of the config file's [keys].
func SameMode(a, b string) bool {
	for _, g := range keyGroups {
		if slices.Contains(g, a) && slices.Contains(g, b) {
			return true
		}
	}
	return false
}
