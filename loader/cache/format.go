package cache

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"runtime"
	"sync"
	"unsafe"

	"github.com/klauspost/compress/zstd"

	"tubenotes/loader"
)

// formatVersion is the version of the cache's layout: of this package's
// encoding and of the search index's (search.Index.AppendBinary). A cache
// of another version is ignored and rebuilt. Bump it on any change to
// either, or to what the loader makes of a file: TestFormatVersion holds a
// fingerprint of the layout to remind you.
const formatVersion = 4

// A cache file is:
//
//	magic    16 bytes
//	version  4 bytes, little endian
//	crc      4 bytes: CRC-32C of everything after it
//	header   root, timestamp mode, then per blob: its raw length, its
//	         stored length, and whether it is compressed
//	blobs    the chunks of files (appendFiles), then the index, if any
//
// Blobs are compressed apart (zstd) so that they are compressed and
// decompressed in parallel; a blob that would shrink less than it is worth
// is stored as it is.
const magic = "tubenotes cache\n"

// chunkBytes is about how much note text a chunk of files holds.
const chunkBytes = 4 << 20

// maxRatio is the most a stored blob may expand to: a bound on what a
// decoder allocates whatever the bytes. A blob that compresses better is
// stored with less compression (see compressBlob).
const maxRatio = 16

// maxBlob bounds one blob's raw size.
const maxBlob = 1 << 31

// zstdWindow is the compressor's window: it bounds the decompressor's
// memory too, and notes repeat themselves within far less.
const zstdWindow = 1 << 20

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// errVersion is a cache of another format version.
var errVersion = errors.New("made by another version")

// contents is what a cache file holds.
type contents struct {
	root  string
	mode  loader.TimestampMode
	files []loader.File
	index []byte // search.Index.AppendBinary, nil when the cache has none
}

type blobInfo struct {
	raw, stored int
	compressed  bool
}

// encode lays c out as a cache file, in parts to be written one after the
// other: the head (magic, version, CRC, header), then the stored blobs.
// Each chunk is laid out and compressed by one worker, which keeps only
// the compressed bytes, so that no more than one raw chunk a core is held
// at a time: the vault and its index are in memory already.
func encode(c contents) [][]byte {
	var ranges [][2]int // of c.files, a chunk each
	for start := 0; start < len(c.files); {
		end, size := start, 0
		for end < len(c.files) && (size < chunkBytes || end == start) {
			if n := c.files[end].Note; n != nil {
				size += len(n.Text())
			}
			end++
		}
		ranges = append(ranges, [2]int{start, end})
		start = end
	}
	nblobs := len(ranges)
	if c.index != nil {
		nblobs++
	}
	infos := make([]blobInfo, nblobs)
	stored := make([][]byte, nblobs)
	parallel(nblobs, func(i int) {
		raw := c.index
		if i < len(ranges) {
			w := writer{b: make([]byte, 0, chunkBytes+chunkBytes/4)}
			appendFiles(&w, c.files[ranges[i][0]:ranges[i][1]])
			raw = w.b
		}
		stored[i], infos[i].compressed = compressBlob(raw)
		infos[i].raw, infos[i].stored = len(raw), len(stored[i])
	})

	h := writer{b: []byte(magic)}
	h.b = binary.LittleEndian.AppendUint32(h.b, formatVersion)
	h.b = append(h.b, 0, 0, 0, 0) // the CRC, below
	h.str(c.root)
	h.uvarint(uint64(c.mode))
	h.uvarint(uint64(len(ranges)))
	h.bool(c.index != nil)
	for _, in := range infos {
		h.uvarint(uint64(in.raw))
		h.uvarint(uint64(in.stored))
		h.bool(in.compressed)
	}
	crc := crc32.Checksum(h.b[len(magic)+8:], castagnoli)
	for _, s := range stored {
		crc = crc32.Update(crc, castagnoli, s)
	}
	binary.LittleEndian.PutUint32(h.b[len(magic)+4:], crc)
	return append([][]byte{h.b}, stored...)
}

var (
	encoderOnce sync.Once
	encoder     *zstd.Encoder
)

// compressBlob compresses b, unless that saves too little to pay for the
// time it takes to decompress or would expand more than maxRatio on
// decoding. The level is zstd's "better" one: decoding costs the same at
// every level, and it takes 6% more off the notes than the default and
// 25% off the search index's postings, where the default takes 8%.
func compressBlob(b []byte) ([]byte, bool) {
	encoderOnce.Do(func() {
		encoder, _ = zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBetterCompression), zstd.WithEncoderConcurrency(1), zstd.WithEncoderCRC(false), zstd.WithWindowSize(zstdWindow))
	})
	z := encoder.EncodeAll(b, make([]byte, 0, len(b)/3+64))
	if len(z)*maxRatio < len(b) || len(z) > len(b)-len(b)/8 {
		return b, false
	}
	return z, true
}

