// Command cmdignored calls mid.Setup on every replica, at a line that
// says why that is intended.
package main

import (
	"context"

	"kbsplit/mid"

	ctrl "sigs.k8s.io/controller-runtime"
)

func main() {
	ctx := context.Background()
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	//ctrlvet:ignore earlyinformer -- standbys must be warm for a fast failover
	_ = mid.Setup(ctx, mgr)
	_ = mgr.Start(ctx)
}
