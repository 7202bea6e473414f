package main

import (
	"errors"
	"reflect"
	"testing"

	"tubenotes/loader"
	"tubenotes/loader/loadtest"
	"tubenotes/model/search"
)

// TestPrintHitsGoesOnFromTheVault: when a note of the cache can't be read
// after some batches were printed, the rest of the answer comes from the
// vault searched again, from the first hit not printed: every hit once,
// in order. Each hit's note is dropped once printed.
func TestPrintHitsGoesOnFromTheVault(t *testing.T) {
	v, err := loader.Load(loadtest.Generate(400, 1), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix := search.Build(v.Notes)
	q, err := search.Parse("the")
	if err != nil {
		t.Fatal(err)
	}
	answer := func() []search.Hit { return ix.Search(q).Hits }
	if len(answer()) <= 2*describeBatch {
		t.Fatalf("%d hits: want over %d, for a failure after two batches", len(answer()), 2*describeBatch)
	}
	var want []searchHit
	for _, h := range answer() {
		want = append(want, describeHit(h, q))
	}

	for _, failAt := range []int{0, 1, 2} { // the batch whose notes can't be read
		var got []searchHit
		batches, reloads := 0, 0
		hits := answer()
		read := func([]search.Hit) error {
			if batches++; batches-1 == failAt {
				return errNotesUnread
			}
			return nil
		}
		write := func(h searchHit) error { got = append(got, h); return nil }
		reload := func() ([]search.Hit, error) { reloads++; return answer(), nil }
		if err := printHits(hits, q, read, write, reload); err != nil {
			t.Fatal(err)
		}
		if reloads != 1 || !reflect.DeepEqual(got, want) {
			t.Fatalf("failing at batch %d: %d reloads, %d hits printed, want 1 and the %d hits in order", failAt, reloads, len(got), len(want))
		}
		for i, h := range hits[:failAt*describeBatch] {
			if h.Note != nil {
				t.Fatalf("failing at batch %d: hit %d printed still holds its note", failAt, i)
			}
		}
	}

	// A write that fails ends it, without a reload.
	stop := errors.New("closed")
	err = printHits(answer(), q, nil, func(searchHit) error { return stop }, func() ([]search.Hit, error) {
		t.Fatal("reloaded after a failed write")
		return nil, nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("err %v, want the write's", err)
	}
}
