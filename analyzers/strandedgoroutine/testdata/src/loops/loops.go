package loops

import (
	"context"
	"time"
)

func process(ctx context.Context, item string) {}

func perItem(items []string, stopCh <-chan struct{}) {
	for _, item := range items {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		go func() { // want `goroutine started on every loop iteration of perItem waits only on a channel that outlives the loop and never on the iteration's context`
			<-stopCh
			cancel()
		}()
		process(ctx, item)
	}
}

func perItemWatchingContext(items []string, stopCh <-chan struct{}) { // ok
	for _, item := range items {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		go func() {
			select {
			case <-stopCh:
				cancel()
			case <-ctx.Done():
			}
		}()
		process(ctx, item)
		cancel()
	}
}

func workers(n int, jobs <-chan string) { // ok: no per-iteration context; the pool drains jobs
	for range n {
		go func() {
			for j := range jobs {
				process(context.Background(), j)
			}
		}()
	}
}
