// Package linkedhelp reads Secrets through the client it is given, for
// the command that imports it.
package linkedhelp

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

func Token(ctx context.Context, c client.Client) error {
	var sec corev1.Secret
	return c.Get(ctx, client.ObjectKey{Name: "token"}, &sec)
}
