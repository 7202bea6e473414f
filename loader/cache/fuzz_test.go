package cache

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"runtime"
	"testing"

	"tubenotes/loader"
	"tubenotes/model"
	"tubenotes/model/search"
)

// FuzzDecode feeds the cache decoder any bytes, seeded with real caches,
// whole and cut: it must return an error or contents, never panic, and
// allocate no more than a bounded multiple of the bytes. Decoded contents
// are put through the index decoder as a load would.
func FuzzDecode(f *testing.F) {
	r, err := loader.Reload(testVaultFS(), loader.Options{}, func() map[string]loader.Known { return nil })
	if err != nil {
		f.Fatal(err)
	}
	good := bytes.Join(encode(contents{root: "/vault", files: r.Files, index: search.Build(r.Vault.Notes).AppendBinary(nil)}), nil)
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add(bytes.Join(encode(contents{root: "/vault"}), nil))
	query, err := search.Parse("demo interest")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) >= len(magic)+8 { // a right checksum, to get past it
			binary.LittleEndian.PutUint32(data[len(magic)+4:], crc32.Checksum(data[len(magic)+8:], castagnoli))
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		c, err := decode(data)
		if err == nil {
			var notes []*model.Note
			for _, f := range c.files {
				if f.Note != nil {
					notes = append(notes, f.Note)
				}
			}
			if c.index != nil {
				if ix, err := search.UnmarshalIndex(string(c.index), notes); err == nil {
					ix.Search(query)
				}
			}
		}
		runtime.ReadMemStats(&after)
		// zstd's decoder state and a window are the fixed part.
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 512*uint64(len(data))+16*zstdWindow {
			t.Errorf("decoding %d bytes allocated %d", len(data), grew)
		}
	})
}
