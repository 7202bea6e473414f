package cache

import (
	"bytes"
	"encoding/gob"
	"io/fs"
	"testing"
	"time"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
)

// BenchmarkFormatHandWritten and BenchmarkFormatGob encode and decode the
// corpus's files (the notes and what they gave) with this package's layout
// and with encoding/gob, to weigh the choice: see the README.

func corpusFiles(b *testing.B) ([]loader.File, fs.FS) {
	b.Helper()
	fsys := loader.Dir(loadtest.CorpusDir(b))
	r, err := loader.Reload(fsys, loader.Options{}, func() map[string]loader.Known { return nil })
	if err != nil {
		b.Fatal(err)
	}
	return r.Files, fsys
}

// The hand-written layout is measured whole (compressed), and decoded
// both as a start does (texts left in the file) and with every text read.
func BenchmarkFormatHandWritten(b *testing.B) {
	files, fsys := corpusFiles(b)
	data := encodeBytes(contents{root: "/v", files: files})
	b.Run("encode", func(b *testing.B) {
		for range b.N {
			encode(contents{root: "/v", files: files})
		}
		b.ReportMetric(float64(len(data)), "zstd-bytes")
	})
	b.Run("decode", func(b *testing.B) {
		for range b.N {
			if _, _, err := decodeBytes(data, fsys); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("decode-all-texts", func(b *testing.B) {
		for range b.N {
			c, _, err := decodeBytes(data, fsys)
			if err != nil {
				b.Fatal(err)
			}
			for _, f := range c.files {
				if f.Note != nil {
					f.Note.Text()
				}
			}
		}
	})
}

func BenchmarkFormatGob(b *testing.B) {
	gob.Register(map[string]any{})
	gob.Register([]any{})
	gob.Register(time.Time{})
	files, _ := corpusFiles(b)
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(files); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.Run("encode", func(b *testing.B) {
		for range b.N {
			var buf bytes.Buffer
			if err := gob.NewEncoder(&buf).Encode(files); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(data)), "bytes")
	})
	b.Run("decode", func(b *testing.B) {
		for range b.N {
			var got []loader.File
			if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&got); err != nil {
				b.Fatal(err)
			}
		}
	})
	z, _ := compressBlob(data, blobFiles)
	b.ReportMetric(float64(len(z)), "zstd-bytes")
}
