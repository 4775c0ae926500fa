// Command hookmade: the manager's cache is one built beforehand with
// cache.New and given to the manager by its NewCache hook.
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
	cfg := ctrl.GetConfigOrDie()
	own, _ := cache.New(cfg, cache.Options{
		ByObject: map[client.Object]cache.ByObject{&corev1.Secret{}: {Label: labels.Everything()}},
	})
	mgr, _ := ctrl.NewManager(cfg, ctrl.Options{ // ok: the filtered cache is the manager's
		LeaderElection: true,
		NewCache:       func(*rest.Config, cache.Options) (cache.Cache, error) { return own, nil },
	})
	_ = ctrl.NewControllerManagedBy(mgr).For(&corev1.Secret{}).Complete(reconcile.Func(nil))
}
