// Command typedkind watches Secrets through a typed source.Kind, and reads
// them through an API reader kept in a field.
package main

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/handler"
	"sigs.k8s.io/controller-runtime/pkg/source"
)

type reconciler struct {
	APIReader client.Reader
}

func (r *reconciler) token(ctx context.Context) error {
	var s corev1.ConfigMap
	return r.APIReader.Get(ctx, client.ObjectKey{Name: "x"}, &s) // ok: an API reader
}

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true}) // want `the manager's cache holds every Secret it can see, in full, on the leader: source.Kind of Secret in main`
	_ = source.Kind(mgr.GetCache(), &corev1.Secret{}, &handler.TypedEnqueueRequestForObject[*corev1.Secret]{})
	r := &reconciler{APIReader: mgr.GetAPIReader()}
	_ = r.token(context.Background())
}
