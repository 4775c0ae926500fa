// From a review: package var that a closure / user init / method appends Secret to: read is disabled, should be silent
package main

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

var uncached = []client.Object{&corev1.ConfigMap{}}

type cfg struct{}



func main() {
	func() { uncached = append(uncached, &corev1.Secret{}) }()
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{ // ok
		Client: client.Options{Cache: &client.CacheOptions{DisableFor: uncached}},
	})
	var s corev1.Secret
	_ = mgr.GetClient().Get(context.Background(), client.ObjectKey{Name: "x"}, &s)
}
