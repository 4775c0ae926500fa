// Command owncache keeps Secrets out of the manager's cache for reads and
// reads them through a label-filtered cache of its own
// (internal/secretsclient): nothing holds every Secret, and unfilteredcache
// stays silent.
package main

import (
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/selection"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"

	"example.com/operator/internal/secretsclient"
)

func main() {
	ctx := ctrl.SetupSignalHandler()
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{
		LeaderElection:   true,
		LeaderElectionID: "owncache",
		Client: client.Options{
			Cache: &client.CacheOptions{DisableFor: []client.Object{&corev1.Secret{}}},
		},
	})
	if err != nil {
		panic(err)
	}
	req, err := labels.NewRequirement("app.kubernetes.io/managed-by", selection.Equals, []string{"owncache"})
	if err != nil {
		panic(err)
	}
	secrets, err := secretsclient.New(ctx, mgr, labels.NewSelector().Add(*req))
	if err != nil {
		panic(err)
	}
	_ = secrets
	if err := mgr.Start(ctx); err != nil {
		panic(err)
	}
}
