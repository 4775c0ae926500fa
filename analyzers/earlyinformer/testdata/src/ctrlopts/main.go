// Command ctrlopts gets informers in main that only controllers consume:
// a leader-elected controller consumes on the leader only (the informer
// is early); one without leader election, or warmed up (the user's
// choice), consumes on every replica; one whose option is a variable is
// unknown.
package main

import (
	"context"

	core_v1 "k8s.io/api/core/v1"
	"k8s.io/utils/ptr"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/controller"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type rec struct{}

func (rec) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	return reconcile.Result{}, nil
}

var needLeader = true

func main() {
	ctx := context.Background()
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	_, _ = mgr.GetCache().GetInformer(ctx, &core_v1.Pod{})       // want `informer for Pod is created in main and its cache starts with the manager, on every replica, but everything that consumes it \(For in main\) runs only on the leader`
	_, _ = mgr.GetCache().GetInformer(ctx, &core_v1.Service{})   // ok: its controller runs on every replica
	_, _ = mgr.GetCache().GetInformer(ctx, &core_v1.Secret{})    // ok: its controller warms up, the user's choice
	_, _ = mgr.GetCache().GetInformer(ctx, &core_v1.ConfigMap{}) // ok: unknown
	_ = ctrl.NewControllerManagedBy(mgr).For(&core_v1.Pod{}).Complete(rec{})
	_ = ctrl.NewControllerManagedBy(mgr).For(&core_v1.Service{}).
		WithOptions(controller.Options{NeedLeaderElection: ptr.To(false)}).Complete(rec{})
	_ = ctrl.NewControllerManagedBy(mgr).For(&core_v1.Secret{}).
		WithOptions(controller.Options{EnableWarmup: ptr.To(true)}).Complete(rec{})
	_ = ctrl.NewControllerManagedBy(mgr).For(&core_v1.ConfigMap{}).
		WithOptions(controller.Options{NeedLeaderElection: &needLeader}).Complete(rec{})
	_ = mgr.Start(ctx)
}
