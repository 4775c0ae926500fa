// Command cmd builds a manager that keeps Secrets out of its cache for
// reads, and a Secrets client of its own (lib): nothing holds every
// Secret.
package main

import (
	"context"

	"owncache/lib"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/labels"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

func main() {
	ctx := context.Background()
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{ // ok: Secrets reads bypass the cache, and lib's cache is its own
		LeaderElection: true,
		Client: client.Options{
			Cache: &client.CacheOptions{DisableFor: []client.Object{&corev1.Secret{}}},
		},
	})
	if err != nil {
		panic(err)
	}
	if _, err := lib.NewSecretsClientForManager(ctx, mgr, labels.Everything()); err != nil {
		panic(err)
	}
	_ = lib.ReadOwn(ctx, mgr)
	_ = mgr.Start(ctx)
}
