package common

import "tubenotes/model"

// Action is what a pane asks of the root: a closed set (the types below),
// so the root's one switch over them is complete and a pane cannot ask for
// something nobody handles.
type Action interface{ action() }

// OpenNote asks for a note to be opened in the reader.
type OpenNote struct {
	Note        *model.Note
	FocusReader bool
}

// ScrollToSection asks the reader to scroll to a section of the open note.
type ScrollToSection struct{ Index int }

// OpenVideo asks for the note's video to be opened at one of its
// timestamps. The URL is always built from the note (model.Note.TimestampURL),
// never carried here.
type OpenVideo struct {
	Note *model.Note
	// Timestamp is an index into Note.Timestamps, usually a moment
	// (model.Note.Moment); -1 is no moment, which the root says on the
	// status line instead of opening the video at 0 s.
	Timestamp int
	Copy      bool // copy the URL instead of opening it
	// Video, when not "", is the id of a video the note links to (a
	// channel page's video heading, model.YouTubeID of its link), opened
	// at its start instead of the note's own.
	Video string
}

// OpenLink asks for the web page of a markdown link of the note; the URL
// is read from the note (model.Note.WebLinkTarget) and checked there.
type OpenLink struct {
	Note  *model.Note
	Index int // counts the note's markdown links
}

// IndexDamaged tells that the search index could not read part of itself
// (a damaged cache): it must be built again.
type IndexDamaged struct{}

// FollowLink asks for the note a link of the open note points at.
type FollowLink struct {
	Note  *model.Note
	Index int // into Note.Links
}

// OpenHit asks to leave the search view for the note of a hit, scrolled to
// source line Line, with FindTerms (the query's words and phrases)
// highlighted so n/N step through them; Query is the query as typed.
type OpenHit struct {
	Note      *model.Note
	Line      int
	Query     string
	FindTerms []string
}

// OpenLine asks to open a note scrolled to source line Line, with its
// timestamp Timestamp selected (-1: none), so o right after plays that
// moment: a timeline row or a link into the open note.
type OpenLine struct {
	Note      *model.Note
	Line      int
	Timestamp int
}

// ShowTimeline asks for the timeline of the video Note was made from, the
// cursor on timestamp Timestamp of Note when it is one of its rows (-1:
// the note's first row).
type ShowTimeline struct {
	Note      *model.Note
	Timestamp int
}

// CloseTimeline asks to leave the timeline for the panes.
type CloseTimeline struct{}

// StartFilter asks for the notes filter to take the keyboard.
type StartFilter struct{}

// StartFind asks for the find-in-note query to take the keyboard.
type StartFind struct{}

// CloseSearch asks to leave the search view.
type CloseSearch struct{}

func (OpenNote) action()        {}
func (ScrollToSection) action() {}
func (OpenVideo) action()       {}
func (FollowLink) action()      {}
func (OpenLink) action()        {}
func (OpenHit) action()         {}
func (OpenLine) action()        {}
func (ShowTimeline) action()    {}
func (CloseTimeline) action()   {}
func (StartFilter) action()     {}
func (StartFind) action()       {}
func (CloseSearch) action()     {}
func (IndexDamaged) action()    {}

// Actions is the queue a pane keeps of what it asked for. The root takes
// them straight after the pane's Update, so they act before the next key
// does; a command would let fast typing overtake them.
type Actions struct{ list []Action }

// Add queues an action.
func (q *Actions) Add(a Action) { q.list = append(q.list, a) }

// Take returns the queued actions and forgets them.
func (q *Actions) Take() []Action {
	out := q.list
	q.list = nil
	return out
}