// decode reads a cache file. Whatever the bytes, it returns an error or
// contents, allocating no more than a bounded multiple of len(data).
func decode(data []byte) (contents, error) {
	if len(data) < len(magic)+8 || string(data[:len(magic)]) != magic {
		return contents{}, errors.New("not a tubenotes cache")
	}
	if v := binary.LittleEndian.Uint32(data[len(magic):]); v != formatVersion {
		return contents{}, fmt.Errorf("%w (format %d, this is %d)", errVersion, v, formatVersion)
	}
	body := data[len(magic)+8:]
	if crc32.Checksum(body, castagnoli) != binary.LittleEndian.Uint32(data[len(magic)+4:]) {
		return contents{}, errors.New("damaged: checksum mismatch")
	}
	r := reader{s: string(body[:min(len(body), 1<<20)])} // the header is small
	c := contents{root: r.str(), mode: loader.TimestampMode(r.uvarint())}
	nchunks := r.count(3)
	hasIndex := r.bool()
	nblobs := nchunks
	if hasIndex {
		nblobs++
	}
	infos := make([]blobInfo, 0, nblobs)
	rest := len(body)
	for range nblobs {
		in := blobInfo{raw: int(r.uvarint()), stored: int(r.uvarint()), compressed: r.bool()}
		if r.err != nil || in.raw > maxBlob || in.stored > rest || in.raw > in.stored*maxRatio+64 || !in.compressed && in.raw != in.stored {
			return contents{}, errors.New("damaged: bad header")
		}
		rest -= in.stored
		infos = append(infos, in)
	}
	if r.err != nil {
		return contents{}, errors.New("damaged: bad header")
	}
	headerLen := min(len(body), 1<<20) - len(r.s)
	blobs := body[headerLen:]
	stored := make([][]byte, nblobs)
	for i, in := range infos {
		if in.stored > len(blobs) {
			return contents{}, errors.New("truncated")
		}
		stored[i], blobs = blobs[:in.stored], blobs[in.stored:]
	}
	if len(blobs) != 0 {
		return contents{}, errors.New("damaged: bytes after the end")
	}

	raws := make([][]byte, nblobs)
	errs := make([]error, nblobs)
	fileLists := make([][]loader.File, nchunks)
	parallel(nblobs, func(k int) {
		// The index first: the largest blob, so that it does not finish
		// last on one core while the other waits.
		i := (k + nblobs - 1) % nblobs
		raws[i], errs[i] = decompressBlob(stored[i], infos[i])
		if errs[i] != nil || i >= nchunks {
			return
		}
		// The chunk's bytes are never written again, so its notes' strings
		// can share them instead of being copied out.
		fileLists[i], errs[i] = readFiles(&reader{s: unsafe.String(unsafe.SliceData(raws[i]), len(raws[i]))})
		for _, f := range fileLists[i] {
			if errs[i] == nil && f.Note != nil {
				errs[i] = checkNote(f.Note)
			}
		}
	})
	for _, err := range errs {
		if err != nil {
			return contents{}, fmt.Errorf("damaged: %w", err)
		}
	}
	n := 0
	for _, l := range fileLists {
		n += len(l)
	}
	c.files = make([]loader.File, 0, n)
	for _, l := range fileLists {
		c.files = append(c.files, l...)
	}
	if hasIndex {
		c.index = raws[nblobs-1]
	}
	return c, nil
}

// decompressBlob gives back a blob's raw bytes, exactly in.raw of them.
func decompressBlob(b []byte, in blobInfo) ([]byte, error) {
	if !in.compressed {
		// A copy, so that what is kept of the blob does not hold the
		// whole file's buffer in memory.
		return bytes.Clone(b), nil
	}
	d, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(max(uint64(in.raw)+1, zstdWindow)), zstd.WithDecoderMaxWindow(zstdWindow))
	if err != nil {
		return nil, err
	}
	defer d.Close()
	out, err := d.DecodeAll(b, make([]byte, 0, in.raw))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errCorrupt, err)
	}
	if len(out) != in.raw {
		return nil, errCorrupt
	}
	return out, nil
}

// parallel runs do(0..n-1) on every core.
func parallel(n int, do func(i int)) {
	workers := min(n, runtime.GOMAXPROCS(0))
	next := make(chan int, n)
	for i := range n {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				do(i)
			}
		})
	}
	wg.Wait()
}
