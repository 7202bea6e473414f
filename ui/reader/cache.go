package reader

import (
	"unsafe"

	"tubenotes/ui/render"
)

// cacheBudget is the most the cache holds, in estimated bytes (see
// rendered.bytes): a 400 KB note costs about 12 MB a width, so a resize
// storm keeps a few widths of it, and a typical 7 KB note costs 0.2 MB.
const cacheBudget = 64 << 20

// cache keeps the latest renderings, so that going back to a note or to a
// width shows it at once. It is bounded by bytes, not entries: a few big
// notes or many small ones. Only Update touches it.
type cache struct {
	budget int
	used   int // the sum of the entries' bytes
	byKey  map[render.Key]*rendered
	order  []render.Key // oldest first
}

func newCache(budget int) *cache {
	return &cache{budget: budget, byKey: map[render.Key]*rendered{}}
}

func (c *cache) get(k render.Key) *rendered { return c.byKey[k] }

// put adds r, dropping the oldest renderings until the rest fit. A
// rendering larger than the whole budget is not kept (the pane still shows
// it).
func (c *cache) put(r *rendered) {
	c.remove(r.Key)
	if r.size > c.budget {
		return
	}
	for c.used+r.size > c.budget {
		c.remove(c.order[0])
	}
	c.byKey[r.Key] = r
	c.order = append(c.order, r.Key)
	c.used += r.size
}

func (c *cache) remove(k render.Key) {
	r, ok := c.byKey[k]
	if !ok {
		return
	}
	delete(c.byKey, k)
	c.used -= r.size
	for i, o := range c.order {
		if o == k {
			c.order = append(c.order[:i], c.order[i+1:]...)
			break
		}
	}
}

// newRendered pairs d with its find index and their size.
func newRendered(d *render.Doc) *rendered {
	r := &rendered{Doc: d, fold: buildFold(d.Plain)}
	r.size = r.bytes()
	return r
}

// bytes estimates the memory r holds: its styled and plain lines, items
// and headings, and the find index (a cell reference per byte of plain
// text, allocated for all of it). Capacities count, not lengths, and each
// string a few bytes more for the allocator's rounding.
func (r *rendered) bytes() int {
	const (
		word         = int(unsafe.Sizeof(0))
		stringHeader = int(unsafe.Sizeof(""))
		rounding     = 8
	)
	n := int(unsafe.Sizeof(*r)) + int(unsafe.Sizeof(*r.Doc))
	plain := 0
	for i := range r.Lines {
		n += len(r.Lines[i]) + rounding
	}
	for i := range r.Plain {
		plain += len(r.Plain[i])
		n += len(r.Plain[i]) + rounding
	}
	n += (cap(r.Lines) + cap(r.Plain)) * stringHeader
	// Each located item also has an anchor (two ints) for LineOfSource.
	n += cap(r.Items)*(int(unsafe.Sizeof(render.Item{}))+2*word) + cap(r.Headings)*word
	if r.fold != nil {
		n += plain + cap(r.fold.at)*int(unsafe.Sizeof(cellRef{}))
	}
	return n
}
