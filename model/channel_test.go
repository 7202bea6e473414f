package model_test

import (
	"os"
	"testing"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
	"tubenotes/model"
)

// checkNotesUnderOwnChannel fails for every note listed under a video of
// a channel other than its own: the tree shows it there, export says
// otherwise.
func checkNotesUnderOwnChannel(t *testing.T, v *model.Vault) {
	t.Helper()
	for _, c := range v.Channels {
		for _, vid := range c.Videos {
			if vid.Channel != c.Name {
				t.Errorf("video %s in channel %s says channel %s", vid.ID, c.Name, vid.Channel)
			}
			for _, n := range vid.Notes {
				if n.Channel != c.Name {
					t.Errorf("%s (channel %s) listed under %s's video %s", n.Path, n.Channel, c.Name, vid.ID)
				}
			}
		}
	}
}

// A note of beta whose video alpha's page lists sits under beta, in a
// video of beta's titled from alpha's page.
func TestNoteUnderItsOwnChannel(t *testing.T) {
	v, err := loader.Load(os.DirFS("testdata/crosschannel"), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkNotesUnderOwnChannel(t, v)
	x := v.Note("beta/x.md")
	if x == nil || x.Channel != "beta" {
		t.Fatalf("beta/x.md: %+v", x)
	}
	vid := v.VideoOf(x)
	if vid == nil || vid.Channel != "beta" || vid.ID != "abcdefghijk" || vid.Title != "The shared video" {
		t.Fatalf("VideoOf(beta/x.md) = %+v", vid)
	}
	beta := v.Channel("beta")
	if len(beta.Videos) != 1 || beta.Videos[0] != vid || len(vid.Notes) != 1 || vid.Notes[0] != x {
		t.Errorf("beta's videos %+v", beta.Videos)
	}
	alpha := v.Channel("alpha")
	if len(alpha.Videos) != 1 || len(alpha.Videos[0].Notes) != 1 || alpha.Videos[0].Notes[0].Path != "alpha/a_note.md" {
		t.Errorf("alpha's videos %+v", alpha.Videos[0])
	}
	if got := v.NotesOfVideo("abcdefghijk"); len(got) != 2 || got[0].Path != "alpha/a_note.md" || got[1] != x {
		t.Errorf("NotesOfVideo: %v", got)
	}
	if v.Video("abcdefghijk") != alpha.Videos[0] {
		t.Errorf("Video(id) is not the listing page's")
	}
}

func TestCorpusNotesUnderOwnChannel(t *testing.T) {
	v, err := loader.Load(os.DirFS(loadtest.CorpusDir(t)), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkNotesUnderOwnChannel(t, v)
}
