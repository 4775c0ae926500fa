package crossuser

import (
	"context"

	"example.com/cleanup"
	"example.com/recorder"
	"example.com/shared"
	"example.com/tracker"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type Reconciler struct {
	client  client.Client
	tracker *tracker.Tracker
	store   *shared.Store
}

func (r *Reconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	var obj client.Object
	if err := r.client.Get(ctx, req.NamespacedName, obj); err != nil {
		if apierrors.IsNotFound(err) {
			cleanup.Drop(r.store, req.Name)
		}
		return reconcile.Result{}, err
	}
	r.observe(req)                              // want `map Tracker.seen grows per reconcile without bound: Reconciler.Reconcile through Tracker.Track adds a key`
	recorder.Record(req.Namespace, req.Name, 1) // want `metric vector ready grows per reconcile without bound: Reconciler.Reconcile through recorder.Record makes a series per label value`
	r.store.Put(req.Name)                       // ok: the third package cleanup deletes from it
	return reconcile.Result{}, nil
}

// observe is a helper: its frequency is its caller's.
func (r *Reconciler) observe(req reconcile.Request) {
	r.tracker.Track(req.Namespace + "/" + req.Name)
}
