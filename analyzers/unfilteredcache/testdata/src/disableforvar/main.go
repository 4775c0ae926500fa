// Command disableforvar turns the cache off for Secrets unless a feature
// gate asks for it (fluxcd source-controller's CacheSecretsAndConfigMaps):
// the list DisableFor gets is built at run time, so ctrlvet cannot tell
// which kinds it names and stays silent on reads.
package main

import (
	"context"
	"os"

	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

func main() {
	var disableCacheFor []client.Object
	if os.Getenv("CACHE_SECRETS") == "" {
		disableCacheFor = append(disableCacheFor, &corev1.Secret{}, &corev1.ConfigMap{})
	}
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{ // ok
		Client: client.Options{Cache: &client.CacheOptions{DisableFor: disableCacheFor}},
	})
	var s corev1.Secret
	_ = mgr.GetClient().Get(context.Background(), client.ObjectKey{Name: "x"}, &s)
}
