// Command pkgvaropts keeps its manager and cache options in package
// variables, filtered: silent.
package main

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/labels"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type r struct{ client.Client }

func (r *r) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	var s corev1.Secret
	return reconcile.Result{}, r.Get(ctx, req.NamespacedName, &s)
}

var cacheOpts = cache.Options{
	ByObject: map[client.Object]cache.ByObject{
		&corev1.Secret{}: {Label: labels.SelectorFromSet(labels.Set{"app": "mine"})},
	},
}

var mgrOpts = ctrl.Options{LeaderElection: true, Cache: cacheOpts}

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), mgrOpts)
	_ = ctrl.NewControllerManagedBy(mgr).For(&corev1.Secret{}).Complete(&r{Client: mgr.GetClient()}) // ok: the options filter Secrets
}
