package reader

import "tubenotes/ui/render"

// cache keeps the latest renderings, so that going back to a note or to a
// width shows it at once. Only Update touches it.
type cache struct {
	limit int
	byKey map[render.Key]*rendered
	order []render.Key // oldest first
}

func newCache(limit int) *cache {
	return &cache{limit: limit, byKey: make(map[render.Key]*rendered, limit)}
}

func (c *cache) get(k render.Key) *rendered { return c.byKey[k] }

func (c *cache) put(r *rendered) {
	if _, ok := c.byKey[r.Key]; !ok {
		c.order = append(c.order, r.Key)
	}
	c.byKey[r.Key] = r
	for len(c.order) > c.limit {
		delete(c.byKey, c.order[0])
		c.order = c.order[1:]
	}
}
