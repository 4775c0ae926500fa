// Package lib is a library of reconcilers: Every's controller runs on
// every replica (NeedLeaderElection false), Elected's on the leader; both
// map functions send on a channel that main wires and consumes.
package lib

import (
	"context"

	core_v1 "k8s.io/api/core/v1"
	"k8s.io/utils/ptr"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/controller"
	"sigs.k8s.io/controller-runtime/pkg/handler"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

// Every reconciles pods on every replica.
type Every struct {
	Events chan string
}

func (r *Every) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	return reconcile.Result{}, nil
}

func (r *Every) mapService(ctx context.Context, o client.Object) []reconcile.Request {
	r.Events <- o.GetName() // ok: reported in main, where the role is known
	return nil
}

// SetupWithManager builds the controller without leader election.
func (r *Every) SetupWithManager(mgr ctrl.Manager) error {
	return ctrl.NewControllerManagedBy(mgr).For(&core_v1.Pod{}).
		Watches(&core_v1.Service{}, handler.EnqueueRequestsFromMapFunc(r.mapService)).
		WithOptions(controller.Options{NeedLeaderElection: ptr.To(false)}).
		Complete(r)
}

// Elected reconciles pods on the leader.
type Elected struct {
	Events chan string
}

func (r *Elected) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	return reconcile.Result{}, nil
}

func (r *Elected) mapService(ctx context.Context, o client.Object) []reconcile.Request {
	r.Events <- o.GetName() // ok: on the leader only
	return nil
}

// SetupWithManager builds a leader-elected controller.
func (r *Elected) SetupWithManager(mgr ctrl.Manager) error {
	return ctrl.NewControllerManagedBy(mgr).For(&core_v1.Pod{}).
		Watches(&core_v1.Service{}, handler.EnqueueRequestsFromMapFunc(r.mapService)).
		Complete(r)
}
