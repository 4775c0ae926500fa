// Command recvcmdwarm turns on warm-up for every controller: their
// sources start on every replica, but reconcilers still run on the
// leader only, so the library's handler still blocks on standbys.
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
		Controller:       config.Controller{EnableWarmup: ptr.To(true)},
	})
	if err != nil {
		panic(err)
	}
	if err := recvlib.New().SetupWithManager(mgr); err != nil { // want `registers an informer event handler that sends on`
		panic(err)
	}
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
