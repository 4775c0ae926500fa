// Package testenv is envtest set-up kept in an ordinary file (Kong's
// test/envtest): its manager runs only under go test, where caching
// every Secret costs nothing in production.
package testenv

import (
	"context"
	"testing"

	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

func StartManager(t *testing.T) {
	t.Helper()
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{}) // ok: a test's manager
	var s corev1.Secret
	_ = mgr.GetClient().Get(context.Background(), client.ObjectKey{Name: "x"}, &s)
}

func StartWith(tb testing.TB) {
	go func() {
		mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{}) // ok: in a literal of a test's set-up
		var s corev1.Secret
		_ = mgr.GetClient().Get(context.Background(), client.ObjectKey{Name: "x"}, &s)
	}()
}
