// Command mapupdate: the options of a cache of its own are filled by a
// map update; the manager's cache, which watches Secrets, is not filtered.
package main

import (
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/labels"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

func main() {
	cfg := ctrl.GetConfigOrDie()
	opts := cache.Options{ByObject: map[client.Object]cache.ByObject{}}
	opts.ByObject[&corev1.Secret{}] = cache.ByObject{Label: labels.Everything()}
	_, _ = cache.New(cfg, opts)
	mgr, _ := ctrl.NewManager(cfg, ctrl.Options{LeaderElection: true}) // want `the manager's cache holds every Secret it can see, in full, on the leader: For of Secret in main`
	_ = ctrl.NewControllerManagedBy(mgr).For(&corev1.Secret{}).Complete(reconcile.Func(nil))
}
