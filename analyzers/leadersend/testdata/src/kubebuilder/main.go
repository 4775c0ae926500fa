// Command kubebuilder is a kubebuilder-style operator: a reconciler built
// with the builder, a manager with leader election. Nothing blocks.
package main

import (
	"context"

	core_v1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type PodReconciler struct {
	client.Client
	events chan string
}

func (r *PodReconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) { // ok
	select {
	case r.events <- req.Name:
	default:
	}
	return reconcile.Result{}, nil
}

func (r *PodReconciler) SetupWithManager(mgr ctrl.Manager) error {
	return ctrl.NewControllerManagedBy(mgr).For(&core_v1.Pod{}).Complete(r)
}

var enableLeaderElection = true

func main() {
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: enableLeaderElection, LeaderElectionID: "x"})
	if err != nil {
		panic(err)
	}
	r := &PodReconciler{Client: mgr.GetClient(), events: make(chan string, 10)}
	if err := r.SetupWithManager(mgr); err != nil {
		panic(err)
	}
	go func() {
		for e := range r.events {
			_ = e
		}
	}()
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
