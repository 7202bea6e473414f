package model_test

import (
	"strings"
	"testing"

	"tubenotes/model"
)

// BenchmarkLineTable works out the line table of a note of 1,000,000
// empty lines (its cost a line) and of a corpus-like note of 100-byte
// lines (its cost a byte).
func BenchmarkLineTable(b *testing.B) {
	for name, text := range map[string]string{
		"empty-lines": strings.Repeat("\n", 1_000_000),
		"prose":       strings.Repeat(strings.Repeat("word ", 20)+"\n\n", 5_000),
	} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for range b.N {
				n := (&model.Note{}).SetBody(text, nil)
				n.LineCount()
			}
		})
	}
}
