package par

import (
	"runtime"
	"sync"
)

// Fewest items parallelChunks gives a goroutine: communes evaluated, and registry names
// split by NewMatcher (cheaper each, so more of them are worth a goroutine).
const (
	EvalChunkMin = 256
	ChunkMin     = 512
)

// ParallelChunks calls f on consecutive ranges that cover [0, n) once, one per core at
// most and none of fewer than minChunk items, and waits for them; below 2*minChunk
// items, f runs once on the calling goroutine.
func ParallelChunks(n, minChunk int, f func(from, to int)) {
	workers := min(runtime.GOMAXPROCS(0), n/minChunk)
	if workers <= 1 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() { f(n*w/workers, n*(w+1)/workers) })
	}
	wg.Wait()
}
