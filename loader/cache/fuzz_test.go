package cache

import (
	"encoding/binary"
	"hash/crc32"
	"runtime"
	"testing"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
	"tubenotes/model"
	"tubenotes/model/search"
)

// FuzzDecode feeds the cache decoder any bytes, seeded with real caches,
// whole and cut: it must return an error or contents, never panic, and
// allocate no more than a bounded multiple of the bytes, and of the note
// files it reads. Decoded contents are put through the index decoder as a
// load would.
func FuzzDecode(f *testing.F) {
	r, err := loader.Reload(testVaultFS(), loader.Options{}, func() map[string]loader.Known { return nil })
	if err != nil {
		f.Fatal(err)
	}
	head, blocks := search.Build(r.Vault.Notes).AppendParts(256) // small blocks, so that there are several
	good := encodeBytes(contents{root: "/vault", files: r.Files, indexHead: head, indexBlocks: blocks})
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add(encodeBytes(contents{root: "/vault"}))
	// notes enough for two chunks of fields (notesPerChunk)
	gen, err := loader.Reload(loadtest.Generate(notesPerChunk+6, 1), loader.Options{}, func() map[string]loader.Known { return nil })
	if err != nil {
		f.Fatal(err)
	}
	f.Add(encodeBytes(contents{root: "/vault", files: gen.Files}))
	vault := textsOf(append(r.Files, gen.Files...))
	largest := 0
	for _, file := range vault {
		largest = max(largest, len(file.Data))
	}
	query, err := search.Parse("demo interest")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fixChecksums(data) // right checksums, to get past them
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		c, _, err := decodeBytes(data, vault)
		read := 0
		if err == nil {
			var notes []*model.Note
			for _, f := range c.files {
				if f.Note != nil {
					notes = append(notes, f.Note)
					f.Note.Text() // read and checked, or refused
					read++
				}
			}
			if c.indexHead != nil {
				if ix, err := search.Open(c.indexHead, notes, c.fetch); err == nil {
					ix.Search(query)
				}
			}
		}
		runtime.ReadMemStats(&after)
		// zstd's decoder state and a window are the fixed part, and the
		// blocks of spans kept decompressed (each at most smallBlob,
		// whatever it expands from: see expands); and each note's text
		// costs at most its file read and parsed again.
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 512*uint64(len(data))+16*zstdWindow+recentBlocks*smallBlob+uint64(read*16*largest) {
			t.Errorf("decoding %d bytes allocated %d", len(data), grew)
		}
	})
}

// fixChecksums sets the checksums of a cache file's header and of each
// blob the header names to those of the bytes there, as far as the header
// can be read.
func fixChecksums(data []byte) {
	if len(data) < prefixLen || string(data[:len(magic)]) != magic {
		return
	}
	n := int(binary.LittleEndian.Uint32(data[len(magic)+4:]))
	if n > len(data)-prefixLen {
		return
	}
	hb := data[prefixLen : prefixLen+n]
	r := reader{s: string(hb)}
	r.str()
	r.uvarint()
	count := r.uvarint()
	at := prefixLen + n
	for i := uint64(0); i < count && r.err == nil; i++ {
		r.byte()
		r.uvarint()
		stored := int(r.uvarint())
		r.bool()
		pos := n - len(r.s)
		r.uint32()
		if r.err != nil || stored < 0 || stored > len(data)-at {
			break
		}
		binary.LittleEndian.PutUint32(hb[pos:], crc32.Checksum(data[at:at+stored], castagnoli))
		at += stored
	}
	binary.LittleEndian.PutUint32(data[len(magic)+8:], crc32.Checksum(hb, castagnoli))
}
