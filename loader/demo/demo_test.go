package demo

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"tubenotes/loader"
)

func TestDemoVault(t *testing.T) {
	v, err := loader.Load(FS(), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Notes) != 8 || len(v.Channels) != 2 {
		t.Errorf("%d notes in %d channels, want 8 in 2", len(v.Notes), len(v.Channels))
	}
	for _, p := range v.Problems {
		t.Errorf("problem: %s", p)
	}
	var valid, invalid, dangling, resolved, sections int
	for _, n := range v.Notes {
		sections += len(n.Sections)
		for _, ts := range n.Timestamps {
			if ts.Valid {
				valid++
			} else {
				invalid++
			}
		}
		for _, l := range n.Links {
			if l.Dangling() {
				dangling++
			} else {
				resolved++
			}
		}
	}
	if valid == 0 || invalid != 1 || dangling != 1 || resolved == 0 || sections == 0 {
		t.Errorf("valid %d, invalid %d timestamps; %d dangling, %d resolved links; %d sections", valid, invalid, dangling, resolved, sections)
	}
	if vid := v.Video("LKlE93-SDpc"); vid == nil || vid.Title == "" || len(vid.Notes) != 2 {
		t.Errorf("the seed's video is not titled from the channel page with both its notes: %+v", vid)
	}
}

func TestSeedNoteIsTheSharedSeed(t *testing.T) {
	seed := filepath.Join("..", "..", "..", "shared", "seeds", "000_ba0ac51fdd69bf60.md")
	want, err := os.ReadFile(seed)
	if err != nil {
		t.Skipf("shared seed not found at %s", seed)
	}
	got, err := fs.ReadFile(FS(), "bankless/importance_of_gpus_for_deep_learning.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Error("the demo's copy of the seed note differs from ../shared/seeds")
	}
}
