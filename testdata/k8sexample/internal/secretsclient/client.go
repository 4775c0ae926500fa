// Package secretsclient is vault-secrets-operator's
// helpers.NewSecretsClientForManager: a cache of its own for Secrets,
// made with cache.New and a label selector, added to the manager, and a
// client that reads through it. It is not the manager's cache.
package secretsclient

import (
	"context"
	"fmt"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/labels"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// New returns a client that reads only the Secrets that match selector.
func New(ctx context.Context, mgr ctrl.Manager, selector labels.Selector) (client.Client, error) {
	if selector.Empty() {
		return nil, fmt.Errorf("selector cannot be empty")
	}
	own, err := cache.New(mgr.GetConfig(), cache.Options{
		Scheme: mgr.GetScheme(),
		Mapper: mgr.GetRESTMapper(),
		ByObject: map[client.Object]cache.ByObject{
			&corev1.Secret{}: {Label: selector},
		},
	})
	if err != nil {
		return nil, err
	}
	if _, err := own.GetInformer(ctx, &corev1.Secret{}); err != nil {
		return nil, err
	}
	if err := mgr.Add(own); err != nil {
		return nil, err
	}
	return client.New(mgr.GetConfig(), client.Options{
		Scheme: mgr.GetScheme(),
		Mapper: mgr.GetRESTMapper(),
		Cache:  &client.CacheOptions{Reader: own},
	})
}
