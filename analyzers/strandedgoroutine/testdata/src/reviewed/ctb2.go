package reviewed

import (
	"context"
	"sync"
)

// ---- C4: the consumer returns on a different context, cancelled only
// after every producer has finished.
func Gather(ctx context.Context, names []string) []result {
	out := make(chan result)
	doneCtx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for _, n := range names {
			if ctx.Err() != nil {
				return
			}
			out <- fetch(n)
		}
	}()
	go func() {
		wg.Wait()
		cancel()
	}()
	var rs []result
	for {
		select {
		case r := <-out:
			rs = append(rs, r)
		case <-doneCtx.Done():
			return rs
		}
	}
}

// ---- C5: a buffered field channel sized to the work.
type batch struct {
	results chan result
}

func newBatch(n int) *batch { return &batch{results: make(chan result, n)} }

func (b *batch) work(ctx context.Context, names []string) {
	for _, n := range names {
		select {
		case <-ctx.Done():
			return
		default:
		}
		b.results <- fetch(n)
	}
}

func (b *batch) collect(ctx context.Context) []result {
	var out []result
	for {
		select {
		case r := <-b.results:
			out = append(out, r)
		case <-ctx.Done():
			return out
		}
	}
}

func RunBatch(ctx context.Context, names []string) []result {
	b := newBatch(len(names))
	go b.work(ctx, names)
	return b.collect(ctx)
}
