package search

import (
	"encoding/binary"
	"runtime"
	"slices"
	"sync"

	"tubenotes/model"
)

// Patch is the index of notes made from old, the index of an earlier
// version of the vault, without indexing again the notes that did not
// change: from[i] is the number in old of notes[i] when that note is
// unchanged, -1 when it is new or changed and must be indexed. Unchanged
// notes keep their order (both are in path order). The result is what
// Build(notes) gives, in a pass over old's postings rather than a parse of
// every note.
func Patch(old *Index, notes []*model.Note, from []int32) *Index {
	oldToNew := make([]int32, len(old.docs))
	for i := range oldToNew {
		oldToNew[i] = -1
	}
	docs := make([]doc, len(notes))
	b := newBuilder()
	for i, o := range from {
		if o >= 0 {
			oldToNew[o] = int32(i)
			docs[i] = old.docs[o]
		} else {
			docs[i] = b.add(int32(i), notes[i])
		}
	}
	fresh := merge([]*builder{b}) // the new notes' postings, numbered as in notes

	// The terms of either index, each with its postings in old and fresh.
	type source struct{ oldID, freshID int }
	var terms []string
	var srcs []source
	i, j := 0, 0
	for i < len(old.terms) || j < len(fresh.terms) {
		switch {
		case j == len(fresh.terms) || i < len(old.terms) && old.terms[i] < fresh.terms[j]:
			terms, srcs = append(terms, old.terms[i]), append(srcs, source{i, -1})
			i++
		case i == len(old.terms) || fresh.terms[j] < old.terms[i]:
			terms, srcs = append(terms, fresh.terms[j]), append(srcs, source{-1, j})
			j++
		default:
			terms, srcs = append(terms, old.terms[i]), append(srcs, source{i, j})
			i, j = i+1, j+1
		}
	}

	// When no note came or went, numbers stay, and a term that neither the
	// old versions of the changed notes nor their new ones hold keeps its
	// postings byte for byte: only the terms of the changed notes are
	// spliced (an edit touches a few hundred terms of a hundred thousand).
	touched := touchedTerms(old, from, fresh)

	// Each worker writes the postings of a range of terms; the ranges are
	// joined after, dropping terms no note holds any more.
	workers := runtime.GOMAXPROCS(0)
	parts := make([][]byte, workers)
	lens := make([]uint32, len(terms))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			lo, hi := w*len(terms)/workers, (w+1)*len(terms)/workers
			var out []byte
			for t := lo; t < hi; t++ {
				var op, fp []byte
				if s := srcs[t].oldID; s >= 0 {
					op = old.post[old.offs[s]:old.offs[s+1]]
				}
				if s := srcs[t].freshID; s >= 0 {
					fp = fresh.post[fresh.offs[s]:fresh.offs[s+1]]
				}
				start := len(out)
				if touched != nil && fp == nil && !touched[terms[t]] {
					out = append(out, op...)
				} else {
					out = splice(out, op, oldToNew, fp)
				}
				lens[t] = uint32(len(out) - start)
			}
			parts[w] = out
		})
	}
	wg.Wait()

	size := 0
	for _, p := range parts {
		size += len(p)
	}
	ix := &Index{notes: notes, docs: docs, post: make([]byte, 0, size), offs: make([]uint32, 0, len(terms)+1)}
	for _, p := range parts {
		ix.post = append(ix.post, p...)
	}
	ix.terms = make([]string, 0, len(terms))
	at := uint32(0)
	for t, n := range lens {
		if n == 0 {
			continue
		}
		ix.terms = append(ix.terms, terms[t])
		ix.offs = append(ix.offs, at)
		at += n
	}
	ix.offs = append(ix.offs, at)
	ix.terms = slices.Clip(ix.terms)
	return ix
}

// touchedTerms is the set of terms of the notes changed in place (their
// old versions, which old still holds, and their new ones), when from
// keeps every other note at its number; nil when notes came or went.
func touchedTerms(old *Index, from []int32, fresh *Index) map[string]bool {
	if len(from) != len(old.docs) {
		return nil
	}
	b := newBuilder()
	for i, o := range from {
		switch {
		case o == int32(i):
		case o < 0:
			b.add(int32(i), old.notes[i])
		default:
			return nil
		}
	}
	touched := make(map[string]bool, len(b.terms)+len(fresh.terms))
	for id := range b.table.len() {
		touched[b.term(uint32(id))] = true
	}
	for _, t := range fresh.terms {
		touched[t] = true
	}
	return touched
}

// postingEntry is one note's entry in a term's postings: its number, and
// the bytes of its count and occurrences, kept as they are.
type postingEntry struct {
	note int32
	rest []byte
}

// nextEntry reads the entry at the head of p, whose note is a delta from
// prev; ok is false at the end.
func nextEntry(p []byte, prev int32) (e postingEntry, tail []byte, ok bool) {
	if len(p) == 0 {
		return postingEntry{}, nil, false
	}
	d, n := binary.Uvarint(p)
	count, m := binary.Uvarint(p[n:])
	start := n
	k, want, end := 0, 2*int(count), n+m
	for ; k < want && end < len(p); end++ {
		if p[end] < 0x80 {
			k++
		}
	}
	return postingEntry{note: prev + int32(d), rest: p[start:end]}, p[end:], true
}

// splice appends to out the postings of one term: old's entries of notes
// that stay, renumbered, merged in note order with fresh's entries.
func splice(out, old []byte, oldToNew []int32, fresh []byte) []byte {
	last := int32(-1)
	put := func(e postingEntry) {
		out = binary.AppendUvarint(out, uint64(e.note-last))
		out = append(out, e.rest...)
		last = e.note
	}
	oe, old, oOK := nextEntry(old, -1)
	fe, fresh, fOK := nextEntry(fresh, -1)
	oPrev, fPrev := oe.note, fe.note
	for oOK || fOK {
		if oOK {
			if to := oldToNew[oe.note]; to < 0 { // gone, or indexed anew
				oe, old, oOK = nextEntry(old, oPrev)
				oPrev = oe.note
				continue
			}
		}
		if oOK && (!fOK || oldToNew[oe.note] < fe.note) {
			put(postingEntry{note: oldToNew[oe.note], rest: oe.rest})
			oe, old, oOK = nextEntry(old, oPrev)
			oPrev = oe.note
		} else {
			put(fe)
			fe, fresh, fOK = nextEntry(fresh, fPrev)
			fPrev = fe.note
		}
	}
	return out
}
