// Command hookfresh: NewCache builds the manager's cache with cache.New
// and fresh options that filter Secrets. That cache.New is the manager's
// cache, and its options are the manager's.
package main

import (
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/client-go/rest"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

func main() {
	sel := labels.Everything()
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{ // ok: filtered by the hook's options
		LeaderElection: true,
		NewCache: func(config *rest.Config, opts cache.Options) (cache.Cache, error) {
			return cache.New(config, cache.Options{
				Scheme: opts.Scheme, Mapper: opts.Mapper,
				ByObject: map[client.Object]cache.ByObject{&corev1.Secret{}: {Label: sel}},
			})
		},
	})
	_ = ctrl.NewControllerManagedBy(mgr).For(&corev1.Secret{}).Complete(reconcile.Func(nil))
}
