package cache

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"sync"

	"github.com/klauspost/compress/s2"
	"github.com/klauspost/compress/zstd"

	"tubenotes/loader"
	"tubenotes/model"
	"tubenotes/model/cores"
)

// formatVersion is the version of the cache's layout: of this package's
// encoding and of the search index's (search.Index.AppendBinary). A cache
// of another version is ignored and rebuilt. Bump it on any change to
// either, or to what the loader makes of a file: TestFormatVersion holds a
// fingerprint of the layout to remind you.
const formatVersion = 10

// A cache file is:
//
//	magic       16 bytes
//	version     4 bytes, little endian
//	header size 4 bytes, little endian
//	header CRC  4 bytes: CRC-32C of the header
//	header      root, timestamp mode, then the blob table: per blob its
//	            kind, raw length, stored length, how it is stored (raw,
//	            zstd or S2) and the CRC-32C of its stored bytes
//	blobs       one after the other, in the table's order
//
// The blobs are: the files (path, stamp, problems: what a start checks
// against the folder), the notes' fields in chunks, the notes' spans in
// small blocks, the search index's head (its notes and terms) and its
// postings in blocks. The notes' texts are not kept: each is its file's
// (see textSource), and the vault is not copied. Each blob is compressed
// (zstd; S2 for the notes' fields) and checked on its own, so that a
// start reads and checks only what it uses: every file's stamp, every
// note's fields and the index's head, but a note's spans and text only
// when something asks for them (model.Note.SetLazyBody) and a term's
// postings only when a search does (search.Open); and so that blobs are
// compressed and decompressed on every core.
const magic = "tubenotes cache\n"

// prefixLen is the magic, the version, the header's size and its CRC.
const prefixLen = 16 + 12

// The kinds of blob.
const (
	blobFiles = iota + 1
	blobNotes
	blobSpans
	blobIndexHead
	blobPostings
)

// maxRatio is the most a stored blob may expand to: a bound on what a
// decoder allocates whatever the bytes (FuzzDecode holds it to 512×). A
// blob that compresses better is stored as it is (see compressBlob); but
// a block of spans no larger than smallBlob may expand as far as it does
// (expands: it is read alone, when a note is opened, and bounded by
// smallBlob): a note of one timestamp repeated has spans that compress
// that well.
const maxRatio = 16

// expands reports whether blob in may expand past maxRatio.
func expands(kind byte, raw int) bool { return kind == blobSpans && raw <= smallBlob }

// maxBlob bounds one blob's raw size.
const maxBlob = 1<<31 - 1 // an int on every platform

// maxHeader bounds the header: a blob table entry takes a few bytes, and
// a vault of a million notes has some tens of thousands of blobs.
const maxHeader = 16 << 20

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
	// The search index (search.Index.AppendParts): its head, nil when the
	// cache has none, and its postings in blocks. Decoding gives the head
	// and a reader of the blocks, read when a search needs them.
	indexHead   []byte
	indexBlocks [][]byte
	fetch       func(block int) ([]byte, error)
	// known is what the cache file read recorded of the text of a note it
	// gave, so that the next one is written without reading the note's
	// file; nil when the contents were not read from a file.
	known func(n *model.Note) (noteText, bool)
}

type blobInfo struct {
	kind        byte
	raw, stored int
	how         byte // storedRaw, storedZstd or storedS2
	crc         uint32
	at          int64 // where the stored bytes start in the file
}

// encode lays c out as a cache file, in parts to be written one after the
// other: the head (prefix and header), then the stored blobs. Each blob is
// laid out and compressed by one worker, which keeps only the compressed
// bytes: the vault and its index are in memory already.
func encode(c contents) [][]byte {
	plan := planBlobs(c)
	infos := make([]blobInfo, len(plan))
	stored := make([][]byte, len(plan))
	cores.Each(len(plan), func(i int) {
		raw := plan[i].lay()
		stored[i], infos[i].how = compressBlob(raw, plan[i].kind)
		infos[i].kind, infos[i].raw, infos[i].stored = plan[i].kind, len(raw), len(stored[i])
		infos[i].crc = crc32.Checksum(stored[i], castagnoli)
	})

	var h writer
	h.str(c.root)
	h.uvarint(uint64(c.mode))
	h.uvarint(uint64(len(infos)))
	for _, in := range infos {
		h.b = append(h.b, in.kind)
		h.uvarint(uint64(in.raw))
		h.uvarint(uint64(in.stored))
		h.b = append(h.b, in.how)
		h.b = binary.LittleEndian.AppendUint32(h.b, in.crc)
	}
	head := []byte(magic)
	head = binary.LittleEndian.AppendUint32(head, formatVersion)
	head = binary.LittleEndian.AppendUint32(head, uint32(len(h.b)))
	head = binary.LittleEndian.AppendUint32(head, crc32.Checksum(h.b, castagnoli))
	return append([][]byte{append(head, h.b...)}, stored...)
}

