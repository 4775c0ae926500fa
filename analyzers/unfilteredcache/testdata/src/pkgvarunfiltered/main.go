// Command pkgvarunfiltered keeps its manager options in a package
// variable that filters nothing: the manager caches every Secret.
package main

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type r struct{ client.Client }

func (r *r) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	var s corev1.Secret
	return reconcile.Result{}, r.Get(ctx, req.NamespacedName, &s)
}

var mgrOpts = ctrl.Options{LeaderElection: true, LeaderElectionID: "example"} // want `the manager's cache holds every Secret it can see, in full`

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), mgrOpts)
	_ = ctrl.NewControllerManagedBy(mgr).For(&corev1.Secret{}).Complete(&r{Client: mgr.GetClient()})
}
