// Package main builds a manager that watches every Secret, and a label-
// filtered cache of its own for Secrets: the filter of its own cache
// does not narrow the manager's.
package main

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/labels"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

func main() {
	ctx := context.Background()
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true}) // want `the manager's cache holds every Secret it can see, in full, on every replica \(it is started from code that runs on every replica\): GetInformer of Secret in main \(main.go:32\);`
	if err != nil {
		panic(err)
	}
	own, err := cache.New(mgr.GetConfig(), cache.Options{
		ByObject: map[client.Object]cache.ByObject{
			&corev1.Secret{}: {Label: labels.Everything()},
		},
	})
	if err != nil {
		panic(err)
	}
	warm(ctx, own)
	warm(ctx, own)
	if _, err := mgr.GetCache().GetInformer(ctx, &corev1.Secret{}); err != nil {
		panic(err)
	}
	_ = mgr.Start(ctx)
}

// warm is given only caches made with cache.New: its GetInformer is on
// a cache of the code's own.
func warm(ctx context.Context, c cache.Cache) {
	_, _ = c.GetInformer(ctx, &corev1.Secret{})
}
