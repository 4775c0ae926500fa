// Package use leaks the watches lib opens, per reconcile.
package use

import (
	"context"

	"k8s.io/client-go/kubernetes"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"

	"watchstop/lib"
)

type R struct{ cs kubernetes.Interface }

func (r *R) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	wi, err := lib.OpenPods(ctx, r.cs, req.Namespace) // want `watch from lib.OpenPods is not stopped on the path that returns at line 22: .* one more per reconcile`
	if err != nil {
		return reconcile.Result{}, err
	}
	for ev := range wi.ResultChan() {
		if ev.Type == "DELETED" {
			return reconcile.Result{}, nil
		}
	}
	return reconcile.Result{}, nil
}

func (r *R) Fixed(ctx context.Context, req reconcile.Request) error {
	wi, err := lib.OpenPods(ctx, r.cs, req.Namespace) // ok: deferred Stop
	if err != nil {
		return err
	}
	defer wi.Stop()
	for ev := range wi.ResultChan() {
		if ev.Type == "DELETED" {
			return nil
		}
	}
	return nil
}

func (r *R) FromShared(ctx context.Context) {
	wi := lib.Shared() // ok: not a fresh watch
	<-wi.ResultChan()
}
