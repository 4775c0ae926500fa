// Command kbsplit calls podwatch.Setup on every replica and consumes its
// channel in a leader-only runnable: leadersend reports the call.
package main

import (
	"context"

	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/manager"

	"example.com/operator/internal/podwatch"
)

func main() {
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true, LeaderElectionID: "kbsplit"})
	if err != nil {
		panic(err)
	}
	ctx := ctrl.SetupSignalHandler()
	names := make(chan string)
	if err := podwatch.Setup(ctx, mgr, names); err != nil {
		panic(err)
	}
	if err := mgr.Add(manager.RunnableFunc(func(ctx context.Context) error {
		for {
			select {
			case n := <-names:
				_ = n
			case <-ctx.Done():
				return nil
			}
		}
	})); err != nil {
		panic(err)
	}
	if err := mgr.Start(ctx); err != nil {
		panic(err)
	}
}
