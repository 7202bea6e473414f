// Package cores runs independent work on every core.
package cores

import (
	"runtime"
	"sync"
)

// Each runs f(0) … f(n-1) on up to GOMAXPROCS goroutines, and returns when
// all have returned. f must be safe to call from several goroutines at
// once.
func Each(n int, f func(i int)) {
	if n <= 1 {
		if n == 1 {
			f(0)
		}
		return
	}
	next := make(chan int, n)
	for i := range n {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	wg.Wait()
}
