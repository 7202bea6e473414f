package player

import (
	"context"
	"testing"
	"time"
)

// BenchmarkMPVPlay is one `o` on a running mpv (the fake, over a real unix
// socket) until mpv has answered: seek or loadfile, unpause, show-text.
// The goal is under 100 ms.
func BenchmarkMPVPlay(b *testing.B) {
	for _, bc := range []struct {
		name   string
		videos []string
	}{{"seek", []string{videoA}}, {"load", []string{videoA, videoB}}} {
		b.Run(bc.name, func(b *testing.B) {
			f := newFakeMPV(b, "mpv 0.38.0")
			m := NewMPV(MPVOptions{Start: f.start, Getenv: func(string) string { return "" }, Timeout: time.Second})
			defer m.Close()
			ctx := context.Background()
			if err := m.Play(ctx, videoA, 1, "Intro"); err != nil {
				b.Fatal(err)
			}
			for i := 0; b.Loop(); i++ {
				if err := m.Play(ctx, bc.videos[i%len(bc.videos)], i%600, "Section title"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWebPlay is one `o` with the page open until the page's event
// stream has delivered the command. The goal is under 100 ms.
func BenchmarkWebPlay(b *testing.B) {
	w, _ := newTestWeb(b, WebOptions{})
	page := connectEvents(b, w)
	defer page.body.Close()
	ctx := context.Background()
	for i := 0; b.Loop(); i++ {
		if err := w.Play(ctx, videoA, i%600, "Section title"); err != nil {
			b.Fatal(err)
		}
		page.next()
	}
}
