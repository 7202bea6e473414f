package search

import (
	"encoding/binary"
	"sync/atomic"

	"tubenotes/model"
)

// ReusedFrom is Patch's from for notes against old, the notes old was
// made of: each note's place in old when it is one of them (the same
// note, unchanged), -1 when it is not.
func ReusedFrom(old, notes []*model.Note) []int32 {
	place := make(map[*model.Note]int32, len(old))
	for i, n := range old {
		place[n] = int32(i)
	}
	from := make([]int32, len(notes))
	for i, n := range notes {
		if p, ok := place[n]; ok {
			from[i] = p
		} else {
			from[i] = -1
		}
	}
	return from
}

// Patch is the index of notes made from old, the index of an earlier
// version of the vault, without indexing again the notes that did not
// change: from[i] is the number in old of notes[i] when that note is
// unchanged, -1 when it is new or changed and must be indexed. Unchanged
// notes keep their order (both are in path order). The result is what
// Build(notes) gives, in a pass over old's postings rather than a parse of
// every note.
//
// The result reads its postings from old (from the index old was patched
// from, when it was), and splices the changed notes' entries into a term,
// and numbers its notes anew when notes came or went, when a search first
// reads it: so the patch reads no postings, and patching an index opened
// from parts (Open) reads none of its blocks. The result keeps that index,
// and its notes, alive. A fault old met reading its postings is the
// result's too (Err).
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
	var terms []string
	var srcs []termSource
	i, j := 0, 0
	for i < len(old.terms) || j < len(fresh.terms) {
		switch {
		case j == len(fresh.terms) || i < len(old.terms) && old.terms[i] < fresh.terms[j]:
			terms, srcs = append(terms, old.terms[i]), append(srcs, termSource{i, -1})
			i++
		case i == len(old.terms) || fresh.terms[j] < old.terms[i]:
			terms, srcs = append(terms, fresh.terms[j]), append(srcs, termSource{-1, j})
			j++
		default:
			terms, srcs = append(terms, old.terms[i]), append(srcs, termSource{i, j})
			i, j = i+1, j+1
		}
	}

	// Every term is spliced when it is first read: which terms a changed
	// note held is known only from its old text, and a note of a cache no
	// longer has it (its file holds the new one).
	ix := patchOver(old, fresh, terms, srcs, oldToNew)
	ix.notes, ix.docs = notes, docs
	if err := old.Err(); err != nil {
		ix.fail.set(err)
	}
	return ix
}

// termSource is where a term of a patched index has postings: its number
// in the old index and in the fresh one, -1 where it has none.
type termSource struct{ oldID, freshID int }

// patchOver is the patched index's terms and postings, read from old's
// own source (old's base, when old is patched too), the fresh entries
// spliced in, and notes renumbered, when a term is first read (see
// overlay).
func patchOver(old, fresh *Index, terms []string, srcs []termSource, oldToNew []int32) *Index {
	o := &overlay{base: old, oldToNew: oldToNew, terms: make([]overlayTerm, 0, len(terms))}
	prev := old.over
	if prev != nil {
		o.base = prev.base
		o.oldToNew = make([]int32, len(prev.oldToNew))
		for i, n := range prev.oldToNew {
			o.oldToNew[i] = -1
			if n >= 0 {
				o.oldToNew[i] = oldToNew[n]
			}
		}
	}
	ix := &Index{terms: make([]string, 0, len(terms)), offs: make([]uint32, 1, len(terms)+1), over: o}
	for t, src := range srcs {
		ot := overlayTerm{baseID: -1}
		var was []byte // the fresh postings old had spliced in
		if src.oldID >= 0 {
			if prev != nil {
				pt := &prev.terms[src.oldID]
				ot.baseID, was = pt.baseID, prev.fresh(pt)
			} else {
				ot.baseID = int32(src.oldID)
			}
		}
		ot.at = uint32(len(o.held))
		var fp []byte
		if src.freshID >= 0 {
			fp = fresh.postings(src.freshID)
		}
		o.held = splice(o.held, was, oldToNew, fp)
		ot.n = uint32(len(o.held)) - ot.at
		size := ot.n
		if ot.baseID >= 0 {
			size += o.base.offs[ot.baseID+1] - o.base.offs[ot.baseID]
		}
		if size == 0 {
			continue // no note holds it any more
		}
		ix.terms = append(ix.terms, terms[t])
		ix.offs = append(ix.offs, ix.offs[len(ix.offs)-1]+size)
		o.terms = append(o.terms, ot)
	}
	o.spliced = make([]atomic.Pointer[[]byte], len(o.terms))
	return ix
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
