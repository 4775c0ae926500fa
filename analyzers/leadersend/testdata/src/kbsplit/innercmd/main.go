// Command innercmd calls inner.Run on every replica.
package main

import (
	"kbsplit/inner"

	ctrl "sigs.k8s.io/controller-runtime"
)

func main() {
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true, LeaderElectionID: "x"})
	if err != nil {
		panic(err)
	}
	if err := inner.Run(mgr); err != nil { // want `inner.Run registers an informer event handler that sends on a channel \(inner.go:\d+:\d+\), on every replica, but its only receiver, .*, runs only on the leader`
		panic(err)
	}
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
