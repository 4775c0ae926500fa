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

// Informer runs its watch through helpers.
type Informer struct{ w Watcher }

// Run starts the watch through two helpers of the package.
func (i *Informer) Run(ctx context.Context, name string) { // want Run:"forever\\(param 0\\)"
	i.start(ctx, name)
}

func (i *Informer) start(ctx context.Context, name string) {
	i.w.Name = name
	i.spawn(ctx)
}

func (i *Informer) spawn(ctx context.Context) {
	go i.w.loop(ctx)
}

// RunBounded hands its helper a context that times out: no fact.
func (i *Informer) RunBounded(ctx context.Context) {
	tctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	i.spawn(tctx)
}

// RunOnce calls the helper behind a flag it sets: no fact.
func (o *Once) RunOnce(ctx context.Context) {
	if o.started {
		return
	}
	o.started = true
	o.w.Start(ctx)
}

// Recurse calls itself and the helper: the cycle is cut.
func Recurse(ctx context.Context, n int) { // want Recurse:"forever\\(param 0\\)"
	if n > 0 {
		Recurse(ctx, n-1)
		return
	}
	(&Informer{}).spawn(ctx)
}
