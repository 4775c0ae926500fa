// Command ctrlcmd calls ctrllib.Setup on every replica with a manager
// whose controllers are leader-elected.
package main

import (
	"context"

	"kbsplit/ctrllib"

	ctrl "sigs.k8s.io/controller-runtime"
)

func main() {
	ctx := context.Background()
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	if err := ctrllib.Setup(ctx, mgr); err != nil { // want `ctrllib.Setup creates an informer for Secret`
		panic(err)
	}
	_ = mgr.Start(ctx)
}
