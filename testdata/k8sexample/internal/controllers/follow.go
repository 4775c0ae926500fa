package controllers

import (
	"context"
	"time"

	"sigs.k8s.io/controller-runtime/pkg/reconcile"

	"example.com/operator/internal/objwatch"
)

// FollowReconciler starts a watcher for every object it reconciles, on
// the reconcile's context, which controller-runtime cancels only when the
// manager stops: one more goroutine per reconcile, for ever.
type FollowReconciler struct{}

// Reconcile starts a watcher, and a poller of its own.
func (r *FollowReconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	(&objwatch.Watcher{Name: req.Name}).Start(ctx)
	go r.poll(ctx)
	return reconcile.Result{}, nil
}

func (r *FollowReconciler) poll(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Minute):
		}
	}
}
