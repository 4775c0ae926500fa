// From a review: element is a client.Object-typed variable holding a Secret: should be silent
package main

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

var secretObj client.Object = &corev1.Secret{}

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{ // ok
		Client: client.Options{Cache: &client.CacheOptions{DisableFor: []client.Object{secretObj}}},
	})
	var s corev1.Secret
	_ = mgr.GetClient().Get(context.Background(), client.ObjectKey{Name: "x"}, &s)
}
