// Command recvcmdoff builds a leader-elected manager whose controllers
// are not leader-elected (config.Controller): the library's reconciler
// runs on every replica, and receives what its handler sends there.
package main

import (
	"kbsplit/recvlib"

	"k8s.io/utils/ptr"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/config"
)

func main() {
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{
		LeaderElection:   true,
		LeaderElectionID: "x",
		Controller:       config.Controller{NeedLeaderElection: ptr.To(false)},
	})
	if err != nil {
		panic(err)
	}
	if err := recvlib.New().SetupWithManager(mgr); err != nil { // ok: the reconciler runs on every replica too
		panic(err)
	}
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
