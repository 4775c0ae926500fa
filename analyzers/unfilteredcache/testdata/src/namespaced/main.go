// Command namespaced only scopes the cache to namespaces.
package main

import (
	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{ // want `the manager's cache holds every ConfigMap it can see, in full, on the leader: For of ConfigMap in main \(main.go:17\); DefaultNamespaces scopes it to namespaces, which still hold every ConfigMap`
		LeaderElection: true,
		Cache:          cache.Options{DefaultNamespaces: map[string]cache.Config{"apps": {}}},
	})
	_ = ctrl.NewControllerManagedBy(mgr).
		For(&corev1.ConfigMap{}).
		Complete(reconcile.Func(nil))
}
