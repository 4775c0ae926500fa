// Package ctrllib gets an informer for Secrets from the manager's cache,
// and only its controller's watch consumes it. The controller is
// leader-elected by controller-runtime's default, which the manager that
// main builds may change.
package ctrllib

import (
	"context"

	core_v1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type rec struct{}

func (rec) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	return reconcile.Result{}, nil
}

// Setup warms the Secret informer and builds the controller.
func Setup(ctx context.Context, mgr ctrl.Manager) error {
	if _, err := mgr.GetCache().GetInformer(ctx, &core_v1.Secret{}); err != nil {
		return err
	}
	return ctrl.NewControllerManagedBy(mgr).For(&core_v1.Secret{}).Complete(rec{})
}
