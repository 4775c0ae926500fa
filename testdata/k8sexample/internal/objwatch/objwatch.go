// Package objwatch follows an object until the context it is given is
// done.
package objwatch

import (
	"context"
	"time"
)

// Watcher follows one object.
type Watcher struct{ Name string }

// Start follows the object in a goroutine of its own, until ctx is done.
func (w *Watcher) Start(ctx context.Context) {
	go w.follow(ctx)
}

func (w *Watcher) follow(ctx context.Context) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
