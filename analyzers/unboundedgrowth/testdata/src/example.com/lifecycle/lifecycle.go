// Package lifecycle is the shape of greenhouse's pkg/lifecycle: a generic
// Reconcile that calls the controller's EnsureCreated and its status
// function once per call, that is as often as its caller.
package lifecycle

import (
	"context"

	"k8s.io/apimachinery/pkg/types"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type Reconciler interface {
	EnsureCreated(context.Context, client.Object) (reconcile.Result, error)
	EnsureDeleted(context.Context, client.Object) (reconcile.Result, error)
}

type Conditioner func(context.Context, client.Object)

func Reconcile(ctx context.Context, c client.Client, key types.NamespacedName, obj client.Object, r Reconciler, status Conditioner) (reconcile.Result, error) {
	if err := c.Get(ctx, key, obj); err != nil {
		return reconcile.Result{}, client.IgnoreNotFound(err)
	}
	if obj.GetDeletionTimestamp() != nil {
		return r.EnsureDeleted(ctx, obj)
	}
	return ensureCreated(ctx, r, obj, status)
}

func ensureCreated(ctx context.Context, r Reconciler, obj client.Object, status Conditioner) (reconcile.Result, error) {
	res, err := r.EnsureCreated(ctx, obj)
	status(ctx, obj)
	return res, err
}