// How a blob is stored.
const (
	storedRaw  = 0
	storedZstd = 1
	storedS2   = 2
)

// planned is a blob to be laid out.
type planned struct {
	kind byte
	lay  func() []byte
}

// planBlobs cuts c into blobs: the files, the notes' fields and their
// spans (see entry.go), then the index.
func planBlobs(c contents) []planned {
	plan := []planned{{kind: blobFiles, lay: func() []byte { return appendFileList(nil, c.files) }}}
	notes := notesOf(c.files)
	texts := make([]noteText, len(notes))
	cores.Each(len(notes), func(i int) {
		if c.known != nil {
			if t, ok := c.known(notes[i]); ok {
				texts[i] = t
				return
			}
		}
		texts[i] = textOf(notes[i].Peek())
	})
	spans := spanBlocks(texts)
	for _, r := range noteChunks(len(notes)) {
		plan = append(plan, planned{kind: blobNotes, lay: func() []byte {
			return appendNoteChunk(nil, notes[r[0]:r[1]], texts[r[0]:r[1]], spans, r[0])
		}})
	}
	for _, b := range spans.blocks {
		plan = append(plan, planned{kind: blobSpans, lay: func() []byte { return appendSpanBlock(nil, texts[b[0]:b[1]]) }})
	}
	if c.indexHead != nil {
		plan = append(plan, planned{kind: blobIndexHead, lay: func() []byte { return c.indexHead }})
		for _, b := range c.indexBlocks {
			plan = append(plan, planned{kind: blobPostings, lay: func() []byte { return b }})
		}
	}
	return plan
}

// encoders compress blobs, one a worker.
var encoders = sync.Pool{New: func() any { return newEncoder() }}

// compressBlob compresses b, a blob of kind, and says how it is stored:
// not compressed when that saves too little to pay for the time it takes
// to decompress, or would expand more than maxRatio on decoding (but see
// expands). The notes' fields are compressed with S2, which decodes them
// about 2.5 times as fast as zstd (every start decodes them all, and a
// search the chunk of each hit) for 40% more bytes, a few percent of a
// cache. The rest is zstd at its default level: "better" makes a cache
// 17% smaller (20,000 generated notes: 0.40 of their bytes against 0.45)
// but costs 1.6 times the CPU of the whole save that follows a change
// (4.6 against 2.9 CPU-s), which every edit pays.
func compressBlob(b []byte, kind byte) ([]byte, byte) {
	var z []byte
	var how byte = storedZstd
	if kind == blobNotes {
		z, how = s2.Encode(nil, b), storedS2
	} else {
		enc := encoders.Get().(*zstd.Encoder)
		z = enc.EncodeAll(b, make([]byte, 0, len(b)/3+64))
		encoders.Put(enc)
	}
	if len(z)*maxRatio < len(b) && !expands(kind, len(b)) || len(z) > len(b)-len(b)/8 {
		return b, storedRaw
	}
	return z, how
}

// decodeS2 decompresses b into exactly raw bytes, or fails: it allocates
// raw bytes, whatever b says of its length.
func decodeS2(b []byte, raw int) ([]byte, error) {
	if n, err := s2.DecodedLen(b); err != nil || n != raw {
		return nil, errors.New("damaged: does not decompress")
	}
	out, err := s2.Decode(make([]byte, raw), b)
	if err != nil || len(out) != raw {
		return nil, errors.New("damaged: does not decompress")
	}
	return out, nil
}

// newEncoder makes a compressor: the default level, no checksum (each blob
// has one). Each encoder is used by one worker at a time: one encoder
// serving several at once (zstd.WithEncoderConcurrency) serialises them.
func newEncoder() *zstd.Encoder {
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedDefault), zstd.WithEncoderConcurrency(1), zstd.WithEncoderCRC(false), zstd.WithWindowSize(zstdWindow))
	if err != nil {
		panic(err) // only for options that are not valid
	}
	return enc
}

// header is a cache file's header, read and checked.
type header struct {
	root  string
	mode  loader.TimestampMode
	blobs []blobInfo
}

