// Package use calls lib's goroutine starters from a reconciler.
package use

import (
	"context"
	"time"

	"sigs.k8s.io/controller-runtime/pkg/reconcile"

	"forever/lib"
)

// R reconciles.
type R struct {
	once lib.Once
}

func (r *R) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	w := &lib.Watcher{Name: req.Name}
	w.Start(ctx)                                              // want `lib.Watcher.Start, called per reconcile, starts a goroutine that never returns: its only way out is the reconciler's context being done, which controller-runtime does only when the manager stops, not when Reconcile returns`
	lib.Watch(context.Background(), func(context.Context) {}) // want `lib.Watch, called per reconcile, starts a goroutine that never returns: its only way out is context.Background\(\) being done`
	r.once.Start(ctx)                                         // ok: lib starts it once
	lib.Bounded(context.Background())                         // ok: it gives up after a minute
	tctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	w.Start(tctx) // ok: the context times out
	inf := &lib.Informer{}
	inf.Run(ctx, req.Name)                  // want `lib.Informer.Run, called per reconcile, starts a goroutine that never returns: its only way out is the reconciler's context being done`
	inf.RunBounded(ctx)                     // ok: lib gives its helper a context that times out
	r.once.RunOnce(ctx)                     // ok: lib starts it once
	(&lib.Locked{}).Run(ctx)                // ok: lib starts it once, under its lock
	(&lib.Registry{}).Ensure(ctx, req.Name) // ok: one per name
	lib.Get(ctx, req.Name, false)           // ok: the flag decides
	lib.Deep(ctx)                           // ok: too deep to follow
	lib.Near(context.Background())          // want `lib.Near, called per reconcile, starts a goroutine that never returns`
	lib.Literal(ctx)                        // ok: not followed into literals
	lib.Recurse(context.Background())       // want `lib.Recurse, called per reconcile, starts a goroutine that never returns`
	return reconcile.Result{}, nil
}

func main() {
	(&lib.Watcher{}).Start(context.Background()) // ok: once
}
