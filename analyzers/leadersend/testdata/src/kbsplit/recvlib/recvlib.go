// Package recvlib is a kubebuilder-style library: SetupWithManager
// registers an informer event handler that sends on the reconciler's
// channel, and the reconciler receives from it. The reconciler is
// leader-only by controller-runtime's default, which the manager that
// main builds may change: where the handler blocks is decided in main.
package recvlib

import (
	"context"

	core_v1 "k8s.io/api/core/v1"
	"k8s.io/client-go/tools/cache"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

// Reconciler takes pod names from its handler.
type Reconciler struct {
	names chan string
}

// New makes a reconciler.
func New() *Reconciler { return &Reconciler{names: make(chan string)} }

func (r *Reconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	<-r.names
	return reconcile.Result{}, nil
}

// SetupWithManager registers the handler and the controller.
func (r *Reconciler) SetupWithManager(mgr ctrl.Manager) error {
	inf, err := mgr.GetCache().GetInformer(context.Background(), &core_v1.Pod{})
	if err != nil {
		return err
	}
	_, err = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj any) {
			r.names <- "added"
		},
	})
	if err != nil {
		return err
	}
	return ctrl.NewControllerManagedBy(mgr).For(&core_v1.Pod{}).Complete(r)
}
