// Package lib starts goroutines that run until the context they are given
// is done: its importers decide whether that ever happens.
package lib

import (
	"context"
	"time"

	"k8s.io/apimachinery/pkg/util/wait"
)

// Watcher watches an object.
type Watcher struct{ Name string }

// Start watches until ctx is done.
func (w *Watcher) Start(ctx context.Context) { // want Start:"forever\\(param 0\\)"
	go w.loop(ctx)
}

func (w *Watcher) loop(ctx context.Context) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Watch calls f every second until ctx is done.
func Watch(ctx context.Context, f func(context.Context)) { // want Watch:"forever\\(param 0\\)"
	go wait.UntilWithContext(ctx, f, time.Second)
}

// Once starts its loop once.
type Once struct {
	started bool
	w       Watcher
}

// Start starts the loop the first time only: no fact.
func (o *Once) Start(ctx context.Context) {
	if !o.started {
		o.started = true
		go o.w.loop(ctx)
	}
}

// Bounded gives up after a minute: no fact.
func Bounded(ctx context.Context) {
	go func() {
		select {
		case <-ctx.Done():
		case <-time.After(time.Minute):
		}
	}()
}
