// Package use calls lib's watcher with contexts that end, and with ones
// that never do.
package use

import (
	"context"

	"ctxparam/lib"
)

// A reconciler that opens a result set per reconcile with a context of
// its own: one watcher goroutine piles up per reconcile.
type Reconciler struct {
	base context.Context
}

func (r *Reconciler) Reconcile(ctx context.Context) error {
	rows := &lib.Rows{}
	rows.Watch(context.Background()) // want `the goroutine that Watch starts blocks until the context passed here ends`
	defer rows.Close()
	return nil
}

// The object's own long-lived context: the same, until the object stops.
func (r *Reconciler) ReconcileWithBase(ctx context.Context) error {
	rows := &lib.Rows{}
	rows.Watch(r.base) // want `the goroutine that Watch starts blocks until the context passed here ends`
	defer rows.Close()
	return nil
}

// The request's context: the watcher ends with the request.
func (r *Reconciler) ReconcileWithRequest(ctx context.Context) error {
	rows := &lib.Rows{}
	rows.Watch(ctx) // ok: ctx ends with the reconcile
	defer rows.Close()
	return nil
}

// A context that this function cancels.
func (r *Reconciler) ReconcileCancelled() error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rows := &lib.Rows{}
	rows.Watch(ctx) // ok: cancelled on return
	return nil
}

// The fixed type: Close cancels.
func (r *Reconciler) ReconcileFixed() error {
	rows := &lib.RowsFixed{}
	rows.Watch(context.Background()) // ok
	defer rows.Close()
	return nil
}

// The literal form, from another package: one watcher per reconcile.
func (r *Reconciler) Follow(ctx context.Context) error {
	s := &lib.Stream{}
	s.Follow(context.Background()) // want `the goroutine that Follow starts blocks until the context passed here ends`
	defer s.Close()
	f := &lib.StreamFixed{}
	f.Follow(context.Background()) // ok: Close cancels
	defer f.Close()
	x := &lib.StreamReset{}
	x.Follow(context.Background(), false) // ok: the literal's context is not known
	return nil
}
