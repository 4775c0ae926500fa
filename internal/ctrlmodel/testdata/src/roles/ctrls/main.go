// Command ctrls builds controllers whose options decide where their
// reconcilers and watches run.
package main

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

type everyRec struct{}

// role: every; symbolic: every
func (everyRec) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	return reconcile.Result{}, nil
}

// role: every; symbolic: every
func (everyRec) mapPod(ctx context.Context, o client.Object) []reconcile.Request { return nil }

type leaderRec struct{}

// role: leader; symbolic: leader
func (leaderRec) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	return reconcile.Result{}, nil
}

// role: leader; symbolic: leader
func (leaderRec) mapPod(ctx context.Context, o client.Object) []reconcile.Request { return nil }

type warmRec struct{}

// role: leader; symbolic: leader
func (warmRec) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	return reconcile.Result{}, nil
}

// role: every; symbolic: every
func (warmRec) mapPod(ctx context.Context, o client.Object) []reconcile.Request { return nil }

type flagRec struct{}

// role: unknown; symbolic: unknown
func (flagRec) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	return reconcile.Result{}, nil
}

// role: unknown; symbolic: unknown
func (flagRec) mapPod(ctx context.Context, o client.Object) []reconcile.Request { return nil }

type newRec struct{}

// role: every; symbolic: every
func (newRec) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	return reconcile.Result{}, nil
}

// opts is a helper that builds the options with &f.
//
// role: every; symbolic: every
func opts() controller.Options {
	f := false
	return controller.Options{NeedLeaderElection: &f}
}

var needLeader = true

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	_ = ctrl.NewControllerManagedBy(mgr).For(&core_v1.Pod{}).
		Watches(&core_v1.Service{}, handler.EnqueueRequestsFromMapFunc(everyRec{}.mapPod)).
		WithOptions(opts()).Complete(everyRec{})
	_ = ctrl.NewControllerManagedBy(mgr).For(&core_v1.Pod{}).
		Watches(&core_v1.Service{}, handler.EnqueueRequestsFromMapFunc(leaderRec{}.mapPod)).
		Complete(leaderRec{})
	_ = ctrl.NewControllerManagedBy(mgr).For(&core_v1.Pod{}).
		Watches(&core_v1.Service{}, handler.EnqueueRequestsFromMapFunc(warmRec{}.mapPod)).
		WithOptions(controller.Options{EnableWarmup: ptr.To(true)}).Complete(warmRec{})
	_ = ctrl.NewControllerManagedBy(mgr).For(&core_v1.Pod{}).
		Watches(&core_v1.Service{}, handler.EnqueueRequestsFromMapFunc(flagRec{}.mapPod)).
		WithOptions(controller.Options{NeedLeaderElection: &needLeader}).Complete(flagRec{})
	_, _ = controller.New("new", mgr, controller.Options{Reconciler: newRec{}, NeedLeaderElection: ptr.To(false)})
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
