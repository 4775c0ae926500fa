// Command cachedparam passes both client.New(...) and the manager's
// cached client to the same helper: the cached one starts a cluster-wide
// Secret informer.
package main

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

func token(ctx context.Context, c client.Client) (string, error) {
	var s corev1.Secret
	if err := c.Get(ctx, client.ObjectKey{Namespace: "ns", Name: "token"}, &s); err != nil {
		return "", err
	}
	return string(s.Data["token"]), nil
}

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: false}) // want `the manager's cache holds every Secret it can see, in full, on every replica \(leader election is off\): a cached client Get of Secret in token`
	direct, _ := client.New(ctrl.GetConfigOrDie(), client.Options{})
	_, _ = token(context.Background(), direct)
	_, _ = token(context.Background(), mgr.GetClient())
}
