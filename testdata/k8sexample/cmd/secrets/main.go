// Command secrets builds the manager options, without leader election and
// without narrowing the Secret cache: unfilteredcache reports them here,
// where the fix belongs.
package main

import (
	"time"

	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"

	"example.com/operator/internal/controllers"
)

func main() {
	sync := 10 * time.Minute
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{
		LeaderElection: false,
		Cache:          cache.Options{SyncPeriod: &sync},
	})
	if err != nil {
		panic(err)
	}
	if err := (&controllers.SecretReconciler{Client: mgr.GetClient()}).SetupWithManager(mgr); err != nil {
		panic(err)
	}
	if err := mgr.Start(ctrl.SetupSignalHandler()); err != nil {
		panic(err)
	}
}
