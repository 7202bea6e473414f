package cache

// keptChunkBytes is the most a lookup keeps of chunks read ahead of their
// notes' turn: about a thousand chunks, the fields of 16,000 notes.
const keptChunkBytes = 16 << 20

// keptChunks are the chunks a lookup keeps for notes still expected
// (Lookup.Expect). Its owner's lock guards it.
type keptChunks struct {
	expected map[int]bool // notes not read yet, by number
	pending  map[int]int  // how many of them each chunk holds
	held     map[int]*chunkRead
	bytes    int
}

// expect records that note i, of chunk k, will be read.
func (kc *keptChunks) expect(i, k int) {
	if kc.expected == nil {
		kc.expected, kc.pending, kc.held = map[int]bool{}, map[int]int{}, map[int]*chunkRead{}
	}
	if !kc.expected[i] {
		kc.expected[i] = true
		kc.pending[k]++
	}
}

// noteRead records that note i was read from chunk c, number k: c is kept
// while it holds notes still expected and the budget allows, and let go
// after the last.
func (kc *keptChunks) noteRead(i, k int, c *chunkRead) {
	if !kc.expected[i] {
		return
	}
	delete(kc.expected, i)
	kc.pending[k]--
	switch held := kc.held[k]; {
	case kc.pending[k] == 0:
		if held != nil {
			kc.bytes -= len(held.raw)
			delete(kc.held, k)
		}
		delete(kc.pending, k)
	case held == nil && kc.bytes+len(c.raw) <= keptChunkBytes:
		kc.held[k] = c
		kc.bytes += len(c.raw)
	}
}
