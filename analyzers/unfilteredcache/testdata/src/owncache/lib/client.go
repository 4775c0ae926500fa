// Package lib is vault-secrets-operator's helpers.NewSecretsClientForManager
// in miniature: a cache of its own, made with cache.New and a label
// selector for Secrets, added to the manager, read through a client
// whose cache reader is that cache. None of it is the manager's cache.
package lib

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/labels"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

func NewSecretsClientForManager(ctx context.Context, mgr ctrl.Manager, selector labels.Selector) (client.Client, error) {
	opts := cache.Options{
		ByObject: map[client.Object]cache.ByObject{
			&corev1.Secret{}: {Label: selector},
		},
	}
	own, err := cache.New(mgr.GetConfig(), opts)
	if err != nil {
		return nil, err
	}
	if _, err := own.GetInformer(ctx, &corev1.Secret{}); err != nil { // ok: its own cache, not the manager's
		return nil, err
	}
	if err := mgr.Add(own); err != nil {
		return nil, err
	}
	return client.New(mgr.GetConfig(), client.Options{Cache: &client.CacheOptions{Reader: own}})
}

// Reader reads Secrets through the client of its own cache.
type Reader struct{ Secrets client.Client }

func (r *Reader) Get(ctx context.Context, name string) error {
	var s corev1.Secret
	return r.Secrets.Get(ctx, client.ObjectKey{Name: name}, &s)
}

// ReadOwn reads through a client made by NewSecretsClientForManager.
func ReadOwn(ctx context.Context, mgr ctrl.Manager) error {
	c, err := NewSecretsClientForManager(ctx, mgr, labels.Everything())
	if err != nil {
		return err
	}
	var s corev1.Secret
	return c.Get(ctx, client.ObjectKey{Name: "x"}, &s) // ok: its own cache
}
