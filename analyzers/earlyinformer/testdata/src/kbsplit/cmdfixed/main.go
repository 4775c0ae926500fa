// Command cmdfixed calls watch.Run from a leader-only runnable.
package main

import (
	"context"

	"kbsplit/watch"

	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/manager"
)

func main() {
	ctx := context.Background()
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	_ = mgr.Add(manager.RunnableFunc(func(ctx context.Context) error {
		return watch.Run(ctx, mgr) // ok: created on the leader only
	}))
	_ = mgr.Start(ctx)
}
