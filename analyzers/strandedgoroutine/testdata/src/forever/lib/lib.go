// Package lib starts goroutines that run until the context they are given
// is done: its importers decide whether that ever happens.
package lib

import (
	"context"
	"sync"
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

// Recurse calls a helper that calls itself and the helper that starts:
// the cycle is cut.
func Recurse(ctx context.Context) { // want Recurse:"forever\\(param 0\\)"
	again(ctx)
}

type key struct{}

func again(ctx context.Context) {
	if ctx.Value(key{}) != nil {
		again(context.WithValue(ctx, key{}, nil))
		return
	}
	(&Informer{}).spawn(ctx)
}

// Locked checks under its lock and starts in a helper that sets the flag
// (the xxxLocked idiom): no fact.
type Locked struct {
	mu      sync.Mutex
	running bool
	w       Watcher
}

// Run starts the loop once.
func (l *Locked) Run(ctx context.Context) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.running {
		return
	}
	l.startLocked(ctx)
}

func (l *Locked) startLocked(ctx context.Context) {
	l.running = true
	go l.w.loop(ctx)
}

// Registry gets or creates a watcher per name: no fact.
type Registry struct {
	m map[string]*Watcher
}

// Ensure starts a watcher for name unless one runs.
func (r *Registry) Ensure(ctx context.Context, name string) {
	if _, ok := r.m[name]; ok {
		return
	}
	r.add(ctx, name)
}

func (r *Registry) add(ctx context.Context, name string) {
	w := &Watcher{Name: name}
	r.m[name] = w
	go w.loop(ctx)
}

// Get follows the key only when asked to: no fact (the caller decides).
func Get(ctx context.Context, key string, follow bool) {
	if follow {
		follower(ctx, key)
	}
}

func follower(ctx context.Context, key string) {
	go (&Watcher{Name: key}).loop(ctx)
}

// Deep is four calls from the start: no fact (three at most).
func Deep(ctx context.Context) { deep1(ctx) }

func deep1(ctx context.Context) { deep2(ctx) }

func deep2(ctx context.Context) { deep3(ctx) }

func deep3(ctx context.Context) { Near(ctx) }

// Near is one call from the start, declared after Deep: its fact does not
// depend on the order.
func Near(ctx context.Context) { // want Near:"forever\\(param 0\\)"
	spawnNear(ctx)
}

func spawnNear(ctx context.Context) {
	go (&Watcher{}).loop(ctx)
}

// Literal starts the loop in a function literal it calls: no fact (the
// gate sees only named functions' go statements).
func Literal(ctx context.Context) {
	spawn := func(c context.Context) { go (&Watcher{}).loop(c) }
	spawn(ctx)
}

// ZOpts configures ZTail.
type ZOpts struct{ follow bool }

// Follow says whether to follow.
func (o ZOpts) Follow() bool { return o.follow }

// ZTail follows only when the options say so: no fact.
func ZTail(ctx context.Context, o ZOpts) {
	if o.Follow() {
		go (&Watcher{}).loop(ctx)
	}
}

// ZResync resyncs only when configured to: no fact.
type ZResync struct {
	period time.Duration
	w      Watcher
}

// Run starts the resync loop when a period is set.
func (r *ZResync) Run(ctx context.Context) {
	if r.period > 0 {
		go r.w.loop(ctx)
	}
}
