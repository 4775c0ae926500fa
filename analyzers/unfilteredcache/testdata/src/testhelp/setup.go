// Package testhelp is set-up for tests that is not in a _test.go file
// (greenhouse's internal/test): it reads Secrets through the client it
// is given.
package testhelp

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

type Setup struct {
	client.Client
}

func (s *Setup) UpdateSecret(ctx context.Context, key client.ObjectKey) error {
	var sec corev1.Secret
	return s.Get(ctx, key, &sec)
}
