package search

import (
	"testing"

	"tubenotes/model/fold"
)

// wordBytes marks exactly the ASCII letters and digits, whatever byte
// sits at whatever place of the eight, and whatever its neighbours are.
func TestWordBytes(t *testing.T) {
	for c := range 256 {
		for at := range 8 {
			for _, fill := range []uint64{0, 0xffffffffffffffff, 0x4141414141414141, 0x8080808080808080} {
				w := fill&^(0xff<<(8*at)) | uint64(c)<<(8*at)
				marks := wordBytes(w)
				for k := range 8 {
					b := byte(w >> (8 * k))
					if got, want := marks>>(8*k)&0xff == 0x80, fold.IsWordByte(b); got != want || marks>>(8*k)&0x7f != 0 {
						t.Fatalf("%#x at %d among %#x: byte %d (%#x) marked %#x, want word byte %v", c, at, fill, k, b, marks>>(8*k)&0xff, want)
					}
				}
			}
		}
	}
}
