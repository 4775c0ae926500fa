// From a review: DisableFor is a reslice of a package array naming Secret: should be silent
package main

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

var uncached = [1]client.Object{&corev1.Secret{}}

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{ // ok
		Client: client.Options{Cache: &client.CacheOptions{DisableFor: uncached[:]}},
	})
	var s corev1.Secret
	_ = mgr.GetClient().Get(context.Background(), client.ObjectKey{Name: "x"}, &s)
}
