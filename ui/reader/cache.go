package reader

// cache keeps the latest renderings, so that going back to a note or to a
// width shows it at once. Only Update touches it.
type cache struct {
	limit int
	byKey map[renderKey]*rendered
	order []renderKey // oldest first
}

func newCache(limit int) *cache {
	return &cache{limit: limit, byKey: make(map[renderKey]*rendered, limit)}
}

func (c *cache) get(k renderKey) *rendered { return c.byKey[k] }

func (c *cache) put(r *rendered) {
	if _, ok := c.byKey[r.key]; !ok {
		c.order = append(c.order, r.key)
	}
	c.byKey[r.key] = r
	for len(c.order) > c.limit {
		delete(c.byKey, c.order[0])
		c.order = c.order[1:]
	}
}
