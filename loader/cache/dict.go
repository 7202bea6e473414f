package cache

import (
	"errors"
	"sync"

	"github.com/klauspost/compress/dict"
	"github.com/klauspost/compress/zstd"

	"tubenotes/model"
)

// A note's text is compressed in a block of its own size class (64 KiB),
// so that reading one costs little; alone, such a block compresses far
// worse than a vault's worth of text (the corpus: 0.42 of its bytes
// against 0.33 in 4 MiB chunks). A zstd dictionary trained on samples of
// the vault's notes, stored once in the cache, gives the small blocks
// what the large chunks had (0.31), and the notes' fields the same.

// dictSamples and dictSampleBytes bound what the dictionary is trained
// on: a few dozen notes' beginnings train it in about half a second, and
// more samples gain little (the corpus: 0.307 with 64, 0.304 with 128).
const (
	dictSamples     = 64
	dictSampleBytes = 8 << 10
	dictBytes       = 64 << 10
	// maxDict bounds a dictionary read from a cache.
	maxDict = 1 << 20
)

// trainDict makes a dictionary from notes spread over the vault, nil when
// there are too few to train on (a tiny vault compresses well enough).
func trainDict(bodies []model.Body) (d []byte) {
	if len(bodies) < dictSamples {
		return nil
	}
	defer func() {
		if recover() != nil { // the notes are anyone's text: a trainer's fault costs the dictionary, nothing else
			d = nil
		}
	}()
	samples := make([][]byte, 0, dictSamples)
	for i := range dictSamples {
		t := bodies[i*len(bodies)/dictSamples].Text
		samples = append(samples, []byte(t[:min(len(t), dictSampleBytes)]))
	}
	d, err := dict.BuildZstdDict(samples, dict.Options{MaxDictSize: dictBytes, HashBytes: 6, ZstdDictID: 1})
	if err != nil || len(d) > maxDict {
		return nil
	}
	return d
}

// dictCodec compresses and decompresses blobs with one dictionary.
type dictCodec struct {
	dict     []byte
	encoders sync.Pool
	decoders sync.Pool
}

func newDictCodec(d []byte) *dictCodec {
	c := &dictCodec{dict: d}
	c.encoders.New = func() any { return newEncoder(zstd.WithEncoderDict(d)) }
	c.decoders.New = func() any {
		dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(smallBlob+1), zstd.WithDecoderMaxWindow(zstdWindow), zstd.WithDecoderDicts(d))
		if err != nil {
			return err
		}
		return dec
	}
	return c
}

func (c *dictCodec) compress(b []byte) []byte {
	enc := c.encoders.Get().(*zstd.Encoder)
	defer c.encoders.Put(enc)
	return enc.EncodeAll(b, make([]byte, 0, len(b)/3+64))
}

// decompress gives back exactly raw bytes from b, a blob compressed with
// the dictionary; blobs so compressed are never larger than smallBlob.
func (c *dictCodec) decompress(b []byte, raw int) ([]byte, error) {
	if raw > smallBlob {
		return nil, errors.New("damaged: a blob too large for its dictionary")
	}
	got := c.decoders.Get()
	dec, ok := got.(*zstd.Decoder)
	if !ok {
		return nil, errors.New("damaged: its dictionary is not one")
	}
	defer c.decoders.Put(dec)
	return decodeExactly(dec, b, raw)
}
