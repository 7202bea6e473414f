package search

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// radixSort orders keys as a stable sort by first8 does, whichever bytes
// they share: few values per byte, many, or one byte the same in all.
func TestRadixSortIsAStableSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, spread := range []uint64{1, 3, 256, 1 << 40, 0} {
		for _, n := range []int{0, 1, 2, 100, 5000} {
			keys := make([]sortKey, n)
			for i := range keys {
				v := rng.Uint64()
				if spread != 0 {
					v = rng.Uint64N(spread) << 16 // bytes 0 and 1 always zero
				}
				keys[i] = sortKey{v, uint32(i)}
			}
			want := slices.Clone(keys)
			slices.SortStableFunc(want, func(a, b sortKey) int { return cmp.Compare(a.first8, b.first8) })
			if got := radixSort(keys, make([]sortKey, n)); !slices.Equal(got, want) {
				t.Fatalf("spread %d, %d keys: radixSort differs from a stable sort", spread, n)
			}
		}
	}
}
