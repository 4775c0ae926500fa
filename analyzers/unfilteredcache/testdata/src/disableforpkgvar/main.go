// Command disableforpkgvar keeps its DisableFor list in a package
// variable that names only ConfigMaps, and appends nothing for Secrets:
// the Secret read still fills the cache.
package main

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

var uncached = []client.Object{&corev1.ConfigMap{}}

func main() {
	list := append(uncached, &corev1.ConfigMap{})
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{ // want `the manager's cache holds every Secret it can see, in full, on every replica \(leader election is off\): a cached client Get of Secret in main`
		Client: client.Options{Cache: &client.CacheOptions{DisableFor: list}},
	})
	var s corev1.Secret
	_ = mgr.GetClient().Get(context.Background(), client.ObjectKey{Name: "x"}, &s)
	var cm corev1.ConfigMap
	_ = mgr.GetClient().Get(context.Background(), client.ObjectKey{Name: "x"}, &cm) // ok: listed
}
