package testenv // want package:"caches\\(a cached client Get Secret\\)"

// testenv is envtest set-up kept in an ordinary file (Kong's
// test/envtest): its manager runs only under go test, where caching
// every Secret costs nothing in production.

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

// The binary's manager, in the same package as a test's set-up whose
// options disable the cache for Secrets: the test's options do not
// narrow the binary's cache.
func Run() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{}) // want `the manager's cache holds every Secret it can see, in full, on every replica \(leader election is off\): a cached client Get of Secret in Run`
	var s corev1.Secret
	_ = mgr.GetClient().Get(context.Background(), client.ObjectKey{Name: "x"}, &s)
}

func StartUncached(t *testing.T) {
	_, _ = ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{ // ok: a test's manager
		Client: client.Options{Cache: &client.CacheOptions{DisableFor: []client.Object{&corev1.Secret{}}}},
	})
}
