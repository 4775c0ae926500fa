package main

import (
	"context"
	"testing"

	"sigs.k8s.io/controller-runtime/pkg/client"

	"testhelp"
)

func TestSetup(t *testing.T) {
	s := &testhelp.Setup{}
	_ = s.UpdateSecret(context.Background(), client.ObjectKey{})
}