// readHeader reads and checks the header of the cache file f of size
// bytes. Whatever the bytes, it allocates no more than a bounded multiple
// of the header's size.
func readHeader(f io.ReaderAt, size int64) (header, error) {
	prefix := make([]byte, prefixLen)
	if _, err := f.ReadAt(prefix, 0); err != nil || string(prefix[:len(magic)]) != magic {
		return header{}, errors.New("not a tubenotes cache")
	}
	if v := binary.LittleEndian.Uint32(prefix[len(magic):]); v != formatVersion {
		return header{}, fmt.Errorf("%w (format %d, this is %d)", errVersion, v, formatVersion)
	}
	n := int64(binary.LittleEndian.Uint32(prefix[len(magic)+4:]))
	if n > maxHeader || prefixLen+n > size {
		return header{}, errors.New("truncated")
	}
	hb := make([]byte, n)
	if _, err := f.ReadAt(hb, prefixLen); err != nil {
		return header{}, errors.New("truncated")
	}
	if crc32.Checksum(hb, castagnoli) != binary.LittleEndian.Uint32(prefix[len(magic)+8:]) {
		return header{}, errors.New("damaged: header checksum mismatch")
	}
	r := reader{s: string(hb)}
	h := header{root: r.str(), mode: loader.TimestampMode(r.uvarint())}
	h.blobs = make([]blobInfo, r.count(8)) // kind, 2 lengths, flag, CRC
	at := prefixLen + n
	for i := range h.blobs {
		in := blobInfo{kind: r.byte(), raw: int(r.uvarint()), stored: int(r.uvarint()), at: at}
		in.how, in.crc = r.byte(), r.uint32()
		if r.err != nil || in.how > storedS2 || in.kind < blobFiles || in.kind > blobPostings || in.raw > maxBlob ||
			in.raw > in.stored*maxRatio+64 && !expands(in.kind, in.raw) || in.how == storedRaw && in.raw != in.stored {
			return header{}, errors.New("damaged: bad header")
		}
		if int64(in.stored) > size-at {
			return header{}, errors.New("truncated")
		}
		at += int64(in.stored)
		h.blobs[i] = in
	}
	switch {
	case r.err != nil || r.s != "":
		return header{}, errors.New("damaged: bad header")
	case at < size:
		return header{}, errors.New("damaged: bytes after the end")
	}
	return h, nil
}

// readBlob reads blob in of f, checks it and gives back its raw bytes.
func readBlob(f io.ReaderAt, in blobInfo) ([]byte, error) {
	b := make([]byte, in.stored)
	if _, err := f.ReadAt(b, in.at); err != nil {
		return nil, fmt.Errorf("unreadable: %w", err)
	}
	if crc32.Checksum(b, castagnoli) != in.crc {
		return nil, errors.New("damaged: checksum mismatch")
	}
	switch in.how {
	case storedS2:
		return decodeS2(b, in.raw)
	case storedZstd:
		return decompressBlob(b, in)
	}
	return b, nil
}

// smallBlob is the most a pooled decoder decompresses: text blocks and
// note chunks are far smaller, and a start or a search reads many of them.
const smallBlob = 4 << 20

var smallDecoders = sync.Pool{New: func() any { return newDecoder(smallBlob) }}

// newDecoder makes a decoder that refuses to make more than most bytes,
// whatever a forged frame says of its size.
func newDecoder(most int) *zstd.Decoder {
	d, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(uint64(max(most+1, zstdWindow))), zstd.WithDecoderMaxWindow(zstdWindow))
	if err != nil {
		panic(err) // only for options that are not valid
	}
	return d
}

// decompressBlob gives back a blob's raw bytes, exactly in.raw of them.
func decompressBlob(b []byte, in blobInfo) ([]byte, error) {
	var d *zstd.Decoder
	if in.raw <= smallBlob {
		d = smallDecoders.Get().(*zstd.Decoder)
		defer smallDecoders.Put(d)
	} else {
		d = newDecoder(in.raw)
		defer d.Close()
	}
	return decodeExactly(d, b, in.raw)
}

// decodeExactly decompresses b with d into exactly raw bytes, or fails.
func decodeExactly(d *zstd.Decoder, b []byte, raw int) ([]byte, error) {
	out, err := d.DecodeAll(b, make([]byte, 0, raw))
	if err != nil || len(out) != raw {
		return nil, errors.New("damaged: does not decompress")
	}
	return out, nil
}
