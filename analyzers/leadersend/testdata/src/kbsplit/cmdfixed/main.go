// Command cmdfixed consumes the library reconciler's channel on every
// replica: nothing blocks on a standby.
package main

import (
	"kbsplit/controller"

	ctrl "sigs.k8s.io/controller-runtime"
)

func main() {
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true, LeaderElectionID: "x"})
	if err != nil {
		panic(err)
	}
	events := make(chan string)
	r := &controller.PodReconciler{Client: mgr.GetClient(), Events: events} // ok: consumed on every replica
	if err := r.SetupWithManager(mgr); err != nil {
		panic(err)
	}
	go func() {
		for e := range events {
			_ = e
		}
	}()
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
