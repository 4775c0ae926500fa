// Command field: a label-filtered cache of its own, made with cache.New
// and kept in a struct field (vault-secrets-operator's shape, one step
// further): its GetInformer is not on the manager's cache.
package main

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/labels"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

type secretCache struct{ c cache.Cache }

func newSecretCache(mgr ctrl.Manager) *secretCache {
	c, _ := cache.New(mgr.GetConfig(), cache.Options{
		ByObject: map[client.Object]cache.ByObject{&corev1.Secret{}: {Label: labels.Everything()}},
	})
	return &secretCache{c: c}
}

func (s *secretCache) Start(ctx context.Context) error {
	_, err := s.c.GetInformer(ctx, &corev1.Secret{})
	return err
}

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true}) // ok
	_ = mgr.Add(newSecretCache(mgr))
	_ = mgr.Start(context.Background())
}
