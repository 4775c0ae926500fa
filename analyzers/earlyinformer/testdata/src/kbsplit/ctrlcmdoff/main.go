// Command ctrlcmdoff calls ctrllib.Setup on every replica with a manager
// whose controllers are not leader-elected (config.Controller): the
// controller's watch consumes the informer on every replica.
package main

import (
	"context"

	"kbsplit/ctrllib"

	"k8s.io/utils/ptr"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/config"
)

func main() {
	ctx := context.Background()
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{
		LeaderElection: true,
		Controller:     config.Controller{NeedLeaderElection: ptr.To(false)},
	})
	if err := ctrllib.Setup(ctx, mgr); err != nil { // ok: its controller runs on every replica
		panic(err)
	}
	_ = mgr.Start(ctx)
}
