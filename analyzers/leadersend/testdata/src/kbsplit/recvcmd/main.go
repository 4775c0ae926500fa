// Command recvcmd builds a leader-elected manager with the default
// controller options: the library's reconciler runs on the leader only,
// so its handler's send blocks on standbys.
package main

import (
	"kbsplit/recvlib"

	ctrl "sigs.k8s.io/controller-runtime"
)

func main() {
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true, LeaderElectionID: "x"})
	if err != nil {
		panic(err)
	}
	if err := recvlib.New().SetupWithManager(mgr); err != nil { // want `registers an informer event handler that sends on`
		panic(err)
	}
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
