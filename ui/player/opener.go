package player

import (
	"context"
	"fmt"

	"tubenotes/model"
	"tubenotes/ui/open"
)

// Names of the players New makes.
const (
	NameMPV = "mpv"
	NameWeb = "web"
)

// New makes the player called name: "mpv", or "web" with its page opened
// by pages.
func New(name string, pages open.PageOpener) (Player, error) {
	switch name {
	case NameMPV:
		return NewMPV(MPVOptions{}), nil
	case NameWeb:
		if pages == nil {
			return nil, fmt.Errorf("the web player needs a browser to open its page")
		}
		return NewWeb(WebOptions{OpenPage: pages.OpenPage})
	}
	return nil, fmt.Errorf("no player called %q: give mpv or web", name)
}

// Opener lets a Player stand where the UI takes an open.Opener, so `o`
// reuses the one player: Open plays the watch URL's video at seconds.
type Opener struct {
	Player Player
}

// Open implements open.Opener. Play bounds itself, so the context has no
// deadline of its own.
func (o Opener) Open(link string, seconds int) error {
	id := videoIDOf(link)
	if id == "" || model.VideoURL(id, seconds) != link {
		return fmt.Errorf("refusing to play %q: not a video URL", link)
	}
	return o.Player.Play(context.Background(), id, seconds, "")
}
