// Command innerfixed calls inner.Run only from a leader-only runnable:
// the handler then runs on the leader too.
package main

import (
	"context"

	"kbsplit/inner"

	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/manager"
)

func main() {
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true, LeaderElectionID: "x"})
	if err != nil {
		panic(err)
	}
	_ = mgr.Add(manager.RunnableFunc(func(ctx context.Context) error {
		return inner.Run(mgr) // ok: registered on the leader only
	}))
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
