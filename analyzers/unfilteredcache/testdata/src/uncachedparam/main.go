// Command uncachedparam reads a Secret through a helper that takes a
// client.Client; every caller passes client.New(...), which caches
// nothing (a false positive found on a real tree): silent.
package main

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

func token(ctx context.Context, c client.Client) (string, error) {
	var s corev1.Secret
	if err := c.Get(ctx, client.ObjectKey{Namespace: "ns", Name: "token"}, &s); err != nil { // ok: c is always client.New(...)
		return "", err
	}
	return string(s.Data["token"]), nil
}

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: false}) // ok
	direct, err := client.New(ctrl.GetConfigOrDie(), client.Options{})
	if err != nil {
		panic(err)
	}
	_, _ = token(context.Background(), direct)
	c2, _ := client.New(ctrl.GetConfigOrDie(), client.Options{})
	_, _ = token(context.Background(), c2)
	_ = mgr
}
