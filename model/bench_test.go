package model_test

import (
	"testing"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
	"tubenotes/model"
)

// BenchmarkNewVault20k indexes and resolves the notes of a generated vault
// of 20,000 notes (~200,000 links): the part of a load after parsing.
func BenchmarkNewVault20k(b *testing.B) {
	v, err := loader.Load(loadtest.Generate(20_000, 1), loader.Options{})
	if err != nil {
		b.Fatal(err)
	}
	notes := v.Notes
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		model.NewVault(notes, nil, nil)
	}
}

// BenchmarkResolve20k resolves every link of a generated vault of 20,000
// notes on one goroutine, as a loader's worker does for its notes.
func BenchmarkResolve20k(b *testing.B) {
	v, err := loader.Load(loadtest.Generate(20_000, 1), loader.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, n := range v.Notes {
			for _, l := range n.Links {
				v.Resolve(n.Path, l.Target)
			}
		}
	}
}
