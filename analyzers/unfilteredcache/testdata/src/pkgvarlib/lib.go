package pkgvarlib // want package:"caches\\(a cached client Get Secret, For Secret\\)"

// pkgvarlib exports default manager options for its command to
// extend, and sets up a controller on a manager it is given: the options
// are not its manager's (it builds none), so it stays silent and tells
// its importers what it caches.

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

// DefaultOptions are the command's starting point.
var DefaultOptions = ctrl.Options{LeaderElectionID: "x"}

type r struct{ client.Client }

func (r *r) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	var s corev1.Secret
	return reconcile.Result{}, r.Get(ctx, req.NamespacedName, &s)
}

// Setup registers the controller.
func Setup(mgr ctrl.Manager) error {
	return ctrl.NewControllerManagedBy(mgr).For(&corev1.Secret{}).Complete(&r{Client: mgr.GetClient()}) // ok: the manager is built elsewhere
}
